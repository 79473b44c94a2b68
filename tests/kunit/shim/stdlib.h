/* SPDX-License-Identifier: GPL-2.0 */
/* <stdlib.h> of the userspace unit tests, in the kernel: what they use */
#ifndef _SRNIC_KUNIT_STDLIB_H
#define _SRNIC_KUNIT_STDLIB_H
#include <linux/slab.h>
#define calloc(n, size)	kcalloc(n, size, GFP_KERNEL)
#define free(p)		kfree(p)
#endif
