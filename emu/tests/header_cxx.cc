// Compile-only: the public header must be usable from C++ (extern "C" linkage).
#include "smcsim/smcsim.h"

int main()
{
	smcsim_regs r = {};
	return static_cast<int>(r.x[0]) + (smcsim_version() ? 0 : 1);
}
