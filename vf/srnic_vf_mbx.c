// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_vf: mailbox client. The reset handshake, API negotiation and every
 * request the guest can make of the PF, with the PF's answer turned into an
 * errno. Every function here sleeps and is serialized by vf->mbx_lock.
 *
 * A transaction is: drain any PF message already waiting (it would be
 * overwritten by our request), write the request, then wait for the PF's
 * STS. Waiting for PFACK first would add nothing: the PF acks and posts the
 * reply in one go, and a PF that acked but never answers is as broken as
 * one that does neither. While waiting the client also watches RSTI, so a
 * PF reset turns into an immediate -ECONNRESET instead of a timeout, and it
 * recognises a PF control message that raced with (and overwrote) the
 * request: that one is handled and the request sent again.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>

#include "srnic_vf.h"

/* request word counts by message, replies are one word unless noted */
#define SRNIC_VF_REQ_RETRIES	2

static void vf_mbx_handle_pf_word(struct srnic_vf *vf, u32 w0)
{
	lockdep_assert_held(&vf->mbx_lock);
	vf->sw_stats.pf_msgs++;

	if ((w0 & SRNIC_MBX_NACK) && !(w0 & SRNIC_MBX_CTS)) {
		/* the PF no longer considers us clear to send: start over */
		vf->sw_stats.kicks++;
		vf->cts = false;
		set_bit(SRNIC_VF_NEED_RESET, vf->state);
		return;
	}
	if (srnic_mbx_msgid(w0) != SRNIC_MBX_PF_CONTROL_MSG)
		return;		/* a stale reply: nothing to learn */

	vf->cts = !!(w0 & SRNIC_MBX_CTS);
	if (vf->api >= SRNIC_MBX_API_1_1)
		vf->pf_link = vf->cts && (srnic_mbx_msginfo(w0) &
					  SRNIC_MBX_CTRL_LINK_UP);
}

/* Read a PF message if one is waiting. Returns true if one was read. */
static bool vf_mbx_drain(struct srnic_vf *vf)
{
	u32 w0;

	if (!srnic_mbx_vf_test_and_clear(&vf->mbx, SRNIC_VFMB_PFSTS))
		return false;
	if (srnic_mbx_vf_read(&vf->mbx, &w0, 1))
		return false;
	vf_mbx_handle_pf_word(vf, w0);
	return true;
}

/* RSTI now or RSTD since we last looked: the PF reset under us */
static bool vf_mbx_pf_reset_seen(struct srnic_vf *vf)
{
	u32 v = srnic_mbx_vf_read_ctrl(&vf->mbx);

	if (v == ~0U)
		return true;
	return v & (SRNIC_VFMB_RSTI | SRNIC_VFMB_RSTD);
}

static void vf_mbx_sleep(unsigned int i)
{
	/* replies take tens of microseconds on silicon, more under emulation */
	if (i < 20)
		usleep_range(50, 100);
	else
		usleep_range(500, 1000);
}

/*
 * Wait for the PF's STS and read @len words. Returns 0, -ETIMEDOUT,
 * -ECONNRESET (PF reset), -ENODEV.
 */
static int vf_mbx_wait_reply(struct srnic_vf *vf, u32 *reply,
			     unsigned int len)
{
	unsigned long deadline = jiffies +
				 msecs_to_jiffies(SRNIC_VF_MBX_TIMEOUT_MS);
	unsigned int i;
	u32 v;

	for (i = 0; ; i++) {
		v = srnic_mbx_vf_read_ctrl(&vf->mbx);
		if (v == ~0U || srnic_removed(&vf->hw))
			return -ENODEV;
		if (srnic_mbx_vf_test_and_clear(&vf->mbx, SRNIC_VFMB_PFSTS)) {
			vf->mbx.shadow &= ~SRNIC_VFMB_PFACK;
			return srnic_mbx_vf_read(&vf->mbx, reply, len);
		}
		if (v & SRNIC_VFMB_RSTI)
			return -ECONNRESET;
		if (time_after(jiffies, deadline))
			return -ETIMEDOUT;
		vf_mbx_sleep(i);
	}
}

/**
 * vf_mbx_xact - one request/reply exchange
 * @vf: the VF
 * @msg: request, SRNIC_MBX_WORDS long (unused words zero)
 * @len: words to send
 * @reply: out, SRNIC_MBX_WORDS long
 * @rlen: words to read back
 *
 * Context: process, vf->mbx_lock held.
 *
 * Return: 0 when the PF answered this request (ACK or NACK, see @reply),
 * -ETIMEDOUT, -ECONNRESET, -EAGAIN (PF message raced twice), -ENODEV. Any
 * failure marks the VF for recovery.
 */
static int vf_mbx_xact(struct srnic_vf *vf, const u32 *msg, unsigned int len,
		       u32 *reply, unsigned int rlen)
{
	unsigned int tries;
	int err;

	lockdep_assert_held(&vf->mbx_lock);
	for (tries = 0; tries < SRNIC_VF_REQ_RETRIES; tries++) {
		vf_mbx_drain(vf);
		err = srnic_mbx_vf_write(&vf->mbx, msg, len);
		if (err)
			break;
		err = vf_mbx_wait_reply(vf, reply, rlen);
		if (err)
			break;
		if (srnic_mbx_reply_status(msg[0], reply[0]) !=
		    SRNIC_MBX_ST_BAD)
			return 0;
		/* a control message overwrote the request: act, resend */
		vf_mbx_handle_pf_word(vf, reply[0]);
		if (test_bit(SRNIC_VF_NEED_RESET, vf->state))
			return -ECONNRESET;
		err = -EAGAIN;
	}
	if (err == -ETIMEDOUT)
		vf->sw_stats.mbx_timeouts++;
	if (err != -ENODEV) {
		if (net_ratelimit())
			dev_warn(&vf->pdev->dev,
				 "mailbox request 0x%08x failed: %d, resetting\n",
				 msg[0], err);
		vf->cts = false;
		set_bit(SRNIC_VF_NEED_RESET, vf->state);
		srnic_vf_service_now(vf);
	}
	return err;
}

/*
 * A request as seen by the guest: 0 on ACK, the PF's reason as an errno on
 * NACK (@dflt if the PF gave none), or the transport error.
 */
static int vf_mbx_request(struct srnic_vf *vf, u32 *msg, unsigned int len,
			  int dflt)
{
	u32 reply[SRNIC_MBX_WORDS] = {};
	int err;

	lockdep_assert_held(&vf->mbx_lock);
	if (test_bit(SRNIC_VF_GONE, vf->state))
		return -ENODEV;
	if (!test_bit(SRNIC_VF_HW_READY, vf->state) ||
	    test_bit(SRNIC_VF_NEED_RESET, vf->state))
		return -EAGAIN;

	err = vf_mbx_xact(vf, msg, len, reply, SRNIC_MBX_NACK_1_1_LEN);
	if (err)
		return err;

	if (reply[0] & SRNIC_MBX_ACK) {
		vf->cts = !!(reply[0] & SRNIC_MBX_CTS);
		return 0;
	}

	vf->sw_stats.mbx_nacks++;
	if (!(reply[0] & SRNIC_MBX_CTS)) {
		/*
		 * NACK without CTS is a PF that forgot us (reset, kick) --
		 * unless an API 1.1 PF gave a real reason: then it is a
		 * refusal while our link is administratively down.
		 */
		bool reason = vf->api >= SRNIC_MBX_API_1_1 &&
			      reply[1] > SRNIC_MBX_R_NONE &&
			      reply[1] < SRNIC_MBX_R_NR &&
			      reply[1] != SRNIC_MBX_R_AGAIN &&
			      (reply[1] != msg[1] || reply[2] != msg[2]);

		vf->cts = false;
		if (!reason) {
			set_bit(SRNIC_VF_NEED_RESET, vf->state);
			srnic_vf_service_now(vf);
			return -EAGAIN;
		}
	}
	if (vf->api >= SRNIC_MBX_API_1_1)
		return srnic_mbx_reason_to_errno(reply[1], dflt);
	return dflt;
}

/* ---- reset handshake ----------------------------------------------------- */

static int vf_mbx_negotiate(struct srnic_vf *vf)
{
	u32 msg[SRNIC_MBX_WORDS] = {}, reply[SRNIC_MBX_WORDS] = {};
	int err;

	msg[0] = SRNIC_MBX_API_NEGOTIATE;
	msg[1] = SRNIC_MBX_API_MAGIC;
	msg[2] = SRNIC_MBX_API_LATEST;
	err = vf_mbx_xact(vf, msg, SRNIC_MBX_API_NEGOTIATE_LEN, reply,
			  SRNIC_MBX_API_REPLY_LEN);
	if (err)
		return err;
	vf->cts = !!(reply[0] & SRNIC_MBX_CTS);
	/* a NACK is the stock igb PF: "Unhandled Msg", stay on 1.0 */
	if ((reply[0] & SRNIC_MBX_ACK) && reply[1] == SRNIC_MBX_API_MAGIC &&
	    reply[2] > SRNIC_MBX_API_1_0 && reply[2] <= SRNIC_MBX_API_LATEST)
		vf->api = reply[2];
	return 0;
}

/**
 * srnic_vf_mbx_reset - reset the VF and run the handshake with the PF
 * @vf: the VF
 *
 * VTCTRL.RST stops the VF's queues and tells the PF (VFLRE); VF_RESET
 * makes us clear to send again and brings the MAC the PF holds for us;
 * then the newest mailbox API both sides speak is agreed. On success
 * vf->perm_addr holds the PF's MAC (vf->pf_mac) or is zero.
 *
 * Context: process; takes mbx_lock. Sleeps up to about 2 mailbox timeouts.
 *
 * Return: 0, -EAGAIN while the PF is resetting (RSTI), -ENODEV, or the
 * mailbox error.
 */
int srnic_vf_mbx_reset(struct srnic_vf *vf)
{
	u32 msg[SRNIC_MBX_WORDS] = {}, reply[SRNIC_MBX_WORDS] = {};
	u8 mac[ETH_ALEN];
	unsigned int i;
	int err;
	u32 v;

	mutex_lock(&vf->mbx_lock);
	clear_bit(SRNIC_VF_HW_READY, vf->state);
	vf->cts = false;
	vf->api = SRNIC_MBX_API_1_0;

	v = srnic_mbx_vf_read_ctrl(&vf->mbx);
	if (v == ~0U || srnic_removed(&vf->hw)) {
		err = -ENODEV;
		goto out;
	}
	/* the PF is down or resetting: it would not answer, try again later */
	if (v & SRNIC_VFMB_RSTI) {
		err = -EAGAIN;
		goto out;
	}
	vf_wr(vf, SRNIC_VF_CTRL, SRNIC_VF_CTRL_RST);

	/* RSTI is the PF's reset; ours only takes the queues down */
	for (i = 0; i < SRNIC_VF_RSTI_WAIT_MS; i++) {
		v = srnic_mbx_vf_read_ctrl(&vf->mbx);
		if (v == ~0U) {
			err = -ENODEV;
			goto out;
		}
		if (!(v & SRNIC_VFMB_RSTI))
			break;
		usleep_range(1000, 1500);
	}
	if (v & SRNIC_VFMB_RSTI) {
		err = -EAGAIN;
		goto out;
	}
	/* whatever the PF said before our reset is void now */
	vf->mbx.shadow = 0;
	srnic_mbx_vf_rearm(&vf->mbx);
	clear_bit(SRNIC_VF_NEED_RESET, vf->state);

	msg[0] = SRNIC_MBX_VF_RESET;
	err = vf_mbx_xact(vf, msg, SRNIC_MBX_VF_RESET_LEN, reply,
			  SRNIC_MBX_VF_RESET_REPLY_LEN);
	if (err)
		goto out;
	err = srnic_mbx_parse_reset_reply(reply, mac);
	if (err) {
		dev_err(&vf->pdev->dev, "bad VF_RESET reply 0x%08x\n",
			reply[0]);
		goto out;
	}
	vf->cts = true;
	vf->pf_mac = is_valid_ether_addr(mac);
	if (vf->pf_mac)
		ether_addr_copy(vf->perm_addr, mac);
	else
		eth_zero_addr(vf->perm_addr);

	err = vf_mbx_negotiate(vf);
	if (err)
		goto out;

	/* our own reset may have raised RSTD on silicon: it is consumed */
	srnic_mbx_vf_read_ctrl(&vf->mbx);
	vf->mbx.shadow &= ~SRNIC_VFMB_RSTD;
	if (test_bit(SRNIC_VF_NEED_RESET, vf->state)) {
		err = -EAGAIN;
		goto out;
	}
	/* the PF's link as of now; API 1.1 pings refine it later */
	vf->pf_link = !!(vf_rd(vf, SRNIC_VF_STATUS) & SRNIC_STATUS_LU);
	memset(&vf->sent, 0, sizeof(vf->sent));
	set_bit(SRNIC_VF_HW_READY, vf->state);
out:
	if (err && err != -ENODEV)
		set_bit(SRNIC_VF_NEED_RESET, vf->state);
	mutex_unlock(&vf->mbx_lock);
	return err;
}

/**
 * srnic_vf_mbx_poll - look for PF messages and PF resets
 * @vf: the VF
 *
 * Reads a waiting PF control message (CTS, link, kick) and flags recovery
 * on RSTI/RSTD. Context: process; takes mbx_lock.
 */
void srnic_vf_mbx_poll(struct srnic_vf *vf)
{
	mutex_lock(&vf->mbx_lock);
	if (srnic_removed(&vf->hw))
		goto out;
	if (vf_mbx_pf_reset_seen(vf)) {
		if (test_bit(SRNIC_VF_HW_READY, vf->state))
			vf->sw_stats.pf_resets++;
		vf->cts = false;
		set_bit(SRNIC_VF_NEED_RESET, vf->state);
		goto out;
	}
	vf_mbx_drain(vf);
out:
	mutex_unlock(&vf->mbx_lock);
}

/**
 * srnic_vf_link_ok_locked - should the carrier be on?
 * @vf: the VF
 *
 * API 1.1: the PF's word (CTS and the link bit of its last message).
 * API 1.0: CTS and the PF's physical link (VTSTATUS.LU).
 * Context: mbx_lock held.
 *
 * Return: true if the link is up.
 */
bool srnic_vf_link_ok_locked(struct srnic_vf *vf)
{
	u32 status;

	lockdep_assert_held(&vf->mbx_lock);
	if (!test_bit(SRNIC_VF_HW_READY, vf->state) ||
	    test_bit(SRNIC_VF_NEED_RESET, vf->state))
		return false;
	status = vf_rd(vf, SRNIC_VF_STATUS);
	if (status == ~0U)
		return false;
	if (vf->api >= SRNIC_MBX_API_1_1)
		return vf->cts && vf->pf_link;
	return vf->cts && (status & SRNIC_STATUS_LU);
}

/* ---- requests --------------------------------------------------------------- */

static int vf_mbx_send_mac(struct srnic_vf *vf, u8 info, const u8 *mac,
			   int dflt)
{
	u32 msg[SRNIC_MBX_WORDS] = {};

	msg[0] = srnic_mbx_w0(SRNIC_MBX_SET_MAC_ADDR, info);
	if (mac)
		srnic_mbx_pack_mac(&msg[1], mac);
	return vf_mbx_request(vf, msg, SRNIC_MBX_SET_MAC_LEN, dflt);
}

/**
 * srnic_vf_mbx_set_mac - ask the PF for a new primary MAC
 * @vf: the VF
 * @mac: the address
 *
 * Context: process; takes mbx_lock.
 *
 * Return: 0, -EPERM when the host forbids it (admin MAC, 1.0 NACK), the
 * PF's reason with API 1.1, or a mailbox error.
 */
int srnic_vf_mbx_set_mac(struct srnic_vf *vf, const u8 *mac)
{
	int err;

	mutex_lock(&vf->mbx_lock);
	err = vf_mbx_send_mac(vf, SRNIC_MBX_MAC_SET, mac, -EPERM);
	mutex_unlock(&vf->mbx_lock);
	return err;
}

/**
 * srnic_vf_mbx_set_vlan - add or remove a VLAN filter
 * @vf: the VF
 * @vid: VLAN ID
 * @add: add (true) or remove
 *
 * The reply is matched on ID and MSGINFO, so a NACK of an add is seen.
 * Context: process; takes mbx_lock.
 *
 * Return: 0, -EPERM (port VLAN, 1.0 NACK), the PF's reason, or a mailbox
 * error.
 */
int srnic_vf_mbx_set_vlan(struct srnic_vf *vf, u16 vid, bool add)
{
	u32 msg[SRNIC_MBX_WORDS] = {};
	int err;

	msg[0] = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, add ? SRNIC_MBX_VLAN_ADD : 0);
	msg[1] = vid;
	mutex_lock(&vf->mbx_lock);
	err = vf_mbx_request(vf, msg, SRNIC_MBX_SET_VLAN_LEN, -EPERM);
	mutex_unlock(&vf->mbx_lock);
	return err;
}

static int vf_mbx_send_lpe(struct srnic_vf *vf, unsigned int mtu)
{
	u32 msg[SRNIC_MBX_WORDS] = {};

	msg[0] = SRNIC_MBX_SET_LPE;
	msg[1] = mtu + ETH_HLEN + ETH_FCS_LEN + VLAN_HLEN;
	return vf_mbx_request(vf, msg, SRNIC_MBX_SET_LPE_LEN, -EINVAL);
}

/**
 * srnic_vf_mbx_set_lpe - tell the PF the largest frame we receive
 * @vf: the VF
 * @mtu: the MTU; the frame adds Ethernet header, one VLAN tag and FCS
 *
 * Context: process; takes mbx_lock.
 *
 * Return: 0, -EINVAL (1.0 NACK), the PF's reason, or a mailbox error.
 */
int srnic_vf_mbx_set_lpe(struct srnic_vf *vf, unsigned int mtu)
{
	int err;

	mutex_lock(&vf->mbx_lock);
	err = vf_mbx_send_lpe(vf, mtu);
	mutex_unlock(&vf->mbx_lock);
	return err;
}

static int vf_mbx_send_mc(struct srnic_vf *vf,
			  const struct srnic_vf_filters *want)
{
	u32 msg[SRNIC_MBX_WORDS] = {};
	union srnic_mbx_msg *m = (union srnic_mbx_msg *)msg;
	unsigned int i;

	static_assert(sizeof(*m) == sizeof(msg));
	if (want->mc_promisc) {
		/* both PFs read a count above 30 as "multicast promisc" */
		msg[0] = srnic_mbx_w0(SRNIC_MBX_SET_MULTICAST,
				      SRNIC_MBX_MC_OVERFLOW);
	} else {
		msg[0] = srnic_mbx_w0(SRNIC_MBX_SET_MULTICAST, want->mc_count);
		for (i = 0; i < want->mc_count; i++)
			srnic_mbx_put_mc_hash(m, i, want->mc_hash[i]);
	}
	return vf_mbx_request(vf, msg, SRNIC_MBX_SET_MULTICAST_LEN, -EIO);
}

static int vf_mbx_send_promisc(struct srnic_vf *vf, bool on)
{
	u32 msg[SRNIC_MBX_WORDS] = {};
	int err;

	msg[0] = srnic_mbx_w0(SRNIC_MBX_SET_PROMISC,
			      on ? SRNIC_MBX_PROMISC_ALL : 0);
	err = vf_mbx_request(vf, msg, SRNIC_MBX_SET_PROMISC_LEN, -EPERM);
	if (err == -EPERM && on) {
		/* not trusted, or a stock PF: settle for multicast promisc */
		msg[0] = srnic_mbx_w0(SRNIC_MBX_SET_PROMISC,
				      SRNIC_MBX_PROMISC_MULTICAST);
		vf_mbx_request(vf, msg, SRNIC_MBX_SET_PROMISC_LEN, -EPERM);
	}
	return err;
}

static int vf_mbx_send_uc(struct srnic_vf *vf,
			  const struct srnic_vf_filters *want)
{
	unsigned int i;
	int err, ret = 0;

	/* the stock igb PF NACKs CLR (it checks the zero address): harmless */
	err = vf_mbx_send_mac(vf, SRNIC_MBX_MAC_FILTER_CLR, NULL, -EINVAL);
	if (err && err != -EINVAL && err != -EPERM)
		return err;
	for (i = 0; i < want->uc_count; i++) {
		err = vf_mbx_send_mac(vf, SRNIC_MBX_MAC_FILTER_ADD, want->uc[i],
				      -ENOSPC);
		if (err && !ret)
			ret = err;
		if (err == -ETIMEDOUT || err == -ECONNRESET || err == -ENODEV ||
		    err == -EAGAIN)
			return err;
	}
	return ret;
}

/**
 * srnic_vf_mbx_set_filters - bring the PF's rx filters to @want
 * @vf: the VF
 * @want: the unicast list, multicast hashes and promisc flags wanted
 * @force: send everything, not just what differs from what the PF has
 *
 * Refusals are logged once per change; the netdev keeps working with
 * what the PF granted. Context: process; takes mbx_lock.
 *
 * Return: 0, or the first error.
 */
int srnic_vf_mbx_set_filters(struct srnic_vf *vf,
			     const struct srnic_vf_filters *want, bool force)
{
	struct srnic_vf_filters *sent = &vf->sent;
	int err = 0, e;

	mutex_lock(&vf->mbx_lock);
	if (force || sent->uc_count != want->uc_count ||
	    memcmp(sent->uc, want->uc, sizeof(want->uc))) {
		e = vf_mbx_send_uc(vf, want);
		if (e && !err) {
			err = e;
			netdev_warn(vf->netdev,
				    "PF refused extra unicast filters: %d\n", e);
		}
		if (e != -EAGAIN && e != -ETIMEDOUT && e != -ECONNRESET) {
			sent->uc_count = want->uc_count;
			memcpy(sent->uc, want->uc, sizeof(want->uc));
		}
	}
	if (force || sent->mc_promisc != want->mc_promisc ||
	    sent->mc_count != want->mc_count ||
	    memcmp(sent->mc_hash, want->mc_hash, sizeof(want->mc_hash))) {
		e = vf_mbx_send_mc(vf, want);
		if (e && !err)
			err = e;
		if (!e) {
			sent->mc_promisc = want->mc_promisc;
			sent->mc_count = want->mc_count;
			memcpy(sent->mc_hash, want->mc_hash,
			       sizeof(want->mc_hash));
		}
	}
	if ((force && want->promisc) || sent->promisc != want->promisc) {
		e = vf_mbx_send_promisc(vf, want->promisc);
		if (e && !err) {
			err = e;
			netdev_warn(vf->netdev,
				    "PF refused promiscuous mode: %d\n", e);
		}
		if (e != -EAGAIN && e != -ETIMEDOUT && e != -ECONNRESET)
			sent->promisc = want->promisc;
	}
	mutex_unlock(&vf->mbx_lock);
	return err;
}

static void vf_adopt_mac(struct srnic_vf *vf, const u8 *mac)
{
	struct net_device *netdev = vf->netdev;

	vf->mac_user_set = false;
	if (ether_addr_equal(netdev->dev_addr, mac))
		return;
	eth_hw_addr_set(netdev, mac);
	if (netdev->reg_state == NETREG_REGISTERED) {
		call_netdevice_notifiers(NETDEV_CHANGEADDR, netdev);
		/* neighbours learn the new address once the link is up */
		set_bit(SRNIC_VF_NOTIFY_PEERS, vf->state);
	}
}

/*
 * The MAC after a handshake: the PF's when it assigned one and the guest
 * never chose another; the guest's own if the PF accepts it; otherwise
 * whatever the PF holds, or a fresh random one.
 */
static int vf_mbx_restore_mac(struct srnic_vf *vf)
{
	struct net_device *netdev = vf->netdev;
	u8 mac[ETH_ALEN];
	int err, tries;

	if (vf->pf_mac && (!vf->mac_user_set ||
			   ether_addr_equal(netdev->dev_addr, vf->perm_addr))) {
		vf_adopt_mac(vf, vf->perm_addr);
		return 0;
	}
	ether_addr_copy(mac, netdev->dev_addr);
	for (tries = 0; tries < 2; tries++) {
		if (!is_valid_ether_addr(mac))
			eth_random_addr(mac);
		err = vf_mbx_send_mac(vf, SRNIC_MBX_MAC_SET, mac, -EPERM);
		if (!err) {
			if (!ether_addr_equal(netdev->dev_addr, mac)) {
				eth_hw_addr_set(netdev, mac);
				if (netdev->reg_state == NETREG_REGISTERED)
					call_netdevice_notifiers(NETDEV_CHANGEADDR,
								 netdev);
			}
			return 0;
		}
		if (err == -ETIMEDOUT || err == -ECONNRESET ||
		    err == -EAGAIN || err == -ENODEV)
			return err;
		if (vf->pf_mac) {
			netdev_warn(netdev,
				    "PF refused MAC %pM after reset (%d), using %pM\n",
				    mac, err, vf->perm_addr);
			vf_adopt_mac(vf, vf->perm_addr);
			return 0;
		}
		/* no admin MAC but ours is taken: pick another one */
		eth_zero_addr(mac);
		vf->mac_user_set = false;
	}
	netdev_err(netdev, "PF accepts no MAC address: %d\n", err);
	return 0;
}

/**
 * srnic_vf_mbx_restore - re-apply the guest's configuration after a reset
 * @vf: the VF
 *
 * MAC (the guest's, if the PF lets it keep it; otherwise the PF's is
 * adopted), VLAN filters and frame size. The rx filters follow through
 * srnic_vf_sync_rx_mode(). Context: process, rtnl held; takes mbx_lock.
 *
 * Return: 0 or a mailbox error (recovery then runs again).
 */
int srnic_vf_mbx_restore(struct srnic_vf *vf)
{
	struct net_device *netdev = vf->netdev;
	u16 vid;
	int err;

	ASSERT_RTNL();
	mutex_lock(&vf->mbx_lock);
	err = vf_mbx_restore_mac(vf);
	if (err)
		goto out;

	for_each_set_bit(vid, vf->active_vlans, VLAN_N_VID) {
		u32 msg[SRNIC_MBX_WORDS] = {};

		msg[0] = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, SRNIC_MBX_VLAN_ADD);
		msg[1] = vid;
		err = vf_mbx_request(vf, msg, SRNIC_MBX_SET_VLAN_LEN, -EPERM);
		if (err == -EPERM || err == -ENOSPC || err == -EINVAL) {
			/* e.g. a port VLAN set meanwhile: the stack keeps it */
			if (vid)
				netdev_warn(netdev,
					    "PF refused VLAN %u after reset: %d\n",
					    vid, err);
			err = 0;
		}
		if (err)
			goto out;
	}

	err = vf_mbx_send_lpe(vf, netdev->mtu);
	if (err && err != -ETIMEDOUT && err != -ECONNRESET &&
	    err != -EAGAIN && err != -ENODEV) {
		netdev_warn(netdev, "PF refused MTU %u after reset: %d\n",
			    netdev->mtu, err);
		err = 0;
	}
out:
	mutex_unlock(&vf->mbx_lock);
	return err;
}
