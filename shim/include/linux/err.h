/* SPDX-License-Identifier: MIT */
#include "linux/smcsim-kernel.h"
