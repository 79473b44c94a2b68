// SPDX-License-Identifier: GPL-2.0
/* PF mailbox server and per-VF admin policy.
 *
 * A VF is an untrusted guest: every word it writes is checked here before
 * anything reaches the switch, and a request can only ever change the
 * VF's own VPort. Differences from the stock igb PF, on purpose:
 *   - MAC_FILTER_CLR always works (igb NACKs it since 2021);
 *   - a VF re-sending its admin MAC, or VLAN 0 under a port VLAN, gets a
 *     quiet ACK instead of a NACK and a log line on every VF reset;
 *   - unicast promiscuous mode is for trusted VFs only, and a refused
 *     SET_PROMISC changes nothing (igb applies the multicast part first);
 *   - SET_LPE has a lower bound, SET_VLAN rejects bits above the VID;
 *   - a VF reset never re-enables spoof checking or drops the rate limit:
 *     both are re-applied from the admin configuration;
 *   - a VF may not claim a MAC address another VPort receives, nor the
 *     admin MAC of another VF; neither may the PF;
 *   - the shared RAR and VLVF tables are split fairly: no VF can starve
 *     another or leave the administrator without an entry for a port VLAN;
 *   - a mailbox flood is throttled per VF: the PF's work for each VF is
 *     budgeted, and over budget its events wait, none is dropped.
 */
#include <linux/array_size.h>
#include <linux/errno.h>
#include <linux/etherdevice.h>
#include <linux/string.h>

#include "srnic_pf_policy.h"

static const char * const srnic_pol_rule_names[SRNIC_POL_RULE_NR] = {
	[SRNIC_POL_OK]		= "ok",
	[SRNIC_POL_ADMIN_MAC]	= "admin-mac",
	[SRNIC_POL_PORT_VLAN]	= "port-vlan",
	[SRNIC_POL_TRUST]	= "trust",
	[SRNIC_POL_BAD_MAC]	= "invalid-mac",
	[SRNIC_POL_MAC_IN_USE]	= "mac-in-use",
	[SRNIC_POL_UC_LIMIT]	= "uc-filter-limit",
	[SRNIC_POL_RAR_FULL]	= "rar-full",
	[SRNIC_POL_VLAN_RANGE]	= "vlan-range",
	[SRNIC_POL_VLVF_FULL]	= "vlvf-full",
	[SRNIC_POL_LPE_RANGE]	= "lpe-range",
	[SRNIC_POL_BAD_REQUEST]	= "bad-request",
	[SRNIC_POL_NOT_CTS]	= "not-cts",
	[SRNIC_POL_NOT_ALLOWED]	= "not-allowed",
	[SRNIC_POL_UNKNOWN_MSG]	= "unknown-msg",
	[SRNIC_POL_THROTTLED]	= "mailbox-flood",
	[SRNIC_POL_VLAN_QUOTA]	= "vlan-quota",
	[SRNIC_POL_UC_QUOTA]	= "uc-quota",
};

/**
 * srnic_pol_rule_name - short name of a policy rule, for log lines
 * @rule: enum srnic_pol_rule
 *
 * Return: a static string.
 */
const char *srnic_pol_rule_name(unsigned int rule)
{
	if (rule >= SRNIC_POL_RULE_NR)
		return "?";
	return srnic_pol_rule_names[rule];
}

/**
 * srnic_pol_msg_name - name of a VF request, for log lines
 * @w0: word 0 of the request
 *
 * Return: a static string.
 */
const char *srnic_pol_msg_name(u32 w0)
{
	switch (srnic_mbx_msgid(w0)) {
	case SRNIC_MBX_VF_RESET:
		return "VF_RESET";
	case SRNIC_MBX_SET_MAC_ADDR:
		switch (srnic_mbx_msginfo(w0)) {
		case SRNIC_MBX_MAC_SET:
			return "SET_MAC_ADDR";
		case SRNIC_MBX_MAC_FILTER_CLR:
			return "MAC_FILTER_CLR";
		case SRNIC_MBX_MAC_FILTER_ADD:
			return "MAC_FILTER_ADD";
		default:
			return "SET_MAC_ADDR(?)";
		}
	case SRNIC_MBX_SET_MULTICAST:
		return "SET_MULTICAST";
	case SRNIC_MBX_SET_VLAN:
		return srnic_mbx_msginfo(w0) ? "VLAN_ADD" : "VLAN_DEL";
	case SRNIC_MBX_SET_LPE:
		return "SET_LPE";
	case SRNIC_MBX_SET_PROMISC:
		return "SET_PROMISC";
	case SRNIC_MBX_API_NEGOTIATE:
		return "API_NEGOTIATE";
	default:
		return "UNKNOWN";
	}
}

/* Messages a VF may send once clear to send, and the API they need.
 * VF_RESET is accepted in every state and is not listed.
 */
static const struct {
	u16 id;
	u16 min_api;
} srnic_pol_allowlist[] = {
	{ SRNIC_MBX_SET_MAC_ADDR,	SRNIC_MBX_API_1_0 },
	{ SRNIC_MBX_SET_MULTICAST,	SRNIC_MBX_API_1_0 },
	{ SRNIC_MBX_SET_VLAN,		SRNIC_MBX_API_1_0 },
	{ SRNIC_MBX_SET_LPE,		SRNIC_MBX_API_1_0 },
	{ SRNIC_MBX_SET_PROMISC,	SRNIC_MBX_API_1_0 },
	{ SRNIC_MBX_API_NEGOTIATE,	SRNIC_MBX_API_1_0 },
};

static bool pol_has_admin_mac(const struct srnic_pol_vf *v)
{
	return !is_zero_ether_addr(v->admin.mac);
}

static bool pol_has_port_vlan(const struct srnic_pol_vf *v)
{
	return v->admin.vlan || v->admin.qos;
}

/* CTS as the VF sees it: an admin-disabled link looks like "not yet" */
static bool pol_cts_bit(const struct srnic_pol_vf *v)
{
	return v->cts && v->admin.link_state != SRNIC_POL_LINK_DISABLE;
}

/* Another VF's admin MAC stays reserved for it even while that VF, trusted,
 * uses a different one: it gets it back at its next reset.
 */
static bool pol_admin_mac_of_other(const struct srnic_pol *pol,
				   unsigned int vf, const u8 *mac)
{
	unsigned int i;

	for (i = 0; i < pol->num_vfs; i++)
		if (i != vf && pol_has_admin_mac(&pol->vf[i]) &&
		    ether_addr_equal(pol->vf[i].admin.mac, mac))
			return true;
	return false;
}

/**
 * srnic_pol_mac_usable - may @pool receive on @mac?
 * @pol: policy
 * @pool: pool number; pol->num_vfs is the PF
 * @mac: unicast address
 *
 * The one place that knows which addresses are taken: any address another
 * pool's RAR entry holds, and every other VF's admin MAC even while that
 * VF (trusted) uses another address, so that it can always get it back.
 *
 * Return: 0, or -EADDRINUSE.
 */
int srnic_pol_mac_usable(const struct srnic_pol *pol, unsigned int pool,
			 const u8 *mac)
{
	int owner = srnic_sw_mac_owner(pol->sw, mac);

	if (owner >= 0 && owner != (int)pool)
		return -EADDRINUSE;
	if (pol_admin_mac_of_other(pol, pool, mac))
		return -EADDRINUSE;
	return 0;
}

/**
 * srnic_pol_pf_set_mac - set the PF pool's primary address
 * @pol: policy
 * @mac: address; all zeros removes it
 *
 * Return: 0, -EINVAL, or -EADDRINUSE (another pool's address or a VF's
 * admin MAC).
 */
int srnic_pol_pf_set_mac(struct srnic_pol *pol, const u8 *mac)
{
	int err = is_zero_ether_addr(mac) ? 0 :
		  srnic_pol_mac_usable(pol, pol->sw->pf_pool, mac);

	return err ? err : srnic_sw_set_mac(pol->sw, pol->sw->pf_pool, mac);
}

/**
 * srnic_pol_pf_uc_add - add a secondary unicast address for the PF pool
 * @pol: policy
 * @mac: address
 *
 * Return: as srnic_sw_uc_add(), and -EADDRINUSE for a VF's admin MAC.
 */
int srnic_pol_pf_uc_add(struct srnic_pol *pol, const u8 *mac)
{
	int err = srnic_pol_mac_usable(pol, pol->sw->pf_pool, mac);

	return err ? err : srnic_sw_uc_add(pol->sw, pol->sw->pf_pool, mac);
}

static void pol_enable(struct srnic_pol *pol, unsigned int vf)
{
	const struct srnic_pol_vf *v = &pol->vf[vf];
	bool en = v->cts && v->admin.link_state != SRNIC_POL_LINK_DISABLE;

	srnic_sw_set_rxtx(pol->sw, vf, en, en);
}

static void pol_count(struct srnic_pol_vf *v, unsigned int rule)
{
	v->stats.refused++;
	v->stats.by_rule[rule]++;
}

static void pol_ack(const struct srnic_pol_vf *v, u32 w0,
		    struct srnic_pol_result *res)
{
	res->reply[0] = srnic_mbx_reply_w0(w0, true, pol_cts_bit(v));
	res->reply_len = SRNIC_MBX_REPLY_LEN;
}

static void pol_refuse(struct srnic_pol_vf *v, u32 w0, int err,
		       unsigned int rule, struct srnic_pol_result *res)
{
	res->err = err;
	res->rule = rule;
	res->report = true;
	pol_count(v, rule);
	res->reply[0] = srnic_mbx_reply_w0(w0, false, pol_cts_bit(v));
	res->reply_len = SRNIC_MBX_REPLY_LEN;
	if (v->api >= SRNIC_MBX_API_1_1) {
		res->reply[1] = srnic_mbx_reason_from_errno(err);
		res->reply[2] = rule;
		res->reply_len = SRNIC_MBX_NACK_1_1_LEN;
	}
}

/* Refill the work bucket; the clock may wrap, never mints credit backwards */
static void pol_ev_refill(struct srnic_pol_vf *v, u32 now_ms)
{
	s32 dt = (s32)(now_ms - v->bucket_ms);

	v->bucket_ms = now_ms;
	if (dt <= 0)
		return;
	if ((u32)dt >= SRNIC_POL_CREDIT_MAX_MS - v->credit_ms)
		v->credit_ms = SRNIC_POL_CREDIT_MAX_MS;
	else
		v->credit_ms += dt;
}

/**
 * srnic_pol_ev_may_serve - may the PF serve VF @vf's mailbox events now?
 * @pol: policy
 * @vf: VF
 * @now_ms: millisecond clock
 * @report: out: set to true when this call starts a deferral episode
 *	(log it once, rate-limited); untouched otherwise
 *
 * False once the VF used up its budget (srnic_pol_ev_charge()), and until
 * the bucket refilled to SRNIC_POL_EV_RESUME units. The caller leaves the
 * events pending and serves them after srnic_pol_ev_resume_ms().
 *
 * Return: true if the events may be served.
 */
bool srnic_pol_ev_may_serve(struct srnic_pol *pol, unsigned int vf,
			    u32 now_ms, bool *report)
{
	struct srnic_pol_vf *v;

	if (vf >= pol->num_vfs)
		return false;
	v = &pol->vf[vf];
	pol_ev_refill(v, now_ms);
	if (v->throttling &&
	    v->credit_ms >= SRNIC_POL_EV_RESUME * SRNIC_POL_EV_COST_MS)
		v->throttling = false;
	if (!v->throttling && v->credit_ms < SRNIC_POL_EV_COST_MS) {
		v->throttling = true;
		v->stats.throttled++;
		v->stats.by_rule[SRNIC_POL_THROTTLED]++;
		*report = true;
	}
	return !v->throttling;
}

/**
 * srnic_pol_ev_units - work units VF @vf has left
 * @pol: policy
 * @vf: VF
 * @now_ms: millisecond clock
 *
 * Lets the caller cap a busy-wait to what the VF can still pay for.
 *
 * Return: units, 0 if none or while deferred.
 */
unsigned int srnic_pol_ev_units(struct srnic_pol *pol, unsigned int vf,
				u32 now_ms)
{
	struct srnic_pol_vf *v;

	if (vf >= pol->num_vfs)
		return 0;
	v = &pol->vf[vf];
	pol_ev_refill(v, now_ms);
	return v->throttling ? 0 : v->credit_ms / SRNIC_POL_EV_COST_MS;
}

/**
 * srnic_pol_ev_charge - account PF work done for VF @vf
 * @pol: policy
 * @vf: VF
 * @units: SRNIC_POL_EV_* per event, plus one per PFU busy-wait step
 *
 * The bucket does not go below empty; an overdraft is simply not served
 * again until srnic_pol_ev_may_serve() says so.
 */
void srnic_pol_ev_charge(struct srnic_pol *pol, unsigned int vf,
			 unsigned int units)
{
	struct srnic_pol_vf *v;
	u32 cost;

	if (vf >= pol->num_vfs)
		return;
	v = &pol->vf[vf];
	cost = units * SRNIC_POL_EV_COST_MS;
	v->credit_ms = cost >= v->credit_ms ? 0 : v->credit_ms - cost;
}

/**
 * srnic_pol_ev_resume_ms - how long VF @vf's deferral still lasts
 * @pol: policy
 * @vf: VF
 *
 * Counted from the last srnic_pol_ev_may_serve()/srnic_pol_ev_units().
 *
 * Return: milliseconds, 0 if the VF may be served.
 */
u32 srnic_pol_ev_resume_ms(const struct srnic_pol *pol, unsigned int vf)
{
	const struct srnic_pol_vf *v;
	u32 want = SRNIC_POL_EV_RESUME * SRNIC_POL_EV_COST_MS;

	if (vf >= pol->num_vfs)
		return 0;
	v = &pol->vf[vf];
	if (!v->throttling || v->credit_ms >= want)
		return 0;
	return want - v->credit_ms;
}

static void pol_reapply_admin(struct srnic_pol *pol, unsigned int vf)
{
	const struct srnic_pol_vf *v = &pol->vf[vf];

	srnic_sw_set_spoofchk(pol->sw, vf, v->admin.spoofchk);
	srnic_sw_set_rate(pol->sw, vf, v->admin.max_tx_rate);
}

static void pol_vf_reset(struct srnic_pol *pol, unsigned int vf,
			 struct srnic_pol_result *res)
{
	struct srnic_pol_vf *v = &pol->vf[vf];
	u8 mac[ETH_ALEN];

	v->cts = false;
	v->api = SRNIC_MBX_API_1_0;
	v->nack_valid = false;
	v->stats.resets++;
	srnic_sw_vport_reset(pol->sw, vf);
	pol_reapply_admin(pol, vf);

	ether_addr_copy(mac, pol_has_admin_mac(v) ? v->admin.mac : v->mac);
	if (srnic_sw_set_mac(pol->sw, vf, mac)) {
		/* taken meanwhile by another VPort: let the VF pick anew */
		eth_zero_addr(mac);
		srnic_sw_set_mac(pol->sw, vf, mac);
	}
	ether_addr_copy(v->mac, mac);

	v->cts = true;
	pol_enable(pol, vf);

	/* Exact 1.0 form: no CTS, no MSGINFO, MAC or zeros in words 1-2 */
	if (is_zero_ether_addr(mac)) {
		res->reply[0] = SRNIC_MBX_RESET_NACK;
		res->reply[1] = 0;
		res->reply[2] = 0;
	} else {
		res->reply[0] = SRNIC_MBX_RESET_ACK;
		srnic_mbx_pack_mac(&res->reply[1], mac);
	}
	res->reply_len = SRNIC_MBX_VF_RESET_REPLY_LEN;
}

static void pol_not_cts(struct srnic_pol_vf *v, u32 w0, u32 now_ms,
			struct srnic_pol_result *res)
{
	res->err = -EAGAIN;
	res->rule = SRNIC_POL_NOT_CTS;
	pol_count(v, SRNIC_POL_NOT_CTS);
	/* At most one NACK per quiet period; otherwise let the VF time out */
	if (v->nack_valid &&
	    (s32)(now_ms - v->last_nack_ms) < SRNIC_POL_NACK_QUIET_MS)
		return;
	v->nack_valid = true;
	v->last_nack_ms = now_ms;
	res->reply[0] = srnic_mbx_reply_w0(w0, false, false);
	res->reply_len = SRNIC_MBX_REPLY_LEN;
}

static void pol_set_mac(struct srnic_pol *pol, unsigned int vf,
			const u32 *msg, struct srnic_pol_result *res)
{
	struct srnic_pol_vf *v = &pol->vf[vf];
	bool locked = pol_has_admin_mac(v) && !v->admin.trusted;
	const struct srnic_sw_vport *vp;
	u32 w0 = msg[0];
	u8 mac[ETH_ALEN];
	int err;

	srnic_mbx_unpack_mac(mac, &msg[1]);
	switch (srnic_mbx_msginfo(w0)) {
	case SRNIC_MBX_MAC_SET:
		if (locked) {
			if (ether_addr_equal(mac, v->admin.mac))
				break;
			pol_refuse(v, w0, -EPERM, SRNIC_POL_ADMIN_MAC, res);
			return;
		}
		if (!is_valid_ether_addr(mac)) {
			pol_refuse(v, w0, -EINVAL, SRNIC_POL_BAD_MAC, res);
			return;
		}
		err = srnic_pol_mac_usable(pol, vf, mac);
		if (!err)
			err = srnic_sw_set_mac(pol->sw, vf, mac);
		if (err) {
			pol_refuse(v, w0, err, SRNIC_POL_MAC_IN_USE, res);
			return;
		}
		ether_addr_copy(v->mac, mac);
		break;
	case SRNIC_MBX_MAC_FILTER_CLR:
		/* nothing to check: it can only shrink the VPort */
		srnic_sw_uc_clear(pol->sw, vf);
		break;
	case SRNIC_MBX_MAC_FILTER_ADD:
		if (locked) {
			pol_refuse(v, w0, -EPERM, SRNIC_POL_ADMIN_MAC, res);
			return;
		}
		if (!is_valid_ether_addr(mac)) {
			pol_refuse(v, w0, -EINVAL, SRNIC_POL_BAD_MAC, res);
			return;
		}
		vp = srnic_sw_vport(pol->sw, vf);
		if (srnic_sw_mac_owner(pol->sw, mac) == (int)vf)
			break;
		if (pol_admin_mac_of_other(pol, vf, mac)) {
			pol_refuse(v, w0, -EADDRINUSE, SRNIC_POL_MAC_IN_USE,
				   res);
			return;
		}
		if (vp->nr_uc >= SRNIC_POL_UC_MAX) {
			pol_refuse(v, w0, -ENOSPC, SRNIC_POL_UC_LIMIT, res);
			return;
		}
		err = srnic_sw_uc_add(pol->sw, vf, mac);
		if (err == -EDQUOT)
			pol_refuse(v, w0, -ENOSPC, SRNIC_POL_UC_QUOTA, res);
		else if (err)
			pol_refuse(v, w0, err, err == -ENOSPC ?
				   SRNIC_POL_RAR_FULL : SRNIC_POL_MAC_IN_USE,
				   res);
		if (err)
			return;
		break;
	default:
		pol_refuse(v, w0, -EINVAL, SRNIC_POL_BAD_REQUEST, res);
		return;
	}
	pol_ack(v, w0, res);
}

static void pol_set_multicast(struct srnic_pol *pol, unsigned int vf,
			      const u32 *msg, struct srnic_pol_result *res)
{
	const union srnic_mbx_msg *m = (const union srnic_mbx_msg *)msg;
	unsigned int i, n = srnic_mbx_msginfo(msg[0]);
	u16 hash[SRNIC_POL_MC_MAX];

	if (n > SRNIC_POL_MC_MAX) {
		/* too many, or the overflow flag: multicast promiscuous */
		srnic_sw_set_mc(pol->sw, vf, NULL, SRNIC_SW_MC_MAX + 1);
	} else {
		for (i = 0; i < n; i++)
			hash[i] = srnic_mbx_get_mc_hash(m, i) &
				  SRNIC_MC_HASH_MASK;
		srnic_sw_set_mc(pol->sw, vf, hash, n);
	}
	pol_ack(&pol->vf[vf], msg[0], res);
}

static void pol_set_vlan(struct srnic_pol *pol, unsigned int vf,
			 const u32 *msg, struct srnic_pol_result *res)
{
	struct srnic_pol_vf *v = &pol->vf[vf];
	bool add = srnic_mbx_msginfo(msg[0]) != 0;
	u32 w0 = msg[0], vid = msg[1];
	int err;

	if (vid >= SRNIC_SW_VID_MAX) {
		pol_refuse(v, w0, -EINVAL, SRNIC_POL_VLAN_RANGE, res);
		return;
	}
	if (pol_has_port_vlan(v)) {
		/* VID 0 is what the guest sees anyway: nothing to refuse */
		if (vid) {
			pol_refuse(v, w0, -EPERM, SRNIC_POL_PORT_VLAN, res);
			return;
		}
	} else if (add) {
		err = srnic_sw_vlan_add(pol->sw, vf, vid);
		if (err) {
			pol_refuse(v, w0, -ENOSPC, err == -EDQUOT ?
				   SRNIC_POL_VLAN_QUOTA : SRNIC_POL_VLVF_FULL,
				   res);
			return;
		}
	} else if (vid) {
		/* removing a VLAN the VF is not in is a no-op, not an error */
		srnic_sw_vlan_del(pol->sw, vf, vid);
	}
	pol_ack(v, w0, res);
}

static void pol_set_lpe(struct srnic_pol *pol, unsigned int vf,
			const u32 *msg, struct srnic_pol_result *res)
{
	struct srnic_pol_vf *v = &pol->vf[vf];

	if (msg[1] < SRNIC_POL_MIN_FRAME || msg[1] > SRNIC_POL_MAX_FRAME ||
	    srnic_sw_set_max_frame(pol->sw, vf, msg[1])) {
		pol_refuse(v, msg[0], -EINVAL, SRNIC_POL_LPE_RANGE, res);
		return;
	}
	pol_ack(v, msg[0], res);
}

static void pol_set_promisc(struct srnic_pol *pol, unsigned int vf,
			    const u32 *msg, struct srnic_pol_result *res)
{
	struct srnic_pol_vf *v = &pol->vf[vf];
	u8 info = srnic_mbx_msginfo(msg[0]);
	u32 flags = 0;

	if (info & ~SRNIC_MBX_PROMISC_ALL) {
		pol_refuse(v, msg[0], -EINVAL, SRNIC_POL_BAD_REQUEST, res);
		return;
	}
	if ((info & SRNIC_MBX_PROMISC_UNICAST) && !v->admin.trusted) {
		pol_refuse(v, msg[0], -EPERM, SRNIC_POL_TRUST, res);
		return;
	}
	if (info & SRNIC_MBX_PROMISC_UNICAST)
		flags |= SRNIC_SW_RX_UC_PROMISC;
	if (info & SRNIC_MBX_PROMISC_MULTICAST)
		flags |= SRNIC_SW_RX_MC_PROMISC;
	srnic_sw_set_rx_mode(pol->sw, vf, flags);
	pol_ack(v, msg[0], res);
}

static void pol_api_negotiate(struct srnic_pol *pol, unsigned int vf,
			      const u32 *msg, struct srnic_pol_result *res)
{
	struct srnic_pol_vf *v = &pol->vf[vf];
	u32 agreed = 0;

	if (msg[1] == SRNIC_MBX_API_MAGIC)
		agreed = srnic_mbx_api_agree(msg[2], SRNIC_POL_API_MAX);
	/* The VF falls back to 1.0 on any NACK, so the PF does too */
	v->api = agreed ? agreed : SRNIC_MBX_API_1_0;
	if (!agreed) {
		pol_refuse(v, msg[0], -EINVAL, SRNIC_POL_BAD_REQUEST, res);
		return;
	}
	pol_ack(v, msg[0], res);
	res->reply[1] = SRNIC_MBX_API_MAGIC;
	res->reply[2] = agreed;
	/*
	 * What a ping would say now: a VF that is rate limited from before
	 * its reset must not wait for the next admin change to learn it.
	 * Word 3 is the one a 1.0 peer never reads.
	 */
	res->reply[3] = srnic_pol_ping(pol, vf);
	res->reply_len = SRNIC_MBX_API_REPLY_LEN;
}

static int pol_allowed(const struct srnic_pol_vf *v, u16 id)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(srnic_pol_allowlist); i++) {
		if (srnic_pol_allowlist[i].id != id)
			continue;
		return v->api >= srnic_pol_allowlist[i].min_api ?
		       SRNIC_POL_OK : SRNIC_POL_NOT_ALLOWED;
	}
	return SRNIC_POL_UNKNOWN_MSG;
}

/**
 * srnic_pol_handle_msg - answer one VF mailbox message
 * @pol: policy
 * @vf: sending VF
 * @msg: the SRNIC_MBX_WORDS words read from the VF's mailbox
 * @now_ms: millisecond clock
 * @res: out: reply and refusal details
 *
 * Changes the switch model for @vf's VPort only. The caller flushes the
 * switch before posting the reply, so the VF never acts on a reply before
 * the hardware does what it says.
 */
void srnic_pol_handle_msg(struct srnic_pol *pol, unsigned int vf,
			  const u32 *msg, u32 now_ms,
			  struct srnic_pol_result *res)
{
	struct srnic_pol_vf *v;
	u32 w0 = msg[0];
	int rule;

	memset(res, 0, sizeof(*res));
	if (vf >= pol->num_vfs) {
		res->err = -EINVAL;
		res->rule = SRNIC_POL_BAD_REQUEST;
		return;
	}
	v = &pol->vf[vf];
	/* flood control is the caller's: srnic_pol_ev_may_serve() */
	v->stats.msgs++;

	/* Already a reply (ours, echoed back): nothing to answer */
	if (w0 & SRNIC_MBX_RESULT_MASK)
		return;

	if (srnic_mbx_msgid(w0) == SRNIC_MBX_VF_RESET) {
		pol_vf_reset(pol, vf, res);
		return;
	}
	if (!v->cts) {
		pol_not_cts(v, w0, now_ms, res);
		return;
	}
	rule = pol_allowed(v, srnic_mbx_msgid(w0));
	if (rule != SRNIC_POL_OK) {
		pol_refuse(v, w0, rule == SRNIC_POL_UNKNOWN_MSG ?
			   -EOPNOTSUPP : -EPERM, rule, res);
		return;
	}

	switch (srnic_mbx_msgid(w0)) {
	case SRNIC_MBX_SET_MAC_ADDR:
		pol_set_mac(pol, vf, msg, res);
		break;
	case SRNIC_MBX_SET_MULTICAST:
		pol_set_multicast(pol, vf, msg, res);
		break;
	case SRNIC_MBX_SET_VLAN:
		pol_set_vlan(pol, vf, msg, res);
		break;
	case SRNIC_MBX_SET_LPE:
		pol_set_lpe(pol, vf, msg, res);
		break;
	case SRNIC_MBX_SET_PROMISC:
		pol_set_promisc(pol, vf, msg, res);
		break;
	case SRNIC_MBX_API_NEGOTIATE:
		pol_api_negotiate(pol, vf, msg, res);
		break;
	}
}

/**
 * srnic_pol_init - start policy for @num_vfs VFs
 * @pol: policy
 * @sw: switch, already srnic_sw_init()ed for the same number of VFs
 * @num_vfs: VFs enabled (clamped to the switch's)
 * @now_ms: millisecond clock
 *
 * Admin defaults: no MAC, no port VLAN, trust off, spoofchk on, link
 * auto, no rate limit.
 */
void srnic_pol_init(struct srnic_pol *pol, struct srnic_sw *sw,
		    unsigned int num_vfs, u32 now_ms)
{
	unsigned int i;

	memset(pol, 0, sizeof(*pol));
	pol->sw = sw;
	pol->num_vfs = num_vfs < sw->num_vfs ? num_vfs : sw->num_vfs;
	for (i = 0; i < pol->num_vfs; i++) {
		struct srnic_pol_vf *v = &pol->vf[i];

		v->admin.spoofchk = true;
		v->admin.link_state = SRNIC_POL_LINK_AUTO;
		v->api = SRNIC_MBX_API_1_0;
		v->credit_ms = SRNIC_POL_CREDIT_MAX_MS;
		v->bucket_ms = now_ms;
		pol_reapply_admin(pol, i);
		pol_enable(pol, i);
	}
}

/**
 * srnic_pol_vf_flr - a VF was reset (VFLRE: FLR or VTCTRL.RST)
 * @pol: policy
 * @vf: VF
 *
 * The VF is no longer clear to send and loses what it configured; a MAC
 * it chose itself is forgotten, the admin MAC stays. The hardware already
 * stopped its queues, so rx/tx stay off until the next VF_RESET.
 */
void srnic_pol_vf_flr(struct srnic_pol *pol, unsigned int vf)
{
	struct srnic_pol_vf *v;

	if (vf >= pol->num_vfs)
		return;
	v = &pol->vf[vf];
	v->cts = false;
	v->api = SRNIC_MBX_API_1_0;
	v->nack_valid = false;
	v->stats.flrs++;
	if (!pol_has_admin_mac(v)) {
		eth_zero_addr(v->mac);
		srnic_sw_set_mac(pol->sw, vf, v->mac);
	}
	srnic_sw_vport_reset(pol->sw, vf);
	pol_reapply_admin(pol, vf);
	pol_enable(pol, vf);
}

/**
 * srnic_pol_vf_ack - a VF acked a PF message (MBVFICR.VFACK)
 * @pol: policy
 * @vf: VF
 * @now_ms: millisecond clock
 * @word: out: message to send if the return value is true
 *
 * A VF that is not clear to send is told so with a bare NACK, at most
 * once per SRNIC_POL_NACK_QUIET_MS.
 *
 * Return: true if @word must be sent to the VF.
 */
bool srnic_pol_vf_ack(struct srnic_pol *pol, unsigned int vf, u32 now_ms,
		      u32 *word)
{
	struct srnic_pol_vf *v;

	if (vf >= pol->num_vfs)
		return false;
	v = &pol->vf[vf];
	if (v->cts)
		return false;
	if (v->nack_valid &&
	    (s32)(now_ms - v->last_nack_ms) < SRNIC_POL_NACK_QUIET_MS)
		return false;
	v->nack_valid = true;
	v->last_nack_ms = now_ms;
	*word = SRNIC_MBX_BARE_NACK;
	return true;
}

/**
 * srnic_pol_pf_reset - the PF is resetting the device
 * @pol: policy
 *
 * Every VF must redo the VF_RESET handshake; VF pools stay disabled until
 * it does. The whole switch is marked for replay: flush it once the MAC
 * is back, then ping every VF (no CTS) and set CTRL_EXT.PFRSTD.
 */
void srnic_pol_pf_reset(struct srnic_pol *pol)
{
	unsigned int i;

	for (i = 0; i < pol->num_vfs; i++) {
		pol->vf[i].cts = false;
		pol->vf[i].api = SRNIC_MBX_API_1_0;
		pol->vf[i].nack_valid = false;
		pol_enable(pol, i);
	}
	srnic_sw_mark_all_dirty(pol->sw);
}

/**
 * srnic_pol_set_link - PF link change
 * @pol: policy
 * @up: link up
 * @mbps: speed when up
 *
 * Rate limits are re-encoded for the new speed (flush the switch), then
 * ping every VF.
 */
void srnic_pol_set_link(struct srnic_pol *pol, bool up, u32 mbps)
{
	pol->pf_link_up = up;
	srnic_sw_set_link_speed(pol->sw, up ? mbps : 0);
}

/**
 * srnic_pol_ping - PF_CONTROL_MSG word for a VF
 * @pol: policy
 * @vf: VF
 *
 * CTS when the VF is clear to send and not administratively down; for an
 * API 1.1 VF also the link state it should show and whether it is rate
 * limited (and should then send on its first queue only).
 *
 * Return: the word to send.
 */
u32 srnic_pol_ping(const struct srnic_pol *pol, unsigned int vf)
{
	const struct srnic_pol_vf *v;
	u32 w = SRNIC_MBX_PF_CONTROL_MSG;
	bool link;

	if (vf >= pol->num_vfs)
		return w;
	v = &pol->vf[vf];
	if (pol_cts_bit(v))
		w |= SRNIC_MBX_CTS;
	link = pol_cts_bit(v) &&
	       (pol->pf_link_up ||
		v->admin.link_state == SRNIC_POL_LINK_ENABLE);
	if (v->api >= SRNIC_MBX_API_1_1 && link)
		w |= SRNIC_MBX_CTRL_LINK_UP << SRNIC_MBX_MSGINFO_SHIFT;
	if (v->api >= SRNIC_MBX_API_1_1 && v->admin.max_tx_rate)
		w |= SRNIC_MBX_CTRL_RATE_LIMITED << SRNIC_MBX_MSGINFO_SHIFT;
	return w;
}

/**
 * srnic_pol_kick - make a running VF reset itself
 * @pol: policy
 * @vf: VF
 * @now_ms: millisecond clock
 *
 * Takes CTS away and stops the pool; the returned control message carries
 * NACK without CTS, which a 1.0 VF (igbvf) treats as "lost CTS, reset".
 * Its VF_RESET then picks up the new admin configuration.
 *
 * Return: the word to send.
 */
u32 srnic_pol_kick(struct srnic_pol *pol, unsigned int vf, u32 now_ms)
{
	struct srnic_pol_vf *v;

	if (vf >= pol->num_vfs)
		return SRNIC_MBX_PF_CONTROL_MSG | SRNIC_MBX_NACK;
	v = &pol->vf[vf];
	v->cts = false;
	v->api = SRNIC_MBX_API_1_0;
	v->nack_valid = true;
	v->last_nack_ms = now_ms;
	pol_enable(pol, vf);
	return SRNIC_MBX_PF_CONTROL_MSG | SRNIC_MBX_NACK;
}

/**
 * srnic_pol_set_vf_mac - ndo_set_vf_mac
 * @pol: policy
 * @vf: VF
 * @mac: admin MAC; all zeros removes the admin MAC (the VF keeps the
 *       address it has and may change it again)
 *
 * The VF's filter moves to the new address at once; an untrusted VF
 * loses its extra unicast filters.
 *
 * Return: SRNIC_POL_ACT_RESET if a running VF must pick it up, 0, or
 * -EINVAL (bad VF, multicast address), -EADDRINUSE (another VPort has it).
 */
int srnic_pol_set_vf_mac(struct srnic_pol *pol, unsigned int vf,
			 const u8 *mac)
{
	struct srnic_pol_vf *v;
	bool changed;
	int err;

	if (vf >= pol->num_vfs || is_multicast_ether_addr(mac))
		return -EINVAL;
	v = &pol->vf[vf];
	if (is_zero_ether_addr(mac)) {
		eth_zero_addr(v->admin.mac);
		return SRNIC_POL_ACT_NONE;
	}
	if (pol_admin_mac_of_other(pol, vf, mac))
		return -EADDRINUSE;
	err = srnic_sw_set_mac(pol->sw, vf, mac);
	if (err)
		return err;
	changed = !ether_addr_equal(v->mac, mac);
	ether_addr_copy(v->admin.mac, mac);
	ether_addr_copy(v->mac, mac);
	/* an untrusted VF under an admin MAC has no extra filters */
	if (!v->admin.trusted && srnic_sw_vport(pol->sw, vf)->nr_uc) {
		srnic_sw_uc_clear(pol->sw, vf);
		changed = true;
	}
	return changed && v->cts ? SRNIC_POL_ACT_RESET : SRNIC_POL_ACT_NONE;
}

/**
 * srnic_pol_set_vf_vlan - ndo_set_vf_vlan (802.1Q only; the caller refuses
 *	other protocols with -EPROTONOSUPPORT)
 * @pol: policy
 * @vf: VF
 * @vlan: port VLAN 0..4094
 * @qos: priority 0..7; @vlan 0 with @qos 0 removes the port VLAN
 *
 * Return: SRNIC_POL_ACT_RESET, 0, -EINVAL or -ENOSPC (VLVF full).
 */
int srnic_pol_set_vf_vlan(struct srnic_pol *pol, unsigned int vf, u16 vlan,
			  u8 qos)
{
	struct srnic_pol_vf *v;
	int err;

	if (vf >= pol->num_vfs || vlan >= SRNIC_SW_VID_MAX ||
	    qos > SRNIC_SW_QOS_MAX)
		return -EINVAL;
	v = &pol->vf[vf];
	if (v->admin.vlan == vlan && v->admin.qos == qos)
		return SRNIC_POL_ACT_NONE;
	err = srnic_sw_set_port_vlan(pol->sw, vf, vlan, qos);
	if (err)
		return err;
	v->admin.vlan = vlan;
	v->admin.qos = qos;
	return v->cts ? SRNIC_POL_ACT_RESET : SRNIC_POL_ACT_NONE;
}

/**
 * srnic_pol_set_vf_trust - ndo_set_vf_trust
 * @pol: policy
 * @vf: VF
 * @on: trusted
 *
 * Taking trust away also takes away what only trust allowed: unicast
 * promiscuous mode, a MAC other than the admin MAC, and extra filters
 * while an admin MAC is set. The VF lands on its admin MAC at once; no
 * other port can hold it (srnic_pol_mac_usable()), and should that ever
 * fail the VF is left with no address rather than a self-chosen one.
 *
 * Return: SRNIC_POL_ACT_RESET if the VF lost something, 0, -EINVAL, or
 * -EADDRINUSE if the admin MAC could not be restored.
 */
int srnic_pol_set_vf_trust(struct srnic_pol *pol, unsigned int vf, bool on)
{
	const struct srnic_sw_vport *vp;
	struct srnic_pol_vf *v;
	bool lost = false;

	if (vf >= pol->num_vfs)
		return -EINVAL;
	v = &pol->vf[vf];
	v->admin.trusted = on;
	if (on)
		return SRNIC_POL_ACT_NONE;
	vp = srnic_sw_vport(pol->sw, vf);
	if (vp->rx_flags & SRNIC_SW_RX_UC_PROMISC) {
		srnic_sw_set_rx_mode(pol->sw, vf,
				     vp->rx_flags & ~SRNIC_SW_RX_UC_PROMISC);
		lost = true;
	}
	if (pol_has_admin_mac(v)) {
		if (vp->nr_uc) {
			srnic_sw_uc_clear(pol->sw, vf);
			lost = true;
		}
		if (!ether_addr_equal(v->mac, v->admin.mac)) {
			if (srnic_sw_set_mac(pol->sw, vf, v->admin.mac)) {
				eth_zero_addr(v->mac);
				srnic_sw_set_mac(pol->sw, vf, v->mac);
				return -EADDRINUSE;
			}
			ether_addr_copy(v->mac, v->admin.mac);
			lost = true;
		}
	}
	return lost && v->cts ? SRNIC_POL_ACT_RESET : SRNIC_POL_ACT_NONE;
}

/**
 * srnic_pol_set_vf_spoofchk - ndo_set_vf_spoofchk
 * @pol: policy
 * @vf: VF
 * @on: check source MAC and VLAN of the VF's frames
 *
 * Return: 0 or -EINVAL.
 */
int srnic_pol_set_vf_spoofchk(struct srnic_pol *pol, unsigned int vf,
			      bool on)
{
	if (vf >= pol->num_vfs)
		return -EINVAL;
	pol->vf[vf].admin.spoofchk = on;
	srnic_sw_set_spoofchk(pol->sw, vf, on);
	return SRNIC_POL_ACT_NONE;
}

/**
 * srnic_pol_set_vf_link_state - ndo_set_vf_link_state
 * @pol: policy
 * @vf: VF
 * @state: enum srnic_pol_link (same values as IFLA_VF_LINK_STATE_*)
 *
 * "disable" stops the pool both ways and takes CTS out of every message
 * to the VF; "auto" and "enable" give both back.
 *
 * Return: SRNIC_POL_ACT_PING for a running VF, 0, or -EINVAL.
 */
int srnic_pol_set_vf_link_state(struct srnic_pol *pol, unsigned int vf,
				unsigned int state)
{
	if (vf >= pol->num_vfs || state > SRNIC_POL_LINK_DISABLE)
		return -EINVAL;
	pol->vf[vf].admin.link_state = state;
	pol_enable(pol, vf);
	return pol->vf[vf].cts ? SRNIC_POL_ACT_PING : SRNIC_POL_ACT_NONE;
}

/**
 * srnic_pol_set_vf_rate - ndo_set_vf_rate
 * @pol: policy
 * @vf: VF
 * @min_mbps: must be 0 (no minimum rate on the 82576)
 * @max_mbps: limit, 0 for none; not above the current link speed
 *
 * Accepted while the link is down; it applies when the link comes up. The
 * limit covers both of the VF's queues together, nearly all of it on the
 * first (see srnic_sw_rate_encode()).
 *
 * Return: SRNIC_POL_ACT_PING when a running API 1.1 VF must learn that it
 * is now (or no longer) rate limited, 0, -EOPNOTSUPP (a minimum rate) or
 * -EINVAL.
 */
int srnic_pol_set_vf_rate(struct srnic_pol *pol, unsigned int vf,
			  u32 min_mbps, u32 max_mbps)
{
	struct srnic_pol_vf *v;
	bool was;

	if (vf >= pol->num_vfs)
		return -EINVAL;
	if (min_mbps)
		return -EOPNOTSUPP;
	if (max_mbps > SRNIC_POL_MAX_RATE ||
	    (pol->sw->link_mbps && max_mbps > pol->sw->link_mbps))
		return -EINVAL;
	v = &pol->vf[vf];
	was = v->admin.max_tx_rate;
	v->admin.max_tx_rate = max_mbps;
	srnic_sw_set_rate(pol->sw, vf, max_mbps);
	return v->cts && v->api >= SRNIC_MBX_API_1_1 && was != !!max_mbps ?
	       SRNIC_POL_ACT_PING : SRNIC_POL_ACT_NONE;
}

/**
 * srnic_pol_vf_state - per-VF state for ndo_get_vf_config and ethtool -S
 * @pol: policy
 * @vf: VF
 *
 * Return: the state, or NULL for a bad VF.
 */
const struct srnic_pol_vf *srnic_pol_vf_state(const struct srnic_pol *pol,
					      unsigned int vf)
{
	return vf < pol->num_vfs ? &pol->vf[vf] : NULL;
}
