/* SPDX-License-Identifier: GPL-2.0 */
/* Intel 82576 PF<->VF mailbox protocol, shared by srnic_pf and srnic_vf.
 *
 * A message is an array of up to SRNIC_MBX_WORDS 32-bit words that lives in
 * the VF's 64-byte VMBMEM window. Words are CPU-order values; the MMIO
 * accessors put them on the bus little-endian, so every byte-packing helper
 * below builds the words arithmetically and never copies memory. That keeps
 * the layout identical on big-endian hosts.
 *
 * Word 0 of every message:
 *
 *   31    30    29    28..24   23..16    15..0
 *   ACK   NACK  CTS   unused   MSGINFO   message ID
 *
 * API 1.0 is what stock igb (PF) and igbvf (VF) speak; it is implemented
 * byte for byte. API 1.1 is an srnic extension that a VF asks for with
 * SRNIC_MBX_API_NEGOTIATE after every VF_RESET handshake:
 *
 *   - a stock igb PF does not know the ID and answers NACK (with CTS, since
 *     the VF is clear to send after VF_RESET): the VF speaks 1.0 from then on;
 *   - a stock igbvf never sends it, so our PF serves it 1.0 unchanged;
 *   - our PF answers ACK with the version it agrees to (never above the one
 *     the VF offered). The agreement lasts until the next VF_RESET, VF FLR
 *     or PF reset; the VF negotiates again after each handshake.
 *
 * The VF must not negotiate before VF_RESET: a stock PF drops or NACKs every
 * message from a VF that is not yet clear to send, and a silent drop costs
 * the VF a full mailbox timeout.
 *
 * What 1.1 adds on top of 1.0:
 *   - every NACK reply is three words: word 1 carries a reason code
 *     (enum srnic_mbx_reason, convertible to an errno) and word 2 the PF's
 *     policy ID, so a VF can tell "forbidden by the host" from "out of
 *     filters" from "bad request" and say so to its user;
 *   - PF_CONTROL_MSG carries the link state the VF should report in MSGINFO
 *     (SRNIC_MBX_CTRL_LINK_UP), so an administratively disabled VF link is
 *     told apart from a PF in reset, and whether the VF is rate limited
 *     (SRNIC_MBX_CTRL_RATE_LIMITED);
 *   - the API_NEGOTIATE ACK carries, in word 3, the PF_CONTROL_MSG word the
 *     PF would send now, so the VF knows those flags from the start of the
 *     session instead of at the next ping. The VF sends word 3 as zero: a
 *     PF that posts only three words (an older srnic_pf) leaves that zero
 *     in VMBMEM, which the VF reads as "no state";
 *   - replies are matched on message ID and MSGINFO (see
 *     srnic_mbx_reply_status()), which fixes the 1.0 VLAN-add NACK that stock
 *     igbvf cannot see; the PF's reply format itself is the same as in 1.0.
 */
#ifndef _SRNIC_MBX_PROTO_H_
#define _SRNIC_MBX_PROTO_H_

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/errno.h>
#include <linux/if_ether.h>
#include <linux/types.h>

/* Size of one VF's mailbox memory */
#define SRNIC_MBX_WORDS		16

/* Word 0 fields */
#define SRNIC_MBX_MSGID_MASK	GENMASK(15, 0)
#define SRNIC_MBX_MSGINFO_SHIFT	16
#define SRNIC_MBX_MSGINFO_MASK	GENMASK(23, 16)
#define SRNIC_MBX_CTS		BIT(29)
#define SRNIC_MBX_NACK		BIT(30)
#define SRNIC_MBX_ACK		BIT(31)
#define SRNIC_MBX_RESULT_MASK	(SRNIC_MBX_ACK | SRNIC_MBX_NACK)

/* Message IDs, VF to PF (API 1.0) */
#define SRNIC_MBX_VF_RESET		0x0001
#define SRNIC_MBX_SET_MAC_ADDR		0x0002
#define SRNIC_MBX_SET_MULTICAST		0x0003
#define SRNIC_MBX_SET_VLAN		0x0004
#define SRNIC_MBX_SET_LPE		0x0005
#define SRNIC_MBX_SET_PROMISC		0x0006
/* PF to VF (API 1.0) */
#define SRNIC_MBX_PF_CONTROL_MSG	0x0100
/* srnic extension, VF to PF. 0x08..0x0f and 0x0101 are taken by the
 * Solaris "API 2.0" message set, so keep well clear of them.
 */
#define SRNIC_MBX_API_NEGOTIATE		0x0010

/* MSGINFO values of SET_MAC_ADDR */
#define SRNIC_MBX_MAC_SET		0
#define SRNIC_MBX_MAC_FILTER_CLR	1
#define SRNIC_MBX_MAC_FILTER_ADD	2

/* MSGINFO of SET_MULTICAST: hash count. A count above SRNIC_MBX_MC_MAX, or
 * the FreeBSD-style overflow flag, asks for multicast promiscuous mode.
 */
#define SRNIC_MBX_MC_MAX		30
#define SRNIC_MBX_MC_OVERFLOW		0x80

/* MSGINFO of SET_VLAN: non-zero means add */
#define SRNIC_MBX_VLAN_ADD		0x01

/* MSGINFO of SET_PROMISC (absolute state, not a toggle) */
#define SRNIC_MBX_PROMISC_UNICAST	BIT(0)
#define SRNIC_MBX_PROMISC_MULTICAST	BIT(1)
#define SRNIC_MBX_PROMISC_ALL		(SRNIC_MBX_PROMISC_UNICAST | \
					 SRNIC_MBX_PROMISC_MULTICAST)

/* MSGINFO of PF_CONTROL_MSG, API 1.1 only */
#define SRNIC_MBX_CTRL_LINK_UP		BIT(0)
/* The admin set max_tx_rate: the limit is split so that the VF's first TX
 * queue has all of it but about link/16384, the second that remainder.
 * A VF seeing this should transmit on its first queue only.
 */
#define SRNIC_MBX_CTRL_RATE_LIMITED	BIT(1)

/* Exact word 0 of the two legal VF_RESET replies (no CTS, no MSGINFO) */
#define SRNIC_MBX_RESET_ACK	(SRNIC_MBX_ACK | SRNIC_MBX_VF_RESET)
#define SRNIC_MBX_RESET_NACK	(SRNIC_MBX_NACK | SRNIC_MBX_VF_RESET)

/* Bare NACK the PF sends when a non-CTS VF acks a PF message */
#define SRNIC_MBX_BARE_NACK	SRNIC_MBX_NACK

/* API versions: major in bits 15:8, minor in bits 7:0 */
#define SRNIC_MBX_API(maj, min)	(((maj) << 8) | (min))
#define SRNIC_MBX_API_1_0	SRNIC_MBX_API(1, 0)
#define SRNIC_MBX_API_1_1	SRNIC_MBX_API(1, 1)
#define SRNIC_MBX_API_LATEST	SRNIC_MBX_API_1_1
/* "SRNC": marks a negotiation word as ours, not stray payload */
#define SRNIC_MBX_API_MAGIC	0x534e5243

/* Reason codes in word 1 of an API 1.1 NACK. Wire values, OS independent. */
enum srnic_mbx_reason {
	SRNIC_MBX_R_NONE = 0,		/* 1.0 peer or no detail */
	SRNIC_MBX_R_PERM = 1,		/* host policy forbids it */
	SRNIC_MBX_R_INVAL = 2,		/* malformed or out of range */
	SRNIC_MBX_R_NOSPC = 3,		/* a filter table or limit is full */
	SRNIC_MBX_R_ADDRINUSE = 4,	/* address owned by another port */
	SRNIC_MBX_R_AGAIN = 5,		/* not clear to send / busy, retry */
	SRNIC_MBX_R_NOTSUPP = 6,	/* unknown message */
	SRNIC_MBX_R_NR
};

/* Word counts, request and reply, per message */
#define SRNIC_MBX_VF_RESET_LEN		1
#define SRNIC_MBX_VF_RESET_REPLY_LEN	3
#define SRNIC_MBX_SET_MAC_LEN		3
#define SRNIC_MBX_SET_MULTICAST_LEN	SRNIC_MBX_WORDS
#define SRNIC_MBX_SET_VLAN_LEN		2
#define SRNIC_MBX_SET_LPE_LEN		2
#define SRNIC_MBX_SET_PROMISC_LEN	1
#define SRNIC_MBX_PF_CONTROL_LEN	1
#define SRNIC_MBX_API_NEGOTIATE_LEN	4	/* word 3 zero, see above */
#define SRNIC_MBX_API_REPLY_LEN		4	/* 3 from an older srnic_pf */
#define SRNIC_MBX_REPLY_LEN		1	/* plain ACK/NACK */
#define SRNIC_MBX_NACK_1_1_LEN		3	/* NACK with reason */

/* Message layouts. Each is a view on the same 16-word buffer. */
struct srnic_mbx_hdr {
	u32 w0;
};

/* VF_RESET reply: MAC bytes 0..3 in mac_lo (byte 0 in bits 7:0), 4..5 in
 * the low half of mac_hi.
 */
struct srnic_mbx_reset_reply {
	u32 w0;
	u32 mac_lo;
	u32 mac_hi;
};

/* SET_MAC_ADDR and its MAC_FILTER sub-commands */
struct srnic_mbx_set_mac {
	u32 w0;
	u32 mac_lo;
	u32 mac_hi;
};

/* SET_MULTICAST: hash i in the low half (even i) or high half (odd i) of
 * hash[i / 2].
 */
struct srnic_mbx_set_multicast {
	u32 w0;
	u32 hash[SRNIC_MBX_WORDS - 1];
};

struct srnic_mbx_set_vlan {
	u32 w0;
	u32 vid;	/* bits 11:0; a 1.0 PF ignores the rest */
};

struct srnic_mbx_set_lpe {
	u32 w0;
	u32 max_frame;	/* bytes, FCS included */
};

/* API_NEGOTIATE request and its ACK share the layout */
struct srnic_mbx_api {
	u32 w0;
	u32 magic;	/* SRNIC_MBX_API_MAGIC */
	u32 version;	/* offered by the VF / agreed by the PF */
	u32 ctrl;	/* request: 0; ACK: the PF_CONTROL_MSG word of now */
};

/* API 1.1 NACK */
struct srnic_mbx_nack {
	u32 w0;
	u32 reason;	/* enum srnic_mbx_reason */
	u32 policy;	/* PF policy ID, informational */
};

union srnic_mbx_msg {
	u32 w[SRNIC_MBX_WORDS];
	struct srnic_mbx_hdr hdr;
	struct srnic_mbx_reset_reply reset_reply;
	struct srnic_mbx_set_mac mac;
	struct srnic_mbx_set_multicast mc;
	struct srnic_mbx_set_vlan vlan;
	struct srnic_mbx_set_lpe lpe;
	struct srnic_mbx_api api;
	struct srnic_mbx_nack nack;
};

static_assert(sizeof(struct srnic_mbx_hdr) == 4 * SRNIC_MBX_REPLY_LEN);
static_assert(sizeof(struct srnic_mbx_reset_reply) == 4 * SRNIC_MBX_VF_RESET_REPLY_LEN);
static_assert(sizeof(struct srnic_mbx_set_mac) == 4 * SRNIC_MBX_SET_MAC_LEN);
static_assert(sizeof(struct srnic_mbx_set_multicast) == 4 * SRNIC_MBX_SET_MULTICAST_LEN);
static_assert(sizeof(struct srnic_mbx_set_vlan) == 4 * SRNIC_MBX_SET_VLAN_LEN);
static_assert(sizeof(struct srnic_mbx_set_lpe) == 4 * SRNIC_MBX_SET_LPE_LEN);
static_assert(sizeof(struct srnic_mbx_api) == 4 * SRNIC_MBX_API_NEGOTIATE_LEN);
static_assert(sizeof(struct srnic_mbx_api) == 4 * SRNIC_MBX_API_REPLY_LEN);
static_assert(sizeof(struct srnic_mbx_nack) == 4 * SRNIC_MBX_NACK_1_1_LEN);
static_assert(sizeof(union srnic_mbx_msg) == 4 * SRNIC_MBX_WORDS);
/* 30 packed 16-bit hashes fit in words 1..15 */
static_assert(SRNIC_MBX_MC_MAX <= 2 * (SRNIC_MBX_WORDS - 1));

/* Word 0 helpers */
static inline u16 srnic_mbx_msgid(u32 w0)
{
	return w0 & SRNIC_MBX_MSGID_MASK;
}

static inline u8 srnic_mbx_msginfo(u32 w0)
{
	return (w0 & SRNIC_MBX_MSGINFO_MASK) >> SRNIC_MBX_MSGINFO_SHIFT;
}

static inline u32 srnic_mbx_w0(u16 msgid, u8 msginfo)
{
	return ((u32)msginfo << SRNIC_MBX_MSGINFO_SHIFT) | msgid;
}

/**
 * srnic_mbx_is_ping - is @w0 a PF_CONTROL_MSG notification?
 * @w0: word 0 of a PF message
 *
 * Return: true for the PF_CONTROL_MSG ID without ACK or NACK (the NACK
 * form is a kick, not a state report).
 */
static inline bool srnic_mbx_is_ping(u32 w0)
{
	return srnic_mbx_msgid(w0) == SRNIC_MBX_PF_CONTROL_MSG &&
	       !(w0 & SRNIC_MBX_RESULT_MASK);
}

/**
 * srnic_mbx_pack_mac - put a MAC address into two message words
 * @w: two words; byte 0 lands in bits 7:0 of w[0], byte 5 in bits 15:8 of w[1]
 * @mac: the address
 *
 * The upper half of w[1] is cleared.
 */
static inline void srnic_mbx_pack_mac(u32 *w, const u8 *mac)
{
	w[0] = (u32)mac[0] | (u32)mac[1] << 8 | (u32)mac[2] << 16 |
	       (u32)mac[3] << 24;
	w[1] = (u32)mac[4] | (u32)mac[5] << 8;
}

/**
 * srnic_mbx_unpack_mac - read a MAC address from two message words
 * @mac: the address, out
 * @w: two words in the srnic_mbx_pack_mac() layout; the upper half of w[1]
 *     is ignored (a 1.0 VF may leave anything there)
 */
static inline void srnic_mbx_unpack_mac(u8 *mac, const u32 *w)
{
	mac[0] = w[0] & 0xff;
	mac[1] = (w[0] >> 8) & 0xff;
	mac[2] = (w[0] >> 16) & 0xff;
	mac[3] = (w[0] >> 24) & 0xff;
	mac[4] = w[1] & 0xff;
	mac[5] = (w[1] >> 8) & 0xff;
}

/**
 * srnic_mbx_put_mc_hash - store multicast hash @i of a SET_MULTICAST
 * @msg: the message
 * @i: index, below SRNIC_MBX_MC_MAX
 * @hash: 12-bit hash from srnic_mc_hash()
 */
static inline void srnic_mbx_put_mc_hash(union srnic_mbx_msg *msg,
					 unsigned int i, u16 hash)
{
	u32 *w = &msg->mc.hash[i / 2];

	if (i & 1)
		*w = (*w & 0x0000ffff) | (u32)hash << 16;
	else
		*w = (*w & 0xffff0000) | hash;
}

/**
 * srnic_mbx_get_mc_hash - read multicast hash @i of a SET_MULTICAST
 * @msg: the message
 * @i: index, below SRNIC_MBX_MC_MAX
 *
 * Return: the 16-bit value as sent; the PF uses bits 11:0.
 */
static inline u16 srnic_mbx_get_mc_hash(const union srnic_mbx_msg *msg,
					unsigned int i)
{
	u32 w = msg->mc.hash[i / 2];

	return (i & 1) ? w >> 16 : w & 0xffff;
}

/* The 82576 multicast table: 4096 bits in 128 registers */
#define SRNIC_MC_HASH_MASK	0xfff

/**
 * srnic_mc_hash - multicast filter hash, filter type 0 (RCTL.MO = 0)
 * @addr: multicast MAC address
 *
 * The hash is the 12 bits above the lowest nibble of the last two bytes.
 *
 * Return: hash in 0..4095; register index is hash >> 5, bit is hash & 31.
 */
static inline u16 srnic_mc_hash(const u8 *addr)
{
	return ((addr[4] >> 4) | ((u16)addr[5] << 4)) & SRNIC_MC_HASH_MASK;
}

/**
 * srnic_mbx_reply_w0 - word 0 of the reply to a VF request
 * @req_w0: word 0 of the request
 * @ack: true for ACK, false for NACK
 * @cts: whether the VF is clear to send
 *
 * Return: the request's ID and MSGINFO with ACK or NACK and maybe CTS.
 */
static inline u32 srnic_mbx_reply_w0(u32 req_w0, bool ack, bool cts)
{
	u32 w0 = req_w0 & ~(SRNIC_MBX_RESULT_MASK | SRNIC_MBX_CTS);

	w0 |= ack ? SRNIC_MBX_ACK : SRNIC_MBX_NACK;
	if (cts)
		w0 |= SRNIC_MBX_CTS;
	return w0;
}

enum srnic_mbx_status {
	SRNIC_MBX_ST_ACK,
	SRNIC_MBX_ST_NACK,
	SRNIC_MBX_ST_BAD,	/* not a reply to this request */
};

/**
 * srnic_mbx_reply_status - classify a PF reply to a VF request
 * @req_w0: word 0 the VF sent
 * @rep_w0: word 0 read back
 *
 * Matches on message ID and MSGINFO and then looks at the ACK/NACK bits
 * alone, which works for every request including VLAN add (stock igbvf
 * compares whole words and misses that NACK). Not for VF_RESET, whose reply
 * has its own exact form (srnic_mbx_parse_reset_reply()).
 *
 * Return: SRNIC_MBX_ST_ACK, SRNIC_MBX_ST_NACK or SRNIC_MBX_ST_BAD.
 */
static inline enum srnic_mbx_status
srnic_mbx_reply_status(u32 req_w0, u32 rep_w0)
{
	const u32 id = SRNIC_MBX_MSGID_MASK | SRNIC_MBX_MSGINFO_MASK;

	if ((req_w0 & id) != (rep_w0 & id))
		return SRNIC_MBX_ST_BAD;
	switch (rep_w0 & SRNIC_MBX_RESULT_MASK) {
	case SRNIC_MBX_ACK:
		return SRNIC_MBX_ST_ACK;
	case SRNIC_MBX_NACK:
		return SRNIC_MBX_ST_NACK;
	default:
		return SRNIC_MBX_ST_BAD;
	}
}

/**
 * srnic_mbx_parse_reset_reply - decode the 3-word VF_RESET reply
 * @w: the three words
 * @mac: out: the permanent MAC, or all zeros when the PF has none
 *
 * Return: 0 on either legal reply, -EPROTO for anything else.
 */
static inline int srnic_mbx_parse_reset_reply(const u32 *w, u8 *mac)
{
	if (w[0] == SRNIC_MBX_RESET_ACK) {
		srnic_mbx_unpack_mac(mac, &w[1]);
		return 0;
	}
	if (w[0] == SRNIC_MBX_RESET_NACK) {
		unsigned int i;

		for (i = 0; i < ETH_ALEN; i++)
			mac[i] = 0;
		return 0;
	}
	return -EPROTO;
}

/**
 * srnic_mbx_reason_from_errno - wire reason code for a PF-side errno
 * @err: negative errno (or 0)
 *
 * Return: enum srnic_mbx_reason value.
 */
static inline u32 srnic_mbx_reason_from_errno(int err)
{
	switch (err) {
	case 0:
		return SRNIC_MBX_R_NONE;
	case -EPERM:
		return SRNIC_MBX_R_PERM;
	case -ENOSPC:
		return SRNIC_MBX_R_NOSPC;
	case -EADDRINUSE:
		return SRNIC_MBX_R_ADDRINUSE;
	case -EAGAIN:
		return SRNIC_MBX_R_AGAIN;
	case -EOPNOTSUPP:
		return SRNIC_MBX_R_NOTSUPP;
	default:
		return SRNIC_MBX_R_INVAL;
	}
}

/**
 * srnic_mbx_reason_to_errno - errno for a reason code from an API 1.1 NACK
 * @reason: word 1 of the NACK
 * @dflt: errno to use when the PF gave no reason (1.0 or R_NONE)
 *
 * Return: a negative errno.
 */
static inline int srnic_mbx_reason_to_errno(u32 reason, int dflt)
{
	switch (reason) {
	case SRNIC_MBX_R_PERM:
		return -EPERM;
	case SRNIC_MBX_R_INVAL:
		return -EINVAL;
	case SRNIC_MBX_R_NOSPC:
		return -ENOSPC;
	case SRNIC_MBX_R_ADDRINUSE:
		return -EADDRINUSE;
	case SRNIC_MBX_R_AGAIN:
		return -EAGAIN;
	case SRNIC_MBX_R_NOTSUPP:
		return -EOPNOTSUPP;
	default:
		return dflt;
	}
}

/**
 * srnic_mbx_api_agree - pick the API version the PF answers with
 * @offered: version the VF offered
 * @pf_max: highest version this PF speaks
 *
 * Return: the agreed version, or 0 if @offered is not a usable version
 * (the PF then NACKs and the VF stays on 1.0).
 */
static inline u32 srnic_mbx_api_agree(u32 offered, u32 pf_max)
{
	if (offered < SRNIC_MBX_API_1_0 || offered > 0xffff)
		return 0;
	return offered < pf_max ? offered : pf_max;
}

#endif /* _SRNIC_MBX_PROTO_H_ */
