/* SPDX-License-Identifier: GPL-2.0 */
/* PF mailbox server and per-VF admin policy, as pure logic.
 *
 * srnic_pol_handle_msg() takes the 16 words a VF left in its mailbox,
 * decides against the admin policy and limits, applies the result to the
 * switch model and returns the reply words. It touches no registers: the
 * caller flushes the switch (srnic_sw_flush()) and posts the reply.
 *
 * Expected use by the PF (all under one spinlock that also covers the
 * switch; the mailbox is served in hard irq context from the "other"
 * vector, so process-context callers take it with interrupts off):
 *
 *   for each VF n with an event:
 *     VFLRE[n]        -> srnic_pol_vf_flr()
 *     MBVFICR.VFREQ[n] -> srnic_mbx_pf_lock(), srnic_mbx_pf_read(16 words),
 *                        srnic_mbx_pf_ack_hold(), srnic_pol_handle_msg(),
 *                        srnic_sw_flush(),
 *                        reply_len ? srnic_mbx_pf_post() : srnic_mbx_pf_unlock(),
 *                        res.err && res.report ? one rate-limited log line
 *     MBVFICR.VFACK[n] -> srnic_pol_vf_ack(), send the bare NACK if asked
 *
 * Time is a caller-supplied millisecond clock (jiffies_to_msecs(jiffies));
 * it may wrap.
 */
#ifndef _SRNIC_PF_POLICY_H_
#define _SRNIC_PF_POLICY_H_

#include <linux/if_ether.h>
#include <linux/types.h>

#include "srnic_mbx_proto.h"
#include "srnic_pf_switch.h"

/* Per-VF limits, all in one place */
#define SRNIC_POL_MC_MAX	SRNIC_MBX_MC_MAX	/* hashes, more = mc promisc */
#define SRNIC_POL_UC_MAX	3	/* extra unicast filters */
#define SRNIC_POL_MIN_FRAME	SRNIC_SW_MIN_FRAME
#define SRNIC_POL_MAX_FRAME	SRNIC_SW_MAX_FRAME
#define SRNIC_POL_MAX_RATE	1000	/* Mbit/s, the 82576's top speed */
/* A VF that is not clear to send gets at most one NACK per this period */
#define SRNIC_POL_NACK_QUIET_MS	2000
/*
 * Budget of PF hard-irq work per VF, in units: every request, ack and VF
 * reset event the PF serves costs units, and so does every step of the
 * PFU busy-wait. A burst of SRNIC_POL_EV_BURST, refilled at
 * SRNIC_POL_EV_RATE per second. A VF over budget is not served: its
 * events stay pending until the bucket holds SRNIC_POL_EV_RESUME units
 * again (a penalty of about 320 ms), then they are served in order.
 * Nothing is dropped. A guest replaying 60 VLANs after a reset needs
 * about 150 units (each message is a request and the ack of its reply).
 */
#define SRNIC_POL_EV_BURST	512
#define SRNIC_POL_EV_RATE	200
#define SRNIC_POL_EV_COST_MS	(1000 / SRNIC_POL_EV_RATE)
#define SRNIC_POL_EV_RESUME	64
#define SRNIC_POL_EV_REQ	1	/* a request (plus its lock waits) */
#define SRNIC_POL_EV_ACK	1	/* an ack */
#define SRNIC_POL_EV_VFLR	4	/* a VF reset: VPort reset and flush */
#define SRNIC_POL_CREDIT_MAX_MS	(SRNIC_POL_EV_COST_MS * SRNIC_POL_EV_BURST)

/* API version this PF offers */
#define SRNIC_POL_API_MAX	SRNIC_MBX_API_1_1

/* Why a request was refused; srnic_pol_rule_name() gives the log name */
enum srnic_pol_rule {
	SRNIC_POL_OK,
	SRNIC_POL_ADMIN_MAC,	/* admin set the MAC and the VF is not trusted */
	SRNIC_POL_PORT_VLAN,	/* admin set a port VLAN */
	SRNIC_POL_TRUST,	/* unicast promisc needs trust */
	SRNIC_POL_BAD_MAC,	/* multicast or zero address */
	SRNIC_POL_MAC_IN_USE,	/* another VPort owns the address */
	SRNIC_POL_UC_LIMIT,	/* SRNIC_POL_UC_MAX filters reached */
	SRNIC_POL_RAR_FULL,	/* no RAR entry left */
	SRNIC_POL_VLAN_RANGE,	/* VID out of 0..4094 */
	SRNIC_POL_VLVF_FULL,	/* no VLVF entry left */
	SRNIC_POL_LPE_RANGE,	/* frame size out of range */
	SRNIC_POL_BAD_REQUEST,	/* unknown sub-command or flag */
	SRNIC_POL_NOT_CTS,	/* no VF_RESET handshake yet */
	SRNIC_POL_NOT_ALLOWED,	/* message not allowed in this state/API */
	SRNIC_POL_UNKNOWN_MSG,	/* unknown message ID */
	SRNIC_POL_THROTTLED,	/* mailbox flood: over the work budget */
	/* appended: the numbers go to API 1.1 VFs in NACKs */
	SRNIC_POL_VLAN_QUOTA,	/* the VF is in its quota of VLANs */
	SRNIC_POL_UC_QUOTA,	/* the rest of RAR is other ports' share */
	SRNIC_POL_RULE_NR
};

/* Admin link state, same values as IFLA_VF_LINK_STATE_* */
enum srnic_pol_link {
	SRNIC_POL_LINK_AUTO,
	SRNIC_POL_LINK_ENABLE,
	SRNIC_POL_LINK_DISABLE,
};

/**
 * struct srnic_pol_admin - what the host administrator set for a VF
 * @mac: admin MAC (all zeros: none, the VF picks its own)
 * @vlan: port VLAN ID (0 with @qos 0: none)
 * @qos: port VLAN priority
 * @trusted: VF may override the admin MAC and use unicast promisc
 * @spoofchk: anti-spoof checks on the VF's transmit
 * @link_state: enum srnic_pol_link
 * @max_tx_rate: Mbit/s, 0 for none
 */
struct srnic_pol_admin {
	u8 mac[ETH_ALEN];
	u16 vlan;
	u8 qos;
	bool trusted;
	bool spoofchk;
	u8 link_state;
	u32 max_tx_rate;
};

/**
 * struct srnic_pol_stats - per-VF mailbox counters (for ethtool -S)
 * @msgs: messages received
 * @refused: requests refused (NACKed or dropped) for any reason
 * @throttled: times the VF went over its work budget (events deferred)
 * @resets: VF_RESET handshakes
 * @flrs: VF reset events (FLR, VTCTRL.RST)
 * @by_rule: refusals per enum srnic_pol_rule
 */
struct srnic_pol_stats {
	u64 msgs;
	u64 refused;
	u64 throttled;
	u64 resets;
	u64 flrs;
	u32 by_rule[SRNIC_POL_RULE_NR];
};

/**
 * struct srnic_pol_vf - per-VF policy state
 * @admin: admin configuration
 * @mac: the VF's current MAC (admin MAC, or what the VF chose)
 * @cts: the VF completed VF_RESET since its last reset or the PF's
 * @api: negotiated mailbox API (SRNIC_MBX_API_1_0 until negotiated)
 * @nack_valid: @last_nack_ms holds a time
 * @last_nack_ms: when the last not-CTS NACK was sent
 * @credit_ms: work budget bucket, in milliseconds of credit
 * @bucket_ms: time of the last bucket update
 * @throttling: over budget, events deferred until SRNIC_POL_EV_RESUME
 * @stats: counters
 */
struct srnic_pol_vf {
	struct srnic_pol_admin admin;
	u8 mac[ETH_ALEN];
	bool cts;
	u16 api;
	bool nack_valid;
	u32 last_nack_ms;
	u32 credit_ms;
	u32 bucket_ms;
	bool throttling;
	struct srnic_pol_stats stats;
};

/**
 * struct srnic_pol - the policy engine
 * @sw: the switch model it programs
 * @num_vfs: VFs enabled
 * @pf_link_up: PF link state, for API 1.1 link reports
 * @vf: per-VF state
 */
struct srnic_pol {
	struct srnic_sw *sw;
	u8 num_vfs;
	bool pf_link_up;
	struct srnic_pol_vf vf[SRNIC_MAX_VFS];
};

/**
 * struct srnic_pol_result - outcome of one VF message
 * @reply: reply words
 * @reply_len: words to post; 0 means post nothing, only release the mailbox
 * @err: 0, or the negative errno of the refusal
 * @rule: enum srnic_pol_rule of the refusal
 * @report: log this refusal (rate-limited by the caller); throttling is
 *	reported once per episode, quiet not-CTS drops not at all
 */
struct srnic_pol_result {
	u32 reply[SRNIC_MBX_WORDS];
	u8 reply_len;
	int err;
	u8 rule;
	bool report;
};

/**
 * struct srnic_pol_handler - how the PF serves one VF request
 * @id: message ID, one row of the schema (srnic_mbx_msg_types[])
 * @bad_rule: enum srnic_pol_rule for a request the schema finds malformed
 * @fn: applies policy to a request the schema accepted and fills the reply
 */
struct srnic_pol_handler {
	u16 id;
	u8 bad_rule;
	void (*fn)(struct srnic_pol *pol, unsigned int vf,
		   const union srnic_mbx_msg *msg,
		   struct srnic_pol_result *res);
};

/* The PF's dispatch table, one row per VF request the schema defines */
extern const struct srnic_pol_handler srnic_pol_handlers[];
extern const unsigned int srnic_pol_nr_handlers;

/* What the caller must tell the VF after an admin change */
#define SRNIC_POL_ACT_NONE	0
#define SRNIC_POL_ACT_PING	1	/* send srnic_pol_ping() */
#define SRNIC_POL_ACT_RESET	2	/* send srnic_pol_kick() */

void srnic_pol_init(struct srnic_pol *pol, struct srnic_sw *sw,
		    unsigned int num_vfs, u32 now_ms);
void srnic_pol_handle_msg(struct srnic_pol *pol, unsigned int vf,
			  const u32 *msg, u32 now_ms,
			  struct srnic_pol_result *res);
void srnic_pol_vf_flr(struct srnic_pol *pol, unsigned int vf);
bool srnic_pol_ev_may_serve(struct srnic_pol *pol, unsigned int vf,
			    u32 now_ms, bool *report);
unsigned int srnic_pol_ev_units(struct srnic_pol *pol, unsigned int vf,
				u32 now_ms);
void srnic_pol_ev_charge(struct srnic_pol *pol, unsigned int vf,
			 unsigned int units);
u32 srnic_pol_ev_resume_ms(const struct srnic_pol *pol, unsigned int vf);
bool srnic_pol_vf_ack(struct srnic_pol *pol, unsigned int vf, u32 now_ms,
		      u32 *word);
void srnic_pol_pf_reset(struct srnic_pol *pol);
void srnic_pol_set_link(struct srnic_pol *pol, bool up, u32 mbps);
u32 srnic_pol_ping(const struct srnic_pol *pol, unsigned int vf);
u32 srnic_pol_kick(struct srnic_pol *pol, unsigned int vf, u32 now_ms);

int srnic_pol_set_vf_mac(struct srnic_pol *pol, unsigned int vf,
			 const u8 *mac);
int srnic_pol_mac_usable(const struct srnic_pol *pol, unsigned int pool,
			 const u8 *mac);
int srnic_pol_pf_set_mac(struct srnic_pol *pol, const u8 *mac);
int srnic_pol_pf_uc_add(struct srnic_pol *pol, const u8 *mac);
int srnic_pol_set_vf_vlan(struct srnic_pol *pol, unsigned int vf, u16 vlan,
			  u8 qos);
int srnic_pol_set_vf_trust(struct srnic_pol *pol, unsigned int vf, bool on);
int srnic_pol_set_vf_spoofchk(struct srnic_pol *pol, unsigned int vf,
			      bool on);
int srnic_pol_set_vf_link_state(struct srnic_pol *pol, unsigned int vf,
				unsigned int state);
int srnic_pol_set_vf_rate(struct srnic_pol *pol, unsigned int vf,
			  u32 min_mbps, u32 max_mbps);
const struct srnic_pol_vf *srnic_pol_vf_state(const struct srnic_pol *pol,
					      unsigned int vf);

const char *srnic_pol_rule_name(unsigned int rule);
const char *srnic_pol_msg_name(u32 w0);

#endif /* _SRNIC_PF_POLICY_H_ */
