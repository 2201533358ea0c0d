// Compile-only: the public header must be usable from C++ (extern "C" linkage).
#include "smcsim/smcsim.h"

int main()
{
	smcsim_regs r = {};
	smcsim_fid_info info = {};
	info.size = sizeof(info);
	return static_cast<int>(r.x[0]) + (smcsim_version() ? 0 : 1) +
	       (smcsim_fid_decode(0x80000000u, &info) == 0 ? 0 : 1);
}
