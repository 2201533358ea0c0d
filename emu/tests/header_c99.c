/* The public header must be valid C99 with -pedantic; its version macros must be the
 * project's (meson passes EXPECT_*), and the run-time version must agree with them. */
#include <stdio.h>
#include <string.h>

#include "smcsim/smcsim.h"

#if SMCSIM_VERSION_MAJOR != EXPECT_MAJOR || SMCSIM_VERSION_MINOR != EXPECT_MINOR ||                \
	SMCSIM_VERSION_MICRO != EXPECT_MICRO
#error "include/smcsim/smcsim.h SMCSIM_VERSION_* differ from meson.build's project version"
#endif
#if !SMCSIM_CHECK_VERSION(0, 1, 0) || SMCSIM_CHECK_VERSION(EXPECT_MAJOR + 1, 0, 0)
#error "SMCSIM_CHECK_VERSION is wrong"
#endif

int main(void)
{
	struct smcsim_regs r = { { 0 } };
	struct smcsim_fid_info info = { sizeof(info), 0, 0, 0, 0, 0, NULL, NULL, NULL, 0 };
	char want[32];
	snprintf(want, sizeof(want), "%d.%d.%d", SMCSIM_VERSION_MAJOR, SMCSIM_VERSION_MINOR,
		 SMCSIM_VERSION_MICRO);
	if (strcmp(smcsim_version(), want) != 0) {
		fprintf(stderr, "smcsim_version() is %s, the header says %s\n", smcsim_version(),
			want);
		return 1;
	}
	return (int)r.x[0] + (smcsim_fid_decode(0x80000000u, &info) == 0 ? 0 : 1);
}
