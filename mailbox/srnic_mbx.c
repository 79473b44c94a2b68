// SPDX-License-Identifier: GPL-2.0
/* 82576 mailbox transport, PF and VF sides.
 *
 * The PF side never waits for the VF: a reply or a ping is posted and the
 * PF moves on, which keeps every PF function usable from hard interrupt
 * context under a spinlock. Its only wait is the short bounded spin for
 * the buffer lock (PFU).
 *
 * The VF side owns the read-to-clear problem: PFSTS, PFACK and RSTD vanish
 * on every read of VFMailbox, so every read is OR'ed into a shadow and a bit
 * leaves the shadow only when someone acts on it.
 */
#include <linux/array_size.h>
#include <linux/delay.h>
#include <linux/export.h>
#include <linux/string.h>

#include "srnic_compat.h"
#include "srnic_regs.h"
#include "srnic_mbx.h"

static unsigned int srnic_mbx_clamp(unsigned int words)
{
	return words > SRNIC_MBX_WORDS ? SRNIC_MBX_WORDS : words;
}

/* PF side ---------------------------------------------------------------- */

/**
 * srnic_mbx_pf_lock_tries - take PFU, trying at most @tries times
 * @hw: PF registers
 * @vf: VF number
 * @tries: attempts, at most SRNIC_MBX_PF_LOCK_TRIES (more is clamped)
 * @waits: out, may be NULL: busy-wait steps of SRNIC_MBX_PF_LOCK_DELAY_US
 *	spent, so the caller can charge a VF that sits on VFU
 *
 * There is no wait after the last attempt.
 *
 * Context: any, including hard irq with spinlocks held; busy-waits at most
 * (@tries - 1) * SRNIC_MBX_PF_LOCK_DELAY_US.
 *
 * Return: 0 with PFU held, -EBUSY if the VF keeps the buffer (or @tries is
 * 0), -ENODEV if the device is gone.
 */
int srnic_mbx_pf_lock_tries(struct srnic_hw *hw, unsigned int vf,
			    unsigned int tries, unsigned int *waits)
{
	unsigned int i;
	u32 v;

	if (tries > SRNIC_MBX_PF_LOCK_TRIES)
		tries = SRNIC_MBX_PF_LOCK_TRIES;
	if (waits)
		*waits = 0;
	for (i = 0; i < tries; i++) {
		if (i) {
			udelay(SRNIC_MBX_PF_LOCK_DELAY_US);
			if (waits)
				(*waits)++;
		}
		srnic_wr32(hw, SRNIC_PFMAILBOX(vf), SRNIC_PFMB_PFU);
		v = srnic_rd32(hw, SRNIC_PFMAILBOX(vf));
		if (v == ~0U)
			return -ENODEV;
		if (v & SRNIC_PFMB_PFU)
			return 0;
	}
	return -EBUSY;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_pf_lock_tries, SRNIC_NS);

/**
 * srnic_mbx_pf_lock - take the PF's ownership of VF @vf's mailbox buffer
 * @hw: PF registers
 * @vf: VF number
 *
 * Context: any, including hard irq with spinlocks held; busy-waits at most
 * (SRNIC_MBX_PF_LOCK_TRIES - 1) * SRNIC_MBX_PF_LOCK_DELAY_US (180 us).
 *
 * Return: 0 with PFU held, -EBUSY if the VF keeps the buffer, -ENODEV if the
 * device is gone.
 */
int srnic_mbx_pf_lock(struct srnic_hw *hw, unsigned int vf)
{
	return srnic_mbx_pf_lock_tries(hw, vf, SRNIC_MBX_PF_LOCK_TRIES, NULL);
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_pf_lock, SRNIC_NS);

/**
 * srnic_mbx_pf_unlock - release PFU without posting anything
 * @hw: PF registers
 * @vf: VF number
 *
 * Used when a VF message is dropped without a reply. Context: any.
 */
void srnic_mbx_pf_unlock(struct srnic_hw *hw, unsigned int vf)
{
	srnic_wr32(hw, SRNIC_PFMAILBOX(vf), 0);
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_pf_unlock, SRNIC_NS);

/**
 * srnic_mbx_pf_force_vf_unlock - take VFU away from a stuck VF (RVFU)
 * @hw: PF registers
 * @vf: VF number
 *
 * Context: any. Note that QEMU's model keeps the PF-side VFU mirror set
 * until the VF writes its mailbox again, so srnic_mbx_pf_lock() may still
 * fail there.
 */
void srnic_mbx_pf_force_vf_unlock(struct srnic_hw *hw, unsigned int vf)
{
	srnic_wr32(hw, SRNIC_PFMAILBOX(vf), SRNIC_PFMB_RVFU);
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_pf_force_vf_unlock, SRNIC_NS);

/**
 * srnic_mbx_pf_read - copy a VF's message out of VMBMEM
 * @hw: PF registers
 * @vf: VF number
 * @msg: destination, @words long
 * @words: number of words, at most SRNIC_MBX_WORDS (more is clamped)
 *
 * Context: any; the caller holds PFU (srnic_mbx_pf_lock()).
 */
void srnic_mbx_pf_read(struct srnic_hw *hw, unsigned int vf, u32 *msg,
		       unsigned int words)
{
	unsigned int i;

	words = srnic_mbx_clamp(words);
	for (i = 0; i < words; i++)
		msg[i] = srnic_rd32(hw, SRNIC_VMBMEM(vf) + 4 * i);
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_pf_read, SRNIC_NS);

/**
 * srnic_mbx_pf_ack_hold - acknowledge the VF's message and keep PFU
 * @hw: PF registers
 * @vf: VF number
 *
 * The reply can then be written without the VF slipping in between; the
 * STS write of srnic_mbx_pf_post() releases PFU, or srnic_mbx_pf_unlock()
 * when there is no reply. Context: any; the caller holds PFU.
 */
void srnic_mbx_pf_ack_hold(struct srnic_hw *hw, unsigned int vf)
{
	srnic_wr32(hw, SRNIC_PFMAILBOX(vf), SRNIC_PFMB_ACK | SRNIC_PFMB_PFU);
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_pf_ack_hold, SRNIC_NS);

/**
 * srnic_mbx_pf_post - write a message for the VF and signal it (STS)
 * @hw: PF registers
 * @vf: VF number
 * @msg: message words
 * @words: number of words, at most SRNIC_MBX_WORDS (more is clamped)
 *
 * Writing STS alone also drops PFU. Context: any; the caller holds PFU.
 */
void srnic_mbx_pf_post(struct srnic_hw *hw, unsigned int vf, const u32 *msg,
		       unsigned int words)
{
	unsigned int i;

	words = srnic_mbx_clamp(words);
	for (i = 0; i < words; i++)
		srnic_wr32(hw, SRNIC_VMBMEM(vf) + 4 * i, msg[i]);
	srnic_wr32(hw, SRNIC_PFMAILBOX(vf), SRNIC_PFMB_STS);
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_pf_post, SRNIC_NS);

/**
 * srnic_mbx_pf_send - send an unsolicited message (e.g. a ping) to a VF
 * @hw: PF registers
 * @vf: VF number
 * @msg: message words
 * @words: number of words
 *
 * Takes PFU, discards the VF's pending ack event (the buffer it refers to
 * is about to be overwritten), posts the message. Fire and forget: the
 * VF's ACK is not awaited.
 *
 * A request the VF posted is never overwritten: callers serve pending VF
 * events first, but the VF may post between that and this function taking
 * PFU. Once PFU is held a VF that follows the protocol cannot post, so a
 * request seen then is checked for here, PFU is released and the caller
 * serves it and tries again.
 *
 * Context: any; busy-waits as srnic_mbx_pf_lock().
 *
 * Return: 0; -EAGAIN if a VF request is pending (nothing was written);
 * or the error of srnic_mbx_pf_lock().
 */
int srnic_mbx_pf_send(struct srnic_hw *hw, unsigned int vf, const u32 *msg,
		      unsigned int words)
{
	u32 events;
	int err;

	err = srnic_mbx_pf_lock(hw, vf);
	if (err)
		return err;
	events = srnic_mbx_pf_events(hw);
	if (events & SRNIC_MBVFICR_VFREQ(vf)) {
		srnic_mbx_pf_unlock(hw, vf);
		return -EAGAIN;
	}
	srnic_wr32(hw, SRNIC_MBVFICR, SRNIC_MBVFICR_VFACK(vf));
	srnic_mbx_pf_post(hw, vf, msg, words);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_pf_send, SRNIC_NS);

/**
 * srnic_mbx_pf_events - read the mailbox event register (MBVFICR)
 * @hw: PF registers
 *
 * Context: any.
 *
 * Return: VFREQ bits in 7:0 and VFACK bits in 23:16; 0 if the device is gone.
 */
u32 srnic_mbx_pf_events(struct srnic_hw *hw)
{
	u32 v = srnic_rd32(hw, SRNIC_MBVFICR);

	return v == ~0U ? 0 : v;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_pf_events, SRNIC_NS);

/**
 * srnic_mbx_pf_clear_events - acknowledge MBVFICR bits (write 1 to clear)
 * @hw: PF registers
 * @bits: bits as returned by srnic_mbx_pf_events()
 *
 * Context: any.
 */
void srnic_mbx_pf_clear_events(struct srnic_hw *hw, u32 bits)
{
	srnic_wr32(hw, SRNIC_MBVFICR, bits);
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_pf_clear_events, SRNIC_NS);

static bool srnic_mbx_pf_test_and_clear(struct srnic_hw *hw, u32 reg, u32 bit)
{
	u32 v = srnic_rd32(hw, reg);

	if (v == ~0U || !(v & bit))
		return false;
	srnic_wr32(hw, reg, bit);
	return true;
}

/**
 * srnic_mbx_pf_test_and_clear_req - did VF @vf post a request?
 * @hw: PF registers
 * @vf: VF number
 *
 * Clears the event before the message is read, so a request posted while
 * the PF handles this one raises a new event. Context: any.
 *
 * Return: true if a request was pending.
 */
bool srnic_mbx_pf_test_and_clear_req(struct srnic_hw *hw, unsigned int vf)
{
	return srnic_mbx_pf_test_and_clear(hw, SRNIC_MBVFICR,
					   SRNIC_MBVFICR_VFREQ(vf));
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_pf_test_and_clear_req, SRNIC_NS);

/**
 * srnic_mbx_pf_test_and_clear_ack - did VF @vf ack a PF message?
 * @hw: PF registers
 * @vf: VF number
 *
 * Context: any.
 *
 * Return: true if an ack was pending.
 */
bool srnic_mbx_pf_test_and_clear_ack(struct srnic_hw *hw, unsigned int vf)
{
	return srnic_mbx_pf_test_and_clear(hw, SRNIC_MBVFICR,
					   SRNIC_MBVFICR_VFACK(vf));
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_pf_test_and_clear_ack, SRNIC_NS);

/**
 * srnic_mbx_pf_test_and_clear_vflr - did VF @vf reset (FLR or VTCTRL.RST)?
 * @hw: PF registers
 * @vf: VF number
 *
 * Context: any.
 *
 * Return: true if a reset event was pending.
 */
bool srnic_mbx_pf_test_and_clear_vflr(struct srnic_hw *hw, unsigned int vf)
{
	return srnic_mbx_pf_test_and_clear(hw, SRNIC_VFLRE, BIT(vf));
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_pf_test_and_clear_vflr, SRNIC_NS);

/* VF side ---------------------------------------------------------------- */

/**
 * srnic_mbx_vf_init - set up the VF side state
 * @mbx: state to initialize
 * @hw: VF BAR0 accessors
 * @can_sleep: the caller runs every polling function in process context
 *
 * The timeout starts disarmed and the session not ready: the first posted
 * operation must be the reset handshake (srnic_mbx_vf_handshake()).
 * Context: any.
 */
void srnic_mbx_vf_init(struct srnic_mbx_vf *mbx, struct srnic_hw *hw,
		       bool can_sleep)
{
	memset(mbx, 0, sizeof(*mbx));
	mbx->hw = hw;
	mbx->can_sleep = can_sleep;
	mbx->api = SRNIC_MBX_API_1_0;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_init, SRNIC_NS);

/**
 * srnic_mbx_vf_rearm - allow posted operations again
 * @mbx: VF mailbox
 *
 * Call at the start of every reset handshake, before posting VF_RESET.
 * Context: any.
 */
void srnic_mbx_vf_rearm(struct srnic_mbx_vf *mbx)
{
	mbx->timeout_armed = true;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_rearm, SRNIC_NS);

/**
 * srnic_mbx_vf_read_ctrl - read VFMailbox through the read-to-clear shadow
 * @mbx: VF mailbox
 *
 * Context: any.
 *
 * Return: the live register OR'ed with the shadowed read-to-clear bits, or
 * all ones if the device is gone (the shadow is then left alone).
 */
u32 srnic_mbx_vf_read_ctrl(struct srnic_mbx_vf *mbx)
{
	u32 v = srnic_rd32(mbx->hw, SRNIC_VF_MAILBOX);

	if (v == ~0U)
		return v;
	mbx->shadow |= v & SRNIC_VFMB_R2C_BITS;
	return v | mbx->shadow;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_read_ctrl, SRNIC_NS);

/**
 * srnic_mbx_vf_test_and_clear - test a read-to-clear bit and consume it
 * @mbx: VF mailbox
 * @bit: SRNIC_VFMB_PFSTS, SRNIC_VFMB_PFACK or SRNIC_VFMB_RSTD
 *
 * Context: any.
 *
 * Return: true if the bit was set (it is now consumed).
 */
bool srnic_mbx_vf_test_and_clear(struct srnic_mbx_vf *mbx, u32 bit)
{
	if (srnic_mbx_vf_read_ctrl(mbx) == ~0U)
		return false;
	if (!(mbx->shadow & bit))
		return false;
	mbx->shadow &= ~bit;
	return true;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_test_and_clear, SRNIC_NS);

/**
 * srnic_mbx_vf_reset_pending - is the PF resetting, or has it reset?
 * @mbx: VF mailbox
 *
 * Looks at RSTI (live) and RSTD (shadow) without consuming RSTD.
 * Context: any.
 *
 * Return: true if RSTI or RSTD is set, or the device is gone.
 */
bool srnic_mbx_vf_reset_pending(struct srnic_mbx_vf *mbx)
{
	u32 v = srnic_mbx_vf_read_ctrl(mbx);

	return !!(v & (SRNIC_VFMB_RSTI | SRNIC_VFMB_RSTD));
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_reset_pending, SRNIC_NS);

/**
 * srnic_mbx_vf_check_rstd - consume a "PF reset done" event
 * @mbx: VF mailbox
 *
 * Context: any.
 *
 * Return: true if the PF completed a reset since the last call.
 */
bool srnic_mbx_vf_check_rstd(struct srnic_mbx_vf *mbx)
{
	return srnic_mbx_vf_test_and_clear(mbx, SRNIC_VFMB_RSTD);
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_check_rstd, SRNIC_NS);

static void srnic_mbx_vf_delay(struct srnic_mbx_vf *mbx, unsigned int us)
{
	mbx->waited_us += us;
	if (mbx->can_sleep)
		usleep_range(us, us + us / 4);
	else
		udelay(us);
}

/**
 * srnic_mbx_vf_lock - take VFU
 * @mbx: VF mailbox
 *
 * Context: process context if @mbx->can_sleep, else any; waits at most
 * SRNIC_MBX_VF_LOCK_TRIES * SRNIC_MBX_VF_LOCK_DELAY_US (11 ms).
 *
 * Return: 0 with VFU held, -EBUSY, or -ENODEV if the device is gone.
 */
int srnic_mbx_vf_lock(struct srnic_mbx_vf *mbx)
{
	unsigned int i;
	u32 v;

	for (i = 0; i < SRNIC_MBX_VF_LOCK_TRIES; i++) {
		srnic_wr32(mbx->hw, SRNIC_VF_MAILBOX, SRNIC_VFMB_VFU);
		v = srnic_mbx_vf_read_ctrl(mbx);
		if (v == ~0U)
			return -ENODEV;
		if (v & SRNIC_VFMB_VFU)
			return 0;
		srnic_mbx_vf_delay(mbx, SRNIC_MBX_VF_LOCK_DELAY_US);
	}
	return -EBUSY;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_lock, SRNIC_NS);

/**
 * srnic_mbx_vf_write - write a message for the PF and raise REQ
 * @mbx: VF mailbox
 * @msg: message words
 * @words: number of words, at most SRNIC_MBX_WORDS (more is clamped)
 *
 * Any PF message or ack still pending refers to the buffer being
 * overwritten, so both are consumed first; read a pending PF message before
 * calling this. Writing REQ alone also drops VFU. Does not wait for the
 * PF's ack (see srnic_mbx_vf_post()).
 *
 * Context: as srnic_mbx_vf_lock().
 *
 * Return: 0, or the error of srnic_mbx_vf_lock().
 */
int srnic_mbx_vf_write(struct srnic_mbx_vf *mbx, const u32 *msg,
		       unsigned int words)
{
	unsigned int i;
	int err;

	err = srnic_mbx_vf_lock(mbx);
	if (err)
		return err;
	mbx->shadow &= ~(SRNIC_VFMB_PFSTS | SRNIC_VFMB_PFACK);
	words = srnic_mbx_clamp(words);
	for (i = 0; i < words; i++)
		srnic_wr32(mbx->hw, SRNIC_VF_MBMEM + 4 * i, msg[i]);
	srnic_wr32(mbx->hw, SRNIC_VF_MAILBOX, SRNIC_VFMB_REQ);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_write, SRNIC_NS);

/**
 * srnic_mbx_vf_read - read the PF's message and acknowledge it
 * @mbx: VF mailbox
 * @msg: destination, @words long
 * @words: number of words, at most SRNIC_MBX_WORDS (more is clamped)
 *
 * Writing ACK alone also drops VFU. Context: as srnic_mbx_vf_lock().
 *
 * Return: 0, or the error of srnic_mbx_vf_lock().
 */
int srnic_mbx_vf_read(struct srnic_mbx_vf *mbx, u32 *msg, unsigned int words)
{
	unsigned int i;
	int err;

	err = srnic_mbx_vf_lock(mbx);
	if (err)
		return err;
	words = srnic_mbx_clamp(words);
	for (i = 0; i < words; i++)
		msg[i] = srnic_rd32(mbx->hw, SRNIC_VF_MBMEM + 4 * i);
	srnic_wr32(mbx->hw, SRNIC_VF_MAILBOX, SRNIC_VFMB_ACK);
	mbx->shadow &= ~SRNIC_VFMB_PFSTS;
	return 0;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_read, SRNIC_NS);

/*
 * One VFMailbox read per round: RSTI is taken from the same read that fed
 * the shadow, because a second read would swallow a PFSTS, PFACK or RSTD
 * that arrived in between.
 */
static int srnic_mbx_vf_poll(struct srnic_mbx_vf *mbx, u32 bit)
{
	unsigned long waited = 0;
	unsigned int i, us;
	u32 v;

	if (!mbx->timeout_armed)
		return -ETIMEDOUT;
	for (i = 0; waited < SRNIC_MBX_VF_TIMEOUT_US; i++) {
		v = srnic_mbx_vf_read_ctrl(mbx);
		if (v == ~0U || srnic_removed(mbx->hw))
			return -ENODEV;
		if (mbx->shadow & bit) {
			mbx->shadow &= ~bit;
			return 0;
		}
		/* a PF reset in progress will not answer: don't wait 1 s */
		if (v & SRNIC_VFMB_RSTI)
			return -ECONNRESET;
		us = i < SRNIC_MBX_VF_POLL_FAST ? SRNIC_MBX_VF_POLL_FAST_US :
						  SRNIC_MBX_VF_POLL_DELAY_US;
		srnic_mbx_vf_delay(mbx, us);
		waited += us;
	}
	mbx->timeout_armed = false;
	return -ETIMEDOUT;
}

/**
 * srnic_mbx_vf_poll_ack - wait for the PF to ack the VF's message
 * @mbx: VF mailbox
 *
 * Context: process context if @mbx->can_sleep; otherwise any, but it may
 * spin for SRNIC_MBX_VF_TIMEOUT_US (1 s), reading VFMailbox at most
 * SRNIC_MBX_VF_POLL_MAX_READS times.
 *
 * Return: 0; -ETIMEDOUT (the timeout is then disarmed until
 * srnic_mbx_vf_rearm()), -ECONNRESET if the PF is resetting, -ENODEV.
 */
int srnic_mbx_vf_poll_ack(struct srnic_mbx_vf *mbx)
{
	return srnic_mbx_vf_poll(mbx, SRNIC_VFMB_PFACK);
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_poll_ack, SRNIC_NS);

/**
 * srnic_mbx_vf_poll_msg - wait for the PF to post a message
 * @mbx: VF mailbox
 *
 * The PFSTS event is consumed. Context and return: as
 * srnic_mbx_vf_poll_ack().
 *
 * Return: 0 or a negative errno as srnic_mbx_vf_poll_ack().
 */
int srnic_mbx_vf_poll_msg(struct srnic_mbx_vf *mbx)
{
	return srnic_mbx_vf_poll(mbx, SRNIC_VFMB_PFSTS);
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_poll_msg, SRNIC_NS);

/**
 * srnic_mbx_vf_post - write a message and wait for the PF's ack
 * @mbx: VF mailbox
 * @msg: message words
 * @words: number of words
 *
 * Fails at once with -ETIMEDOUT while the timeout is disarmed, without
 * touching the mailbox. Context: as srnic_mbx_vf_poll_ack().
 *
 * Return: 0 or a negative errno.
 */
int srnic_mbx_vf_post(struct srnic_mbx_vf *mbx, const u32 *msg,
		      unsigned int words)
{
	int err;

	if (!mbx->timeout_armed)
		return -ETIMEDOUT;
	err = srnic_mbx_vf_write(mbx, msg, words);
	if (err)
		return err;
	return srnic_mbx_vf_poll_ack(mbx);
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_post, SRNIC_NS);

/**
 * srnic_mbx_vf_read_posted - wait for the PF's message and read it
 * @mbx: VF mailbox
 * @msg: destination
 * @words: number of words
 *
 * Context: as srnic_mbx_vf_poll_ack().
 *
 * Return: 0 or a negative errno.
 */
int srnic_mbx_vf_read_posted(struct srnic_mbx_vf *mbx, u32 *msg,
			     unsigned int words)
{
	int err;

	err = srnic_mbx_vf_poll_msg(mbx);
	if (err)
		return err;
	return srnic_mbx_vf_read(mbx, msg, words);
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_read_posted, SRNIC_NS);

/* VF client -------------------------------------------------------------- */

/*
 * A transaction: read a PF message already waiting (our request would
 * overwrite it), write the request, wait for the PF's STS and read the
 * reply. Waiting for PFACK first would add nothing: the PF acks and posts
 * the reply in one go, and a PF that acked but never answers is as broken
 * as one that does neither. The wait watches RSTI, so a PF reset ends it
 * at once. A reply that does not match the request is a PF message that
 * raced with (and overwrote) it, or garbage: it is handled as a PF message
 * and the request is sent again, a bounded number of times.
 */

/* The state a PF_CONTROL_MSG word reports; the flags only exist in 1.1 */
static void srnic_mbx_vf_apply_ping(struct srnic_mbx_vf *mbx, u32 w0)
{
	u8 info = srnic_mbx_msginfo(w0);

	mbx->cts = !!(w0 & SRNIC_MBX_CTS);
	if (mbx->api < SRNIC_MBX_API_1_1)
		return;
	mbx->pf_link = mbx->cts && (info & SRNIC_MBX_CTRL_LINK_UP);
	mbx->rate_limited = !!(info & SRNIC_MBX_CTRL_RATE_LIMITED);
}

/* What a PF message tells the session. Kicks only count once clear to send. */
static void srnic_mbx_vf_handle_pf_word(struct srnic_mbx_vf *mbx, u32 w0)
{
	mbx->stats.pf_msgs++;

	if ((w0 & SRNIC_MBX_NACK) && !(w0 & SRNIC_MBX_CTS)) {
		if (mbx->cts) {
			/* the PF no longer considers us clear to send */
			mbx->stats.kicks++;
			mbx->cts = false;
			mbx->need_reset = true;
		}
		return;
	}
	if (srnic_mbx_msgid(w0) != SRNIC_MBX_PF_CONTROL_MSG)
		return;		/* a stale reply: nothing to learn */
	if (!mbx->ready)
		return;		/* CTS is only given by the handshake */
	srnic_mbx_vf_apply_ping(mbx, w0);
}

/* Read a PF message if one is waiting. Return: true if one was read. */
static bool srnic_mbx_vf_drain(struct srnic_mbx_vf *mbx)
{
	u32 w0;

	if (!srnic_mbx_vf_test_and_clear(mbx, SRNIC_VFMB_PFSTS))
		return false;
	if (srnic_mbx_vf_read(mbx, &w0, 1))
		return false;
	srnic_mbx_vf_handle_pf_word(mbx, w0);
	return true;
}

/**
 * srnic_mbx_vf_xact - send one request and read the PF's reply to it
 * @mbx: VF mailbox
 * @msg: request, @len words
 * @len: words to send, at most SRNIC_MBX_WORDS
 * @reply: out, @rlen words; zeroed first
 * @rlen: words to read back, at most SRNIC_MBX_WORDS
 *
 * The only VF transaction path. Sends at most SRNIC_MBX_VF_XACT_TRIES
 * times, each send waiting at most SRNIC_MBX_VF_TIMEOUT_US, and sends no
 * more once that much time went by; replies to
 * other messages are consumed as PF messages. Any failure but -ENODEV makes
 * the session void (@mbx->need_reset), so that only a new handshake sends
 * again.
 *
 * Context: as srnic_mbx_vf_poll_ack(); the caller serializes.
 *
 * Return: 0 when the PF answered this request (ACK or NACK, see @reply),
 * -ETIMEDOUT, -ECONNRESET (PF reset, or it kicked us), -EAGAIN (no reply
 * to this request among the ones received), -EBUSY (no buffer lock),
 * -ENODEV.
 */
int srnic_mbx_vf_xact(struct srnic_mbx_vf *mbx, const u32 *msg,
		      unsigned int len, u32 *reply, unsigned int rlen)
{
	unsigned long start = mbx->waited_us;
	unsigned int tries;
	int err = -EAGAIN;

	rlen = srnic_mbx_clamp(rlen);
	memset(reply, 0, rlen * sizeof(*reply));
	for (tries = 0; tries < SRNIC_MBX_VF_XACT_TRIES; tries++) {
		/* a PF that trickles wrong replies must not multiply the wait */
		if (mbx->waited_us - start >= SRNIC_MBX_VF_TIMEOUT_US)
			break;
		srnic_mbx_vf_drain(mbx);
		if (mbx->need_reset) {
			err = -ECONNRESET;
			break;
		}
		if (!mbx->timeout_armed) {
			err = -ETIMEDOUT;
			break;
		}
		err = srnic_mbx_vf_write(mbx, msg, len);
		if (err)
			break;
		err = srnic_mbx_vf_poll_msg(mbx);
		if (err)
			break;
		/* the reply acknowledges the request as well */
		mbx->shadow &= ~SRNIC_VFMB_PFACK;
		err = srnic_mbx_vf_read(mbx, reply, rlen);
		if (err)
			break;
		if (srnic_mbx_reply_status(msg[0], reply[0]) !=
		    SRNIC_MBX_ST_BAD)
			return 0;
		srnic_mbx_vf_handle_pf_word(mbx, reply[0]);
		memset(reply, 0, rlen * sizeof(*reply));
		err = -EAGAIN;
	}
	if (err == -ETIMEDOUT)
		mbx->stats.timeouts++;
	if (err != -ENODEV) {
		mbx->cts = false;
		mbx->need_reset = true;
	}
	return err;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_xact, SRNIC_NS);

/**
 * srnic_mbx_vf_request - a request as the guest sees it
 * @mbx: VF mailbox
 * @msg: request, @len words
 * @len: words to send
 * @dflt: errno for a NACK that gives no reason (API 1.0, or untagged)
 *
 * The request is checked against the schema before it is sent (a request
 * the PF would refuse as malformed is not sent at all), and the reply read
 * as the schema says (srnic_mbx_validate_pf_reply()). A NACK is never
 * success. A NACK without CTS is a PF that forgot us (reset, kick): the
 * session is void and the answer -EAGAIN, unless an API 1.1 PF gave a
 * reason (a refusal while our link is administratively down).
 *
 * Context: as srnic_mbx_vf_xact().
 *
 * Return: 0 on ACK, the PF's reason as an errno (@dflt if none) on NACK,
 * -EAGAIN when no session is up, the error of srnic_mbx_validate_vf_msg()
 * for a malformed request or one that is no plain request, or the error
 * of srnic_mbx_vf_xact().
 */
int srnic_mbx_vf_request(struct srnic_mbx_vf *mbx, const u32 *msg,
			 unsigned int len, int dflt)
{
	const union srnic_mbx_msg *req = (const union srnic_mbx_msg *)msg;
	const struct srnic_mbx_msg_type *t;
	union srnic_mbx_msg reply = {};
	struct srnic_mbx_reply r;
	unsigned int rlen;
	bool reason;
	int err;

	if (srnic_removed(mbx->hw))
		return -ENODEV;
	if (!mbx->ready || mbx->need_reset)
		return -EAGAIN;
	err = srnic_mbx_validate_vf_msg(mbx->api, req, len);
	if (err)
		return err;
	/* VF_RESET and API_NEGOTIATE have their own paths */
	t = srnic_mbx_msg_type(srnic_mbx_msgid(req->hdr.w0));
	if (t->shape != SRNIC_MBX_SHAPE_STATUS)
		return -EINVAL;

	rlen = srnic_mbx_reply_words(t, mbx->api, false);
	err = srnic_mbx_vf_xact(mbx, msg, len, reply.w, rlen);
	if (err)
		return err;
	/* the transaction only returns replies to this request */
	if (srnic_mbx_validate_pf_reply(mbx->api, req, &reply, rlen, &r))
		return -EPROTO;

	if (r.status == SRNIC_MBX_ST_ACK) {
		if (!r.cts) {
			/* done, but the PF says we are not clear to send */
			mbx->cts = false;
			mbx->need_reset = true;
		}
		return 0;
	}

	mbx->stats.nacks++;
	if (!r.cts) {
		reason = r.has_reason && r.reason > SRNIC_MBX_R_NONE &&
			 r.reason < SRNIC_MBX_R_NR &&
			 r.reason != SRNIC_MBX_R_AGAIN;

		mbx->cts = false;
		if (!reason) {
			mbx->stats.kicks++;
			mbx->need_reset = true;
			return -EAGAIN;
		}
	}
	if (r.has_reason)
		return srnic_mbx_reason_to_errno(r.reason, dflt);
	return dflt;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_request, SRNIC_NS);

/*
 * Agree on an API version. @ctrl gets the PF_CONTROL_MSG word an API 1.1
 * ACK carries in word 3, or 0 when it has none: word 3 of the request is
 * zero, so a PF that answers with three words leaves a zero there.
 */
static int srnic_mbx_vf_negotiate(struct srnic_mbx_vf *mbx, u32 *ctrl)
{
	const struct srnic_mbx_msg_type *t =
		srnic_mbx_msg_type(SRNIC_MBX_API_NEGOTIATE);
	union srnic_mbx_msg msg = {}, reply;
	u32 v;
	int err;

	*ctrl = 0;
	msg.api.w0 = SRNIC_MBX_API_NEGOTIATE;
	msg.api.magic = SRNIC_MBX_API_MAGIC;
	msg.api.version = SRNIC_MBX_API_LATEST;
	msg.api.ctrl = 0;
	err = srnic_mbx_vf_xact(mbx, msg.w, t->len, reply.w,
				srnic_mbx_reply_words(t, SRNIC_MBX_API_1_0,
						      true));
	if (err)
		return err;
	if (!(reply.api.w0 & SRNIC_MBX_CTS))
		return -EAGAIN;	/* VF_RESET made us clear to send */
	/* a NACK is the stock igb PF: "Unhandled Msg", stay on 1.0 */
	v = reply.api.version;
	if ((reply.api.w0 & SRNIC_MBX_ACK) &&
	    reply.api.magic == SRNIC_MBX_API_MAGIC &&
	    v > SRNIC_MBX_API_1_0 && v <= SRNIC_MBX_API_LATEST) {
		mbx->api = v;
		if (srnic_mbx_is_ping(reply.api.ctrl))
			*ctrl = reply.api.ctrl;
	}
	return 0;
}

/**
 * srnic_mbx_vf_handshake - reset the VF and start a session with the PF
 * @mbx: VF mailbox
 * @mac: out: the MAC the PF holds for this VF, or all zeros
 *
 * VTCTRL.RST stops the VF's queues and tells the PF (VFLRE); VF_RESET
 * makes us clear to send again and brings the PF's MAC; then the newest
 * mailbox API both sides speak is agreed. Every step is bounded: the whole
 * call waits at most SRNIC_MBX_VF_RSTI_WAIT ms plus two transactions.
 *
 * Context: as srnic_mbx_vf_xact().
 *
 * Return: 0 with @mbx->ready set; -EAGAIN while the PF is resetting (RSTI)
 * or answered only other messages, -EPROTO for a reply that is not one, a
 * transport error, or -ENODEV. On error the session stays void.
 */
int srnic_mbx_vf_handshake(struct srnic_mbx_vf *mbx, u8 *mac)
{
	u32 msg[SRNIC_MBX_VF_RESET_LEN], reply[SRNIC_MBX_VF_RESET_REPLY_LEN];
	unsigned int i;
	u32 v, ctrl;
	int err;

	mbx->ready = false;
	mbx->need_reset = true;
	mbx->cts = false;
	mbx->pf_link = false;
	mbx->rate_limited = false;
	mbx->api = SRNIC_MBX_API_1_0;
	memset(mac, 0, ETH_ALEN);

	v = srnic_mbx_vf_read_ctrl(mbx);
	if (v == ~0U || srnic_removed(mbx->hw))
		return -ENODEV;
	/* the PF is down or resetting: it would not answer, try again later */
	if (v & SRNIC_VFMB_RSTI)
		return -EAGAIN;
	srnic_wr32(mbx->hw, SRNIC_VF_CTRL, SRNIC_VF_CTRL_RST);

	/* RSTI is the PF's reset; ours only takes the queues down */
	for (i = 0; i < SRNIC_MBX_VF_RSTI_WAIT; i++) {
		v = srnic_mbx_vf_read_ctrl(mbx);
		if (v == ~0U)
			return -ENODEV;
		if (!(v & SRNIC_VFMB_RSTI))
			break;
		srnic_mbx_vf_delay(mbx, SRNIC_MBX_VF_RSTI_DELAY_US);
	}
	if (v & SRNIC_VFMB_RSTI)
		return -EAGAIN;
	/* whatever the PF said before our reset is void now */
	mbx->shadow = 0;
	srnic_mbx_vf_rearm(mbx);
	mbx->need_reset = false;

	msg[0] = SRNIC_MBX_VF_RESET;
	err = srnic_mbx_vf_xact(mbx, msg, ARRAY_SIZE(msg), reply,
				ARRAY_SIZE(reply));
	if (!err)
		err = srnic_mbx_parse_reset_reply(reply, mac);
	if (err)
		goto fail;
	mbx->cts = true;

	err = srnic_mbx_vf_negotiate(mbx, &ctrl);
	if (err)
		goto fail;

	/* our own reset may have raised RSTD on silicon: it is consumed */
	srnic_mbx_vf_read_ctrl(mbx);
	mbx->shadow &= ~SRNIC_VFMB_RSTD;
	if (mbx->need_reset) {
		err = -EAGAIN;
		goto fail;
	}
	/* the PF's link as of now; API 1.1 control messages refine it */
	v = srnic_rd32(mbx->hw, SRNIC_VF_STATUS);
	mbx->pf_link = v != ~0U && (v & SRNIC_STATUS_LU);
	/* as if the PF had pinged us right now: rate limit and link known */
	if (ctrl)
		srnic_mbx_vf_apply_ping(mbx, ctrl);
	mbx->ready = true;
	return 0;
fail:
	if (err != -ENODEV && srnic_removed(mbx->hw))
		err = -ENODEV;
	mbx->cts = false;
	mbx->need_reset = true;
	mbx->rate_limited = false;
	mbx->api = SRNIC_MBX_API_1_0;
	memset(mac, 0, ETH_ALEN);
	return err;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_handshake, SRNIC_NS);

/**
 * srnic_mbx_vf_first_handshake - the handshake at probe time
 * @mbx: VF mailbox
 * @mac: out, as srnic_mbx_vf_handshake()
 *
 * Gives a PF that is still resetting a moment (retries on -EAGAIN), within
 * SRNIC_MBX_VF_FIRST_BUDGET_US of requested delays. Anything else, a PF
 * that does not answer included, is returned after one attempt: the
 * driver then comes up without carrier and keeps trying in the background.
 *
 * Context: process context (@mbx->can_sleep) or any with long spins.
 *
 * Return: as srnic_mbx_vf_handshake().
 */
int srnic_mbx_vf_first_handshake(struct srnic_mbx_vf *mbx, u8 *mac)
{
	unsigned long start = mbx->waited_us;
	int err;

	for (;;) {
		err = srnic_mbx_vf_handshake(mbx, mac);
		if (err != -EAGAIN ||
		    mbx->waited_us - start + SRNIC_MBX_VF_FIRST_DELAY_US >
		    SRNIC_MBX_VF_FIRST_BUDGET_US)
			return err;
		mbx->waited_us += SRNIC_MBX_VF_FIRST_DELAY_US;
		if (mbx->can_sleep)
			msleep(SRNIC_MBX_VF_FIRST_DELAY_US / 1000);
		else
			mdelay(SRNIC_MBX_VF_FIRST_DELAY_US / 1000);
	}
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_first_handshake, SRNIC_NS);

/**
 * srnic_mbx_vf_service - look for PF messages and PF resets
 * @mbx: VF mailbox
 *
 * Reads a waiting PF control message (CTS, link, kick) and voids the
 * session on RSTI or RSTD (RSTD is consumed: it is acted on by the reset
 * the caller now runs). Context: any; the caller serializes.
 *
 * Return: true if the session is void and a handshake is needed.
 */
bool srnic_mbx_vf_service(struct srnic_mbx_vf *mbx)
{
	u32 v = srnic_mbx_vf_read_ctrl(mbx);

	if (v == ~0U || srnic_removed(mbx->hw))
		return true;
	if (v & (SRNIC_VFMB_RSTI | SRNIC_VFMB_RSTD)) {
		if (mbx->ready && !mbx->need_reset)
			mbx->stats.pf_resets++;
		mbx->shadow &= ~SRNIC_VFMB_RSTD;
		mbx->cts = false;
		mbx->need_reset = true;
		return true;
	}
	srnic_mbx_vf_drain(mbx);
	return mbx->need_reset || !mbx->ready;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_service, SRNIC_NS);

/**
 * srnic_mbx_vf_link_ok - should the VF's carrier be on?
 * @mbx: VF mailbox
 *
 * API 1.1: the PF's word (CTS and the link bit of its last message).
 * API 1.0: CTS and the PF's physical link (VTSTATUS.LU).
 * Context: any; the caller serializes.
 *
 * Return: true if the link is up.
 */
bool srnic_mbx_vf_link_ok(struct srnic_mbx_vf *mbx)
{
	u32 status;

	if (!mbx->ready || mbx->need_reset)
		return false;
	status = srnic_rd32(mbx->hw, SRNIC_VF_STATUS);
	if (status == ~0U)
		return false;
	if (mbx->api >= SRNIC_MBX_API_1_1)
		return mbx->cts && mbx->pf_link;
	return mbx->cts && (status & SRNIC_STATUS_LU);
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_link_ok, SRNIC_NS);

/**
 * srnic_mbx_vf_rate_limited - should the VF transmit on one queue only?
 * @mbx: VF mailbox
 *
 * An API 1.1 PF says so (SRNIC_MBX_CTRL_RATE_LIMITED) while the
 * administrator limits the VF: it then gives the second queue only the
 * smallest rate the hardware encodes. An API 1.0 PF never says so.
 * Context: any; the caller serializes.
 *
 * Return: true while the last word of the PF set the bit.
 */
bool srnic_mbx_vf_rate_limited(const struct srnic_mbx_vf *mbx)
{
	return mbx->api >= SRNIC_MBX_API_1_1 && mbx->rate_limited;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_vf_rate_limited, SRNIC_NS);
