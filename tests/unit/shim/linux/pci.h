/* SPDX-License-Identifier: GPL-2.0 */
/* Empty: srnic_compat.h includes it; the code under test uses no PCI. */
#ifndef _SHIM_LINUX_PCI_H
#define _SHIM_LINUX_PCI_H
#endif
