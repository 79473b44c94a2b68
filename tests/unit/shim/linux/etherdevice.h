/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _SHIM_LINUX_ETHERDEVICE_H
#define _SHIM_LINUX_ETHERDEVICE_H
#include <string.h>
#include <linux/if_ether.h>
static inline bool is_zero_ether_addr(const u8 *a)
{
	return !(a[0] | a[1] | a[2] | a[3] | a[4] | a[5]);
}
static inline bool is_multicast_ether_addr(const u8 *a)
{
	return a[0] & 1;
}
static inline bool is_valid_ether_addr(const u8 *a)
{
	return !is_multicast_ether_addr(a) && !is_zero_ether_addr(a);
}
static inline bool ether_addr_equal(const u8 *a, const u8 *b)
{
	return !memcmp(a, b, ETH_ALEN);
}
static inline void ether_addr_copy(u8 *d, const u8 *s)
{
	memmove(d, s, ETH_ALEN);
}
static inline void eth_zero_addr(u8 *a)
{
	memset(a, 0, ETH_ALEN);
}
#endif
