// SPDX-License-Identifier: GPL-2.0
/* The PF<->VF mailbox message schema and its two validators.
 *
 * Both drivers decide from this table alone what a message is: the PF
 * which requests it accepts in which state before policy runs, the VF
 * whether a reply is one and whether a NACK says why. Nothing here knows
 * about policy: a request the schema accepts may still be refused.
 */
#include <linux/array_size.h>
#include <linux/errno.h>
#include <linux/export.h>

#include "srnic_compat.h"
#include "srnic_mbx_proto.h"

#define SRNIC_MBX_LEN_OF(type)	(sizeof(type) / sizeof(u32))

static int srnic_mbx_check_set_mac(const union srnic_mbx_msg *msg)
{
	switch (srnic_mbx_msginfo(msg->hdr.w0)) {
	case SRNIC_MBX_MAC_SET:
	case SRNIC_MBX_MAC_FILTER_CLR:
	case SRNIC_MBX_MAC_FILTER_ADD:
		return 0;
	default:
		return -EINVAL;
	}
}

static const char *srnic_mbx_set_mac_name(u8 msginfo)
{
	switch (msginfo) {
	case SRNIC_MBX_MAC_SET:
		return "SET_MAC_ADDR";
	case SRNIC_MBX_MAC_FILTER_CLR:
		return "MAC_FILTER_CLR";
	case SRNIC_MBX_MAC_FILTER_ADD:
		return "MAC_FILTER_ADD";
	default:
		return "SET_MAC_ADDR(?)";
	}
}

static int srnic_mbx_check_set_vlan(const union srnic_mbx_msg *msg)
{
	return msg->vlan.vid < SRNIC_MBX_VLAN_VID_LIMIT ? 0 : -EINVAL;
}

static const char *srnic_mbx_set_vlan_name(u8 msginfo)
{
	return msginfo ? "VLAN_ADD" : "VLAN_DEL";
}

static int srnic_mbx_check_set_promisc(const union srnic_mbx_msg *msg)
{
	u8 info = srnic_mbx_msginfo(msg->hdr.w0);

	return info & ~SRNIC_MBX_PROMISC_ALL ? -EINVAL : 0;
}

/*
 * Sorted by ID (the unit tests check it). API_NEGOTIATE's magic and offer
 * are not checked here: a failed negotiation also drops the VF to 1.0,
 * which is the PF's business.
 */
const struct srnic_mbx_msg_type srnic_mbx_msg_types[] = {
	{
		.id = SRNIC_MBX_VF_RESET, .name = "VF_RESET",
		.dir = SRNIC_MBX_DIR_VF_TO_PF, .len = SRNIC_MBX_VF_RESET_LEN,
		.shape = SRNIC_MBX_SHAPE_RESET, .min_api = SRNIC_MBX_API_1_0,
		.states = SRNIC_MBX_IN_RESET | SRNIC_MBX_IN_CTS,
	}, {
		.id = SRNIC_MBX_SET_MAC_ADDR, .name = "SET_MAC_ADDR",
		.dir = SRNIC_MBX_DIR_VF_TO_PF, .len = SRNIC_MBX_SET_MAC_LEN,
		.shape = SRNIC_MBX_SHAPE_STATUS, .min_api = SRNIC_MBX_API_1_0,
		.states = SRNIC_MBX_IN_CTS,
		.check = srnic_mbx_check_set_mac,
		.sub_name = srnic_mbx_set_mac_name,
	}, {
		.id = SRNIC_MBX_SET_MULTICAST, .name = "SET_MULTICAST",
		.dir = SRNIC_MBX_DIR_VF_TO_PF,
		.len = SRNIC_MBX_SET_MULTICAST_LEN,
		.shape = SRNIC_MBX_SHAPE_STATUS, .min_api = SRNIC_MBX_API_1_0,
		.states = SRNIC_MBX_IN_CTS,
	}, {
		.id = SRNIC_MBX_SET_VLAN, .name = "SET_VLAN",
		.dir = SRNIC_MBX_DIR_VF_TO_PF, .len = SRNIC_MBX_SET_VLAN_LEN,
		.shape = SRNIC_MBX_SHAPE_STATUS, .min_api = SRNIC_MBX_API_1_0,
		.states = SRNIC_MBX_IN_CTS,
		.check = srnic_mbx_check_set_vlan,
		.sub_name = srnic_mbx_set_vlan_name,
	}, {
		.id = SRNIC_MBX_SET_LPE, .name = "SET_LPE",
		.dir = SRNIC_MBX_DIR_VF_TO_PF, .len = SRNIC_MBX_SET_LPE_LEN,
		.shape = SRNIC_MBX_SHAPE_STATUS, .min_api = SRNIC_MBX_API_1_0,
		.states = SRNIC_MBX_IN_CTS,
	}, {
		.id = SRNIC_MBX_SET_PROMISC, .name = "SET_PROMISC",
		.dir = SRNIC_MBX_DIR_VF_TO_PF, .len = SRNIC_MBX_SET_PROMISC_LEN,
		.shape = SRNIC_MBX_SHAPE_STATUS, .min_api = SRNIC_MBX_API_1_0,
		.states = SRNIC_MBX_IN_CTS,
		.check = srnic_mbx_check_set_promisc,
	}, {
		.id = SRNIC_MBX_API_NEGOTIATE, .name = "API_NEGOTIATE",
		.dir = SRNIC_MBX_DIR_VF_TO_PF,
		.len = SRNIC_MBX_API_NEGOTIATE_LEN,
		.shape = SRNIC_MBX_SHAPE_API, .min_api = SRNIC_MBX_API_1_0,
		.states = SRNIC_MBX_IN_CTS, .ext = true,
	}, {
		.id = SRNIC_MBX_PF_CONTROL_MSG, .name = "PF_CONTROL_MSG",
		.dir = SRNIC_MBX_DIR_PF_TO_VF, .len = SRNIC_MBX_PF_CONTROL_LEN,
		.shape = SRNIC_MBX_SHAPE_NONE, .min_api = SRNIC_MBX_API_1_0,
	},
};
EXPORT_SYMBOL_NS_GPL(srnic_mbx_msg_types, SRNIC_NS);

const unsigned int srnic_mbx_nr_msg_types = ARRAY_SIZE(srnic_mbx_msg_types);
EXPORT_SYMBOL_NS_GPL(srnic_mbx_nr_msg_types, SRNIC_NS);

/* The lengths are the layouts' sizes: a struct and its row cannot drift */
static_assert(SRNIC_MBX_LEN_OF(struct srnic_mbx_hdr) == SRNIC_MBX_VF_RESET_LEN);
static_assert(SRNIC_MBX_LEN_OF(struct srnic_mbx_set_mac) == SRNIC_MBX_SET_MAC_LEN);
static_assert(SRNIC_MBX_LEN_OF(struct srnic_mbx_set_multicast) ==
	      SRNIC_MBX_SET_MULTICAST_LEN);
static_assert(SRNIC_MBX_LEN_OF(struct srnic_mbx_set_vlan) == SRNIC_MBX_SET_VLAN_LEN);
static_assert(SRNIC_MBX_LEN_OF(struct srnic_mbx_set_lpe) == SRNIC_MBX_SET_LPE_LEN);
static_assert(SRNIC_MBX_LEN_OF(struct srnic_mbx_hdr) == SRNIC_MBX_SET_PROMISC_LEN);
static_assert(SRNIC_MBX_LEN_OF(struct srnic_mbx_api) ==
	      SRNIC_MBX_API_NEGOTIATE_LEN);
static_assert(SRNIC_MBX_LEN_OF(struct srnic_mbx_hdr) == SRNIC_MBX_PF_CONTROL_LEN);

/* Indexed by code; the PF maps an errno without a row to R_INVAL */
const struct srnic_mbx_reason_type srnic_mbx_reasons[] = {
	{ SRNIC_MBX_R_NONE, 0, "R_NONE", "no detail (1.0 peer)" },
	{ SRNIC_MBX_R_PERM, -EPERM, "R_PERM", "host policy forbids it" },
	{ SRNIC_MBX_R_INVAL, -EINVAL, "R_INVAL", "malformed or out of range" },
	{ SRNIC_MBX_R_NOSPC, -ENOSPC, "R_NOSPC",
	  "a table or per-VF limit is full" },
	{ SRNIC_MBX_R_ADDRINUSE, -EADDRINUSE, "R_ADDRINUSE",
	  "address owned by another port" },
	{ SRNIC_MBX_R_AGAIN, -EAGAIN, "R_AGAIN", "not clear to send, retry" },
	{ SRNIC_MBX_R_NOTSUPP, -EOPNOTSUPP, "R_NOTSUPP", "unknown message" },
};
EXPORT_SYMBOL_NS_GPL(srnic_mbx_reasons, SRNIC_NS);

const unsigned int srnic_mbx_nr_reasons = ARRAY_SIZE(srnic_mbx_reasons);
EXPORT_SYMBOL_NS_GPL(srnic_mbx_nr_reasons, SRNIC_NS);

static_assert(ARRAY_SIZE(srnic_mbx_reasons) == SRNIC_MBX_R_NR);

/**
 * srnic_mbx_reason_from_errno - wire reason code for a PF-side errno
 * @err: negative errno (or 0)
 *
 * Return: enum srnic_mbx_reason value; R_INVAL for an errno without one.
 */
u32 srnic_mbx_reason_from_errno(int err)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(srnic_mbx_reasons); i++)
		if (srnic_mbx_reasons[i].err == err)
			return srnic_mbx_reasons[i].code;
	return SRNIC_MBX_R_INVAL;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_reason_from_errno, SRNIC_NS);

/**
 * srnic_mbx_reason_to_errno - errno for a reason code from an API 1.1 NACK
 * @reason: word 1 of the NACK
 * @dflt: errno to use when the PF gave no reason (R_NONE or unknown)
 *
 * Return: a negative errno.
 */
int srnic_mbx_reason_to_errno(u32 reason, int dflt)
{
	if (reason >= ARRAY_SIZE(srnic_mbx_reasons) ||
	    !srnic_mbx_reasons[reason].err)
		return dflt;
	return srnic_mbx_reasons[reason].err;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_reason_to_errno, SRNIC_NS);

/**
 * srnic_mbx_msg_type - the schema row of a message ID
 * @id: message ID
 *
 * Return: the row, or NULL for an ID the protocol does not define.
 */
const struct srnic_mbx_msg_type *srnic_mbx_msg_type(u16 id)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(srnic_mbx_msg_types); i++)
		if (srnic_mbx_msg_types[i].id == id)
			return &srnic_mbx_msg_types[i];
	return NULL;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_msg_type, SRNIC_NS);

/**
 * srnic_mbx_msg_name - name of a message, for log lines
 * @w0: word 0 of the message
 *
 * Return: a static string; sub-commands have their own names
 * (MAC_FILTER_ADD, VLAN_DEL), an undefined ID is "UNKNOWN".
 */
const char *srnic_mbx_msg_name(u32 w0)
{
	const struct srnic_mbx_msg_type *t;

	t = srnic_mbx_msg_type(srnic_mbx_msgid(w0));
	if (!t)
		return "UNKNOWN";
	if (t->sub_name)
		return t->sub_name(srnic_mbx_msginfo(w0));
	return t->name;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_msg_name, SRNIC_NS);

/**
 * srnic_mbx_reply_words - length of the reply to a message
 * @t: the message's schema row
 * @api: negotiated API
 * @ack: the reply is an ACK (else a NACK)
 *
 * The VF_RESET reply has one length whatever the outcome; a NACK has a
 * reason (three words) from API 1.1 on, except that of API_NEGOTIATE: a
 * failed negotiation is 1.0 for both sides, and a stock PF's "unknown
 * message" is one word as well.
 *
 * Return: words the PF posts, 0 for a message that gets no reply.
 */
unsigned int srnic_mbx_reply_words(const struct srnic_mbx_msg_type *t,
				   u16 api, bool ack)
{
	switch (t->shape) {
	case SRNIC_MBX_SHAPE_RESET:
		return SRNIC_MBX_VF_RESET_REPLY_LEN;
	case SRNIC_MBX_SHAPE_STATUS:
		if (!ack && api >= SRNIC_MBX_API_1_1)
			return SRNIC_MBX_NACK_1_1_LEN;
		return SRNIC_MBX_REPLY_LEN;
	case SRNIC_MBX_SHAPE_API:
		return ack ? SRNIC_MBX_API_REPLY_LEN : SRNIC_MBX_REPLY_LEN;
	default:
		return 0;
	}
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_reply_words, SRNIC_NS);

/**
 * srnic_mbx_validate_vf_msg - is this a well-formed VF request?
 * @api: API negotiated with the sender
 * @msg: the request
 * @len: words of @msg that are valid (the PF reads all SRNIC_MBX_WORDS)
 *
 * The PF calls it on every request before policy; the VF on every request
 * before sending it. The state the VF is in (SRNIC_MBX_IN_*) is the PF's
 * to check. Only words below @len are read.
 *
 * Return: 0; -EOPNOTSUPP for an ID that is not a VF request, -EPERM if
 * @api is too old for it, -EINVAL if it is short or a field is illegal.
 */
int srnic_mbx_validate_vf_msg(u16 api, const union srnic_mbx_msg *msg,
			      unsigned int len)
{
	const struct srnic_mbx_msg_type *t;

	if (!len)
		return -EINVAL;
	t = srnic_mbx_msg_type(srnic_mbx_msgid(msg->hdr.w0));
	if (!t || t->dir != SRNIC_MBX_DIR_VF_TO_PF)
		return -EOPNOTSUPP;
	if (api < t->min_api)
		return -EPERM;
	if (len < t->len)
		return -EINVAL;
	return t->check ? t->check(msg) : 0;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_validate_vf_msg, SRNIC_NS);

/**
 * srnic_mbx_validate_pf_reply - read a PF reply to a VF request
 * @api: negotiated API
 * @req: the request (word 0 is enough)
 * @reply: what the VF read back
 * @rlen: words of @reply read, zero-filled beyond what the PF wrote
 * @out: out: the reply's meaning
 *
 * A reply is matched on ID and MSGINFO (srnic_mbx_reply_status()). A NACK
 * has a reason only if it carries SRNIC_MBX_NACK_REASON, the VF did not
 * send that bit itself, and @api is 1.1: a one-word NACK leaves the VF's
 * own request in words 1..2, and a stock PF never sets the tag. Not for
 * VF_RESET, whose reply has its own exact form
 * (srnic_mbx_parse_reset_reply()).
 *
 * Return: 0 if @reply answers @req (ACK or NACK), -EPROTO if it does not.
 */
int srnic_mbx_validate_pf_reply(u16 api, const union srnic_mbx_msg *req,
				const union srnic_mbx_msg *reply,
				unsigned int rlen, struct srnic_mbx_reply *out)
{
	u32 w0 = reply->hdr.w0;

	out->status = srnic_mbx_reply_status(req->hdr.w0, w0);
	out->cts = !!(w0 & SRNIC_MBX_CTS);
	out->has_reason = false;
	out->reason = SRNIC_MBX_R_NONE;
	out->policy = 0;
	if (out->status == SRNIC_MBX_ST_BAD)
		return -EPROTO;
	if (out->status == SRNIC_MBX_ST_NACK && api >= SRNIC_MBX_API_1_1 &&
	    (w0 & SRNIC_MBX_NACK_REASON) &&
	    !(req->hdr.w0 & SRNIC_MBX_NACK_REASON) &&
	    rlen >= SRNIC_MBX_NACK_1_1_LEN) {
		out->has_reason = true;
		out->reason = reply->nack.reason;
		out->policy = reply->nack.policy;
	}
	return 0;
}
EXPORT_SYMBOL_NS_GPL(srnic_mbx_validate_pf_reply, SRNIC_NS);
