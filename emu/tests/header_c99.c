/* Compile-only: the public header must be valid C99 with -pedantic. */
#include "smcsim/smcsim.h"

int main(void)
{
	struct smcsim_regs r = { { 0 } };
	return (int)r.x[0] + (smcsim_version() ? 0 : 1);
}
