/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Differences between the kernels srnic builds against (6.1 .. 6.12).
 * The Makefile probes the kernel headers and defines SRNIC_NEED_* for
 * what the target kernel lacks; nothing here tests version numbers.
 */
#ifndef _SRNIC_COMPAT_H_
#define _SRNIC_COMPAT_H_

#include <linux/pci.h>
#include <linux/ethtool.h>

/* PCI_IRQ_LEGACY was renamed PCI_IRQ_INTX in 6.8 */
#ifndef PCI_IRQ_INTX
#define PCI_IRQ_INTX PCI_IRQ_LEGACY
#endif

/*
 * srnic_lib exports its symbols in the SRNIC namespace (the drivers
 * MODULE_IMPORT_NS(SRNIC_NS)). Up to 6.12 the export and import macros
 * stringify an identifier; from 6.13 they take a string literal.
 */
#ifdef SRNIC_NEED_NS_IDENT
#define SRNIC_NS SRNIC
#else
#define SRNIC_NS "SRNIC"
#endif

#ifdef SRNIC_NEED_ETHTOOL_PUTS
static inline void ethtool_puts(u8 **data, const char *str)
{
	strscpy(*data, str, ETH_GSTRING_LEN);
	*data += ETH_GSTRING_LEN;
}
#endif

#endif /* _SRNIC_COMPAT_H_ */
