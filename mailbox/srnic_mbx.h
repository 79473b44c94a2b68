/* SPDX-License-Identifier: GPL-2.0 */
/* 82576 mailbox transport: moving words through VMBMEM and the PFMailbox /
 * VFMailbox control registers. No policy and no message semantics here;
 * see srnic_mbx_proto.h for the message formats.
 *
 * Context rules, both sides: nothing here sleeps unless a function says so.
 * Functions that busy-wait state their worst case. The caller serializes all
 * access to one VF's mailbox (PF: one lock around the per-VF scan; VF: one
 * lock around each transaction).
 */
#ifndef _SRNIC_MBX_H_
#define _SRNIC_MBX_H_

#include <linux/types.h>

#include "srnic_hw.h"
#include "srnic_mbx_proto.h"

/* PF: how hard to try for PFU. The VF holds VFU only while it writes its
 * own message (a few MMIO writes), so a short bounded spin is enough; a VF
 * that sits on VFU longer is misbehaving and gets -EBUSY.
 */
#define SRNIC_MBX_PF_LOCK_TRIES		10
#define SRNIC_MBX_PF_LOCK_DELAY_US	20

/* VF: lock retries and posted-operation polling (about 1 s in total) */
#define SRNIC_MBX_VF_LOCK_TRIES		11
#define SRNIC_MBX_VF_LOCK_DELAY_US	1000
#define SRNIC_MBX_VF_POLL_TRIES		2000
#define SRNIC_MBX_VF_POLL_DELAY_US	500

/* PF side */
int srnic_mbx_pf_lock(struct srnic_hw *hw, unsigned int vf);
int srnic_mbx_pf_lock_tries(struct srnic_hw *hw, unsigned int vf,
			    unsigned int tries, unsigned int *waits);
void srnic_mbx_pf_unlock(struct srnic_hw *hw, unsigned int vf);
void srnic_mbx_pf_force_vf_unlock(struct srnic_hw *hw, unsigned int vf);
void srnic_mbx_pf_read(struct srnic_hw *hw, unsigned int vf, u32 *msg,
		       unsigned int words);
void srnic_mbx_pf_ack_hold(struct srnic_hw *hw, unsigned int vf);
void srnic_mbx_pf_post(struct srnic_hw *hw, unsigned int vf, const u32 *msg,
		       unsigned int words);
int srnic_mbx_pf_send(struct srnic_hw *hw, unsigned int vf, const u32 *msg,
		      unsigned int words);
u32 srnic_mbx_pf_events(struct srnic_hw *hw);
void srnic_mbx_pf_clear_events(struct srnic_hw *hw, u32 bits);
bool srnic_mbx_pf_test_and_clear_req(struct srnic_hw *hw, unsigned int vf);
bool srnic_mbx_pf_test_and_clear_ack(struct srnic_hw *hw, unsigned int vf);
bool srnic_mbx_pf_test_and_clear_vflr(struct srnic_hw *hw, unsigned int vf);

/**
 * struct srnic_mbx_vf - VF side mailbox state
 * @hw: VF BAR0 accessors
 * @shadow: read-to-clear VFMailbox bits seen but not yet acted on
 * @timeout_armed: false after a posted operation timed out; every later
 *	posted operation then fails at once until srnic_mbx_vf_rearm()
 *	(called after a successful reset handshake)
 * @can_sleep: polling may sleep (usleep_range) instead of spinning
 */
struct srnic_mbx_vf {
	struct srnic_hw *hw;
	u32 shadow;
	bool timeout_armed;
	bool can_sleep;
};

void srnic_mbx_vf_init(struct srnic_mbx_vf *mbx, struct srnic_hw *hw,
		       bool can_sleep);
void srnic_mbx_vf_rearm(struct srnic_mbx_vf *mbx);
u32 srnic_mbx_vf_read_ctrl(struct srnic_mbx_vf *mbx);
bool srnic_mbx_vf_test_and_clear(struct srnic_mbx_vf *mbx, u32 bit);
bool srnic_mbx_vf_reset_pending(struct srnic_mbx_vf *mbx);
bool srnic_mbx_vf_check_rstd(struct srnic_mbx_vf *mbx);
int srnic_mbx_vf_lock(struct srnic_mbx_vf *mbx);
int srnic_mbx_vf_write(struct srnic_mbx_vf *mbx, const u32 *msg,
		       unsigned int words);
int srnic_mbx_vf_read(struct srnic_mbx_vf *mbx, u32 *msg, unsigned int words);
int srnic_mbx_vf_poll_ack(struct srnic_mbx_vf *mbx);
int srnic_mbx_vf_poll_msg(struct srnic_mbx_vf *mbx);
int srnic_mbx_vf_post(struct srnic_mbx_vf *mbx, const u32 *msg,
		      unsigned int words);
int srnic_mbx_vf_read_posted(struct srnic_mbx_vf *mbx, u32 *msg,
			     unsigned int words);

#endif /* _SRNIC_MBX_H_ */
