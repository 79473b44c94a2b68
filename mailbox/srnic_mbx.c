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
#include <linux/delay.h>
#include <linux/export.h>

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
EXPORT_SYMBOL_GPL(srnic_mbx_pf_lock_tries);

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
EXPORT_SYMBOL_GPL(srnic_mbx_pf_lock);

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
EXPORT_SYMBOL_GPL(srnic_mbx_pf_unlock);

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
EXPORT_SYMBOL_GPL(srnic_mbx_pf_force_vf_unlock);

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
EXPORT_SYMBOL_GPL(srnic_mbx_pf_read);

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
EXPORT_SYMBOL_GPL(srnic_mbx_pf_ack_hold);

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
EXPORT_SYMBOL_GPL(srnic_mbx_pf_post);

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
EXPORT_SYMBOL_GPL(srnic_mbx_pf_send);

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
EXPORT_SYMBOL_GPL(srnic_mbx_pf_events);

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
EXPORT_SYMBOL_GPL(srnic_mbx_pf_clear_events);

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
EXPORT_SYMBOL_GPL(srnic_mbx_pf_test_and_clear_req);

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
EXPORT_SYMBOL_GPL(srnic_mbx_pf_test_and_clear_ack);

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
EXPORT_SYMBOL_GPL(srnic_mbx_pf_test_and_clear_vflr);

/* VF side ---------------------------------------------------------------- */

/**
 * srnic_mbx_vf_init - set up the VF side state
 * @mbx: state to initialize
 * @hw: VF BAR0 accessors
 * @can_sleep: the caller runs every polling function in process context
 *
 * The timeout starts disarmed: the first posted operation must be the
 * reset handshake, preceded by srnic_mbx_vf_rearm(). Context: any.
 */
void srnic_mbx_vf_init(struct srnic_mbx_vf *mbx, struct srnic_hw *hw,
		       bool can_sleep)
{
	mbx->hw = hw;
	mbx->shadow = 0;
	mbx->timeout_armed = false;
	mbx->can_sleep = can_sleep;
}
EXPORT_SYMBOL_GPL(srnic_mbx_vf_init);

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
EXPORT_SYMBOL_GPL(srnic_mbx_vf_rearm);

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
EXPORT_SYMBOL_GPL(srnic_mbx_vf_read_ctrl);

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
EXPORT_SYMBOL_GPL(srnic_mbx_vf_test_and_clear);

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
EXPORT_SYMBOL_GPL(srnic_mbx_vf_reset_pending);

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
EXPORT_SYMBOL_GPL(srnic_mbx_vf_check_rstd);

static void srnic_mbx_vf_delay(struct srnic_mbx_vf *mbx, unsigned int us)
{
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
EXPORT_SYMBOL_GPL(srnic_mbx_vf_lock);

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
EXPORT_SYMBOL_GPL(srnic_mbx_vf_write);

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
EXPORT_SYMBOL_GPL(srnic_mbx_vf_read);

static int srnic_mbx_vf_poll(struct srnic_mbx_vf *mbx, u32 bit)
{
	unsigned int i;

	if (!mbx->timeout_armed)
		return -ETIMEDOUT;
	for (i = 0; i < SRNIC_MBX_VF_POLL_TRIES; i++) {
		if (srnic_mbx_vf_test_and_clear(mbx, bit))
			return 0;
		if (srnic_removed(mbx->hw))
			return -ENODEV;
		/* A PF reset in progress will not answer; don't wait 1 s. */
		if (srnic_rd32(mbx->hw, SRNIC_VF_MAILBOX) & SRNIC_VFMB_RSTI)
			return -ECONNRESET;
		srnic_mbx_vf_delay(mbx, SRNIC_MBX_VF_POLL_DELAY_US);
	}
	mbx->timeout_armed = false;
	return -ETIMEDOUT;
}

/**
 * srnic_mbx_vf_poll_ack - wait for the PF to ack the VF's message
 * @mbx: VF mailbox
 *
 * Context: process context if @mbx->can_sleep; otherwise any, but it may
 * spin for about 1 s (SRNIC_MBX_VF_POLL_TRIES * SRNIC_MBX_VF_POLL_DELAY_US).
 *
 * Return: 0; -ETIMEDOUT (the timeout is then disarmed until
 * srnic_mbx_vf_rearm()), -ECONNRESET if the PF is resetting, -ENODEV.
 */
int srnic_mbx_vf_poll_ack(struct srnic_mbx_vf *mbx)
{
	return srnic_mbx_vf_poll(mbx, SRNIC_VFMB_PFACK);
}
EXPORT_SYMBOL_GPL(srnic_mbx_vf_poll_ack);

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
EXPORT_SYMBOL_GPL(srnic_mbx_vf_poll_msg);

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
EXPORT_SYMBOL_GPL(srnic_mbx_vf_post);

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
EXPORT_SYMBOL_GPL(srnic_mbx_vf_read_posted);
