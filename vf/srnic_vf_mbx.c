// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_vf: mailbox client glue. The transaction path, the reset handshake
 * and the reply checks live in mailbox/ (srnic_mbx_vf_*), where the unit
 * tests run them against a hostile simulated PF; this file builds the
 * requests the guest makes, turns a void mailbox session into a recovery
 * of the netdev, and re-applies the configuration after a handshake.
 * Every function here sleeps and is serialized by vf->mbx_lock.
 */
#include <linux/jiffies.h>

#include "srnic_vf.h"

/* The mailbox session went void: recover (once per event) */
static void vf_mbx_sync_state(struct srnic_vf *vf, const u32 *msg, int err)
{
	lockdep_assert_held(&vf->mbx_lock);
	if (!vf->mbx.need_reset || test_bit(SRNIC_VF_GONE, vf->state))
		return;
	if (test_and_set_bit(SRNIC_VF_NEED_RESET, vf->state))
		return;
	if (msg && net_ratelimit())
		dev_warn(&vf->pdev->dev,
			 "mailbox request 0x%08x failed: %d, resetting\n",
			 msg[0], err);
	srnic_vf_service_now(vf);
}

/*
 * A request as seen by the guest: 0 on ACK, the PF's reason as an errno on
 * NACK (@dflt if the PF gave none), or the transport error.
 */
static int vf_mbx_request(struct srnic_vf *vf, const u32 *msg,
			  unsigned int len, int dflt)
{
	int err;

	lockdep_assert_held(&vf->mbx_lock);
	if (test_bit(SRNIC_VF_GONE, vf->state))
		return -ENODEV;
	if (!test_bit(SRNIC_VF_HW_READY, vf->state) ||
	    test_bit(SRNIC_VF_NEED_RESET, vf->state))
		return -EAGAIN;
	err = srnic_mbx_vf_request(&vf->mbx, msg, len, dflt);
	vf_mbx_sync_state(vf, msg, err);
	return err;
}

/*
 * Follow the PF's rate-limit hint (API 1.1). Only a live session's word
 * counts: a void one says nothing either way, and the next handshake
 * learns the state again from the API_NEGOTIATE ACK.
 */
static void vf_mbx_sync_tx_limit(struct srnic_vf *vf)
{
	bool one;

	lockdep_assert_held(&vf->mbx_lock);
	if (!vf->mbx.ready || vf->mbx.need_reset)
		return;
	one = srnic_mbx_vf_rate_limited(&vf->mbx);
	if (one == vf->tx_one_queue)
		return;
	/* read locklessly by ndo_select_queue */
	WRITE_ONCE(vf->tx_one_queue, one);
	if (one)
		dev_info_ratelimited(&vf->pdev->dev,
				     "PF rate-limits this VF: transmitting on queue 0 only\n");
	else
		dev_info_ratelimited(&vf->pdev->dev,
				     "PF lifted the rate limit: transmitting on every queue\n");
}

/* ---- reset handshake ----------------------------------------------------- */

static int vf_mbx_reset_locked(struct srnic_vf *vf, bool first)
{
	u8 mac[ETH_ALEN];
	int err;

	lockdep_assert_held(&vf->mbx_lock);
	clear_bit(SRNIC_VF_HW_READY, vf->state);
	clear_bit(SRNIC_VF_NEED_RESET, vf->state);
	if (first)
		err = srnic_mbx_vf_first_handshake(&vf->mbx, mac);
	else
		err = srnic_mbx_vf_handshake(&vf->mbx, mac);
	if (err) {
		if (err == -EPROTO)
			dev_err(&vf->pdev->dev,
				"PF answered the reset handshake with garbage\n");
		if (err != -ENODEV)
			set_bit(SRNIC_VF_NEED_RESET, vf->state);
		return err;
	}
	vf->pf_mac = is_valid_ether_addr(mac);
	if (vf->pf_mac)
		ether_addr_copy(vf->perm_addr, mac);
	else
		eth_zero_addr(vf->perm_addr);
	memset(&vf->sent, 0, sizeof(vf->sent));
	set_bit(SRNIC_VF_HW_READY, vf->state);
	vf_mbx_sync_tx_limit(vf);
	return 0;
}

/**
 * srnic_vf_mbx_reset - reset the VF and run the handshake with the PF
 * @vf: the VF
 *
 * See srnic_mbx_vf_handshake(). On success vf->perm_addr holds the PF's
 * MAC (vf->pf_mac) or is zero. Context: process; takes mbx_lock. Sleeps
 * up to about two mailbox timeouts.
 *
 * Return: 0, -EAGAIN while the PF is resetting (RSTI), -ENODEV, -EPROTO,
 * or the mailbox error.
 */
int srnic_vf_mbx_reset(struct srnic_vf *vf)
{
	int err;

	mutex_lock(&vf->mbx_lock);
	err = vf_mbx_reset_locked(vf, false);
	mutex_unlock(&vf->mbx_lock);
	return err;
}

/**
 * srnic_vf_mbx_first_reset - the handshake at probe time
 * @vf: the VF
 *
 * As srnic_vf_mbx_reset(), but waits a bounded moment for a PF that is
 * still resetting (srnic_mbx_vf_first_handshake()). Context: process;
 * takes mbx_lock.
 *
 * Return: as srnic_vf_mbx_reset().
 */
int srnic_vf_mbx_first_reset(struct srnic_vf *vf)
{
	int err;

	mutex_lock(&vf->mbx_lock);
	err = vf_mbx_reset_locked(vf, true);
	mutex_unlock(&vf->mbx_lock);
	return err;
}

/**
 * srnic_vf_mbx_poll - look for PF messages and PF resets
 * @vf: the VF
 *
 * Reads a waiting PF control message (CTS, link, rate limit, kick) and
 * flags recovery on RSTI/RSTD. Context: process; takes mbx_lock.
 */
void srnic_vf_mbx_poll(struct srnic_vf *vf)
{
	mutex_lock(&vf->mbx_lock);
	if (!srnic_removed(&vf->hw) && srnic_mbx_vf_service(&vf->mbx))
		set_bit(SRNIC_VF_NEED_RESET, vf->state);
	vf_mbx_sync_tx_limit(vf);
	mutex_unlock(&vf->mbx_lock);
}

/**
 * srnic_vf_link_ok_locked - should the carrier be on?
 * @vf: the VF
 *
 * See srnic_mbx_vf_link_ok(); no carrier while recovery is pending.
 * Context: mbx_lock held.
 *
 * Return: true if the link is up.
 */
bool srnic_vf_link_ok_locked(struct srnic_vf *vf)
{
	lockdep_assert_held(&vf->mbx_lock);
	if (!test_bit(SRNIC_VF_HW_READY, vf->state) ||
	    test_bit(SRNIC_VF_NEED_RESET, vf->state))
		return false;
	return srnic_mbx_vf_link_ok(&vf->mbx);
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
