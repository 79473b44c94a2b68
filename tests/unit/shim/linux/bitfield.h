/* SPDX-License-Identifier: GPL-2.0 */
/* FIELD_PREP/FIELD_GET/FIELD_MAX for a contiguous constant mask. */
#ifndef _SHIM_LINUX_BITFIELD_H
#define _SHIM_LINUX_BITFIELD_H
#define SHIM_BF_SHIFT(m)	(__builtin_ffsll(m) - 1)
#define FIELD_PREP(m, v)	((((typeof(m))(v)) << SHIM_BF_SHIFT(m)) & (m))
#define FIELD_GET(m, r)		((typeof(m))(((r) & (m)) >> SHIM_BF_SHIFT(m)))
#define FIELD_MAX(m)		((typeof(m))((m) >> SHIM_BF_SHIFT(m)))
#endif
