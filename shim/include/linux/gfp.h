/* SPDX-License-Identifier: MIT */
#include "linux/mm.h"
