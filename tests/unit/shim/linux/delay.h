/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _SHIM_LINUX_DELAY_H
#define _SHIM_LINUX_DELAY_H
void shim_udelay(unsigned long us);
#define udelay(us)		shim_udelay(us)
#define usleep_range(a, b)	shim_udelay(a)
#define msleep(ms)		shim_udelay((ms) * 1000UL)
#define mdelay(ms)		shim_udelay((ms) * 1000UL)
#endif
