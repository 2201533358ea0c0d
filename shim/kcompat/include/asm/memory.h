/* SPDX-License-Identifier: MIT */
/* arm64 kernel address helpers. Kernel objects have one address here: the linear-map alias
 * of a symbol is the symbol itself. virt_to_phys()/__pa() are in kc/base.h. */
#ifndef KC_ASM_MEMORY_H
#define KC_ASM_MEMORY_H
#include <kc/base.h>
#define lm_alias(x) (x)
#endif
