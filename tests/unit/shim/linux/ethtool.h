/* SPDX-License-Identifier: GPL-2.0 */
/* Empty: srnic_compat.h includes it; the code under test uses no ethtool. */
#ifndef _SHIM_LINUX_ETHTOOL_H
#define _SHIM_LINUX_ETHTOOL_H
#endif
