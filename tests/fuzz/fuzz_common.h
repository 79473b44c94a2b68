/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the fuzz targets: the state under test, the input reader, the
 * operations both targets use and the invariant checks.
 *
 * The checks (fuzz_check.c) are built without coverage instrumentation:
 * they are the oracle, not code under test, and with tracing on they cost
 * 99% of the run time (every comparison of the 4096-VID sweep called back
 * into libFuzzer).
 */
#ifndef _SRNIC_FUZZ_COMMON_H_
#define _SRNIC_FUZZ_COMMON_H_

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/etherdevice.h>

#include "srnic_pf_policy.h"

/* harness code on hot paths that the fuzzer need not explore */
#define FZ_NOCOV __attribute__((no_sanitize("coverage")))

#define FAIL(...)							\
	do {								\
		fprintf(stderr, "invariant violated: " __VA_ARGS__);	\
		fprintf(stderr, "\n");					\
		abort();						\
	} while (0)

struct input {
	const u8 *p;
	size_t n;
};

static inline u8 in_u8(struct input *in)
{
	u8 b;

	if (!in->n)
		return 0;
	b = *in->p++;
	in->n--;
	return b;
}

static inline u16 in_u16(struct input *in)
{
	return in_u8(in) | (u16)in_u8(in) << 8;
}

static inline u32 in_u32(struct input *in)
{
	return in_u16(in) | (u32)in_u16(in) << 16;
}

extern struct srnic_sw sw;
extern struct srnic_pol pol;
extern u32 now;

/* fuzz_ops.c (instrumented) */
void fz_build_msg(struct input *in, u32 *msg);
int fz_admin_op(struct input *in, unsigned int *vfp);
void fz_pf_op(struct input *in);
void fz_probe_fairness(unsigned int step);

/* fuzz_check.c (not instrumented) */
void fz_reset_regfile(void);
void fz_check_switch(void);
void fz_check_policy(void);
void fz_check_flush(void);
void fz_check_all(void);
void fz_check_reply(unsigned int vf, const u32 *msg,
		    const struct srnic_pol_result *res, bool cts_before);
void fz_snapshot(void);
void fz_check_only_vf_changed(unsigned int vf);
void fz_check_refusal(unsigned int vf, const u32 *msg,
		      const struct srnic_pol_result *res);

#endif /* _SRNIC_FUZZ_COMMON_H_ */
