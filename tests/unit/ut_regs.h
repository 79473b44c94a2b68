/* SPDX-License-Identifier: GPL-2.0 */
/* A register file that records what srnic_sw_flush() writes. */
#ifndef _SRNIC_UT_REGS_H
#define _SRNIC_UT_REGS_H

#include <string.h>
#include <linux/types.h>
#include "srnic_regs.h"

#define UT_LOG_MAX 4096

struct ut_regs {
	u32 val[0x10000 / 4];
	u32 rtt[2 * SRNIC_MAX_POOLS];	/* RTTBCNRC per RTTDQSEL queue */
	u32 qsel;
	unsigned int n;
	u32 log_reg[UT_LOG_MAX], log_val[UT_LOG_MAX];
};

static inline void ut_regs_write(void *ctx, u32 reg, u32 val)
{
	struct ut_regs *r = ctx;

	if (r->n < UT_LOG_MAX) {
		r->log_reg[r->n] = reg;
		r->log_val[r->n] = val;
	}
	r->n++;
	if (reg == SRNIC_RTTDQSEL)
		r->qsel = val;
	if (reg == SRNIC_RTTBCNRC && r->qsel < 2 * SRNIC_MAX_POOLS)
		r->rtt[r->qsel] = val;
	r->val[reg / 4] = val;
}

static inline void ut_regs_clear_log(struct ut_regs *r)
{
	r->n = 0;
}

/* index of the first logged write to reg, or -1 */
static inline int ut_regs_find(const struct ut_regs *r, u32 reg)
{
	unsigned int i;

	for (i = 0; i < r->n && i < UT_LOG_MAX; i++)
		if (r->log_reg[i] == reg)
			return i;
	return -1;
}

#endif
