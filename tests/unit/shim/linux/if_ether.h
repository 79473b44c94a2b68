/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _SHIM_LINUX_IF_ETHER_H
#define _SHIM_LINUX_IF_ETHER_H
#include <linux/types.h>
#define ETH_ALEN	6
#define ETH_HLEN	14
#define ETH_ZLEN	60
#define ETH_FRAME_LEN	1514
#define ETH_FCS_LEN	4
#endif
