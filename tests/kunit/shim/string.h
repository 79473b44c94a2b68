/* SPDX-License-Identifier: GPL-2.0 */
/* <string.h> of the userspace unit tests, in the kernel */
#include <linux/string.h>
