// SPDX-License-Identifier: GPL-2.0
/*
 * The message schema (mailbox/srnic_mbx_proto.c): one row per ID, the two
 * validators, the PF's dispatch table against it, and
 * Documentation/mailbox.rst against it.
 */
#include <stdlib.h>
#include <string.h>

#include "ut.h"
#include "mbx_doc.h"
#include "srnic_pf_policy.h"

#define NR_IDS	0x10000

static unsigned int rows_of(u16 id)
{
	unsigned int i, n = 0;

	for (i = 0; i < srnic_mbx_nr_msg_types; i++)
		n += srnic_mbx_msg_types[i].id == id;
	return n;
}

static unsigned int handlers_of(u16 id)
{
	unsigned int i, n = 0;

	for (i = 0; i < srnic_pol_nr_handlers; i++)
		n += srnic_pol_handlers[i].id == id;
	return n;
}

static bool is_vf_request(u16 id)
{
	const struct srnic_mbx_msg_type *t = srnic_mbx_msg_type(id);

	return t && t->dir == SRNIC_MBX_DIR_VF_TO_PF;
}

/* every ID has at most one row, every row a distinct ID, lookup agrees */
TEST(schema_one_row_per_id)
{
	unsigned int i, id, found = 0;

	CHECK_EQ(srnic_mbx_nr_msg_types, 8);
	for (i = 0; i < srnic_mbx_nr_msg_types; i++) {
		const struct srnic_mbx_msg_type *t = &srnic_mbx_msg_types[i];

		CHECK_EQ(rows_of(t->id), 1);
		CHECK(srnic_mbx_msg_type(t->id) == t);
		if (i)
			CHECK(srnic_mbx_msg_types[i - 1].id < t->id);
		CHECK(t->name && t->name[0]);
	}
	for (id = 0; id < NR_IDS; id++) {
		const struct srnic_mbx_msg_type *t = srnic_mbx_msg_type(id);

		if (!t)
			continue;
		found++;
		CHECK_EQ(t->id, id);
	}
	CHECK_EQ(found, srnic_mbx_nr_msg_types);
	/* the wire IDs, as stock igb/igbvf and srnic use them */
	CHECK_EQ(srnic_mbx_msg_type(0x0001)->len, 1);
	CHECK_EQ(srnic_mbx_msg_type(0x0003)->len, 16);
	CHECK(srnic_mbx_msg_type(0x0010)->ext);
	CHECK(!srnic_mbx_msg_type(0x0008));	/* Solaris "API 2.0" */
	CHECK(!srnic_mbx_msg_type(0x0101));
}

/* the rows are coherent: lengths fit, who may send what, reply shapes */
TEST(schema_rows_coherent)
{
	unsigned int i, in_reset = 0;

	for (i = 0; i < srnic_mbx_nr_msg_types; i++) {
		const struct srnic_mbx_msg_type *t = &srnic_mbx_msg_types[i];

		CHECK(t->len >= 1 && t->len <= SRNIC_MBX_WORDS);
		CHECK(t->min_api >= SRNIC_MBX_API_1_0 &&
		      t->min_api <= SRNIC_MBX_API_LATEST);
		if (t->dir == SRNIC_MBX_DIR_PF_TO_VF) {
			CHECK_EQ(t->states, 0);
			CHECK_EQ(t->shape, SRNIC_MBX_SHAPE_NONE);
			continue;
		}
		CHECK_EQ(t->dir, SRNIC_MBX_DIR_VF_TO_PF);
		CHECK(t->states & SRNIC_MBX_IN_CTS);
		CHECK(t->shape != SRNIC_MBX_SHAPE_NONE);
		if (t->states & SRNIC_MBX_IN_RESET) {
			in_reset++;
			CHECK_EQ(t->id, SRNIC_MBX_VF_RESET);
		}
		CHECK(srnic_mbx_reply_words(t, SRNIC_MBX_API_1_1, false) <=
		      SRNIC_MBX_WORDS);
	}
	/* a VF that is not clear to send may only reset */
	CHECK_EQ(in_reset, 1);
	/* a stock igbvf speaks 1.0: it must be able to send every 1.0 message */
	CHECK_EQ(srnic_mbx_msg_type(SRNIC_MBX_SET_VLAN)->min_api,
		 SRNIC_MBX_API_1_0);
}

/* the PF serves every VF request of the schema exactly once, and no other */
TEST(schema_pf_handler_per_request)
{
	unsigned int i, id;

	for (i = 0; i < srnic_pol_nr_handlers; i++) {
		CHECK(is_vf_request(srnic_pol_handlers[i].id));
		CHECK(srnic_pol_handlers[i].fn);
		CHECK(srnic_pol_handlers[i].bad_rule < SRNIC_POL_RULE_NR);
	}
	for (id = 0; id < NR_IDS; id++)
		CHECK_EQ(handlers_of(id), is_vf_request(id) ? 1 : 0);
}

TEST(schema_validate_vf_msg)
{
	union srnic_mbx_msg m;
	unsigned int id;

	memset(&m, 0, sizeof(m));
	for (id = 0; id < NR_IDS; id++) {
		m.hdr.w0 = id;
		if (!is_vf_request(id))
			CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_1, &m,
							   SRNIC_MBX_WORDS),
				 -EOPNOTSUPP);
	}
	/* PF_CONTROL_MSG is a row, but not one a VF may send */
	m.hdr.w0 = SRNIC_MBX_PF_CONTROL_MSG;
	CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_0, &m, 1), -EOPNOTSUPP);

	/* below every row's minimum API, and short messages */
	m.vlan.w0 = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, SRNIC_MBX_VLAN_ADD);
	m.vlan.vid = 100;
	CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_0, &m, 2), 0);
	CHECK_EQ(srnic_mbx_validate_vf_msg(0x00ff, &m, 2), -EPERM);
	CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_0, &m, 1), -EINVAL);
	CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_0, &m, 0), -EINVAL);

	/* the fields */
	m.vlan.vid = SRNIC_MBX_VLAN_VID_LIMIT - 1;
	CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_0, &m, 2), 0);
	m.vlan.vid = SRNIC_MBX_VLAN_VID_LIMIT;
	CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_0, &m, 2), -EINVAL);
	m.vlan.vid = 0x10064;	/* VID 100 with junk above: not ignored */
	CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_0, &m, 2), -EINVAL);
	m.mac.w0 = srnic_mbx_w0(SRNIC_MBX_SET_MAC_ADDR, SRNIC_MBX_MAC_FILTER_ADD);
	CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_0, &m, 3), 0);
	m.mac.w0 = srnic_mbx_w0(SRNIC_MBX_SET_MAC_ADDR, 3);
	CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_0, &m, 3), -EINVAL);
	m.hdr.w0 = srnic_mbx_w0(SRNIC_MBX_SET_PROMISC, SRNIC_MBX_PROMISC_ALL);
	CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_0, &m, 1), 0);
	m.hdr.w0 = srnic_mbx_w0(SRNIC_MBX_SET_PROMISC, 0x04);
	CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_0, &m, 1), -EINVAL);
	/* every multicast count is legal: above 30 means promiscuous */
	m.mc.w0 = srnic_mbx_w0(SRNIC_MBX_SET_MULTICAST, 0xff);
	CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_0, &m, 16), 0);
	/* VF_RESET is always well formed */
	m.hdr.w0 = SRNIC_MBX_VF_RESET;
	CHECK_EQ(srnic_mbx_validate_vf_msg(SRNIC_MBX_API_1_0, &m, 1), 0);
}

/* the API 1.1 NACK tag: a reason is read only where the PF put one */
TEST(schema_validate_pf_reply_tag)
{
	union srnic_mbx_msg req, rep;
	struct srnic_mbx_reply r;
	u32 w0 = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, SRNIC_MBX_VLAN_ADD);

	memset(&req, 0, sizeof(req));
	req.vlan.w0 = w0;
	req.vlan.vid = SRNIC_MBX_R_INVAL;	/* looks like a reason */
	rep = req;

	/* a one-word NACK leaves the request in words 1..2: no reason */
	rep.nack.w0 = srnic_mbx_reply_w0(w0, false, true);
	CHECK_EQ(srnic_mbx_validate_pf_reply(SRNIC_MBX_API_1_1, &req, &rep, 3,
					     &r), 0);
	CHECK_EQ(r.status, SRNIC_MBX_ST_NACK);
	CHECK(r.cts && !r.has_reason);

	/* the tagged form srnic_pf sends */
	rep.nack.w0 = srnic_mbx_nack_w0(w0, true);
	rep.nack.reason = SRNIC_MBX_R_PERM;
	rep.nack.policy = 2;
	CHECK_EQ(srnic_mbx_validate_pf_reply(SRNIC_MBX_API_1_1, &req, &rep, 3,
					     &r), 0);
	CHECK(r.has_reason && r.cts);
	CHECK_EQ(r.reason, SRNIC_MBX_R_PERM);
	CHECK_EQ(r.policy, 2);
	/* ... but only in a 1.1 session, read in full */
	CHECK_EQ(srnic_mbx_validate_pf_reply(SRNIC_MBX_API_1_0, &req, &rep, 3,
					     &r), 0);
	CHECK(!r.has_reason);
	CHECK_EQ(srnic_mbx_validate_pf_reply(SRNIC_MBX_API_1_1, &req, &rep, 1,
					     &r), 0);
	CHECK(!r.has_reason);
	/* an ACK has no reason, whatever the bit */
	rep.nack.w0 = srnic_mbx_reply_w0(w0, true, true) | SRNIC_MBX_NACK_REASON;
	CHECK_EQ(srnic_mbx_validate_pf_reply(SRNIC_MBX_API_1_1, &req, &rep, 3,
					     &r), 0);
	CHECK(r.status == SRNIC_MBX_ST_ACK && !r.has_reason);
	/* the VF's own bit, echoed back, is no tag */
	req.vlan.w0 = w0 | SRNIC_MBX_NACK_REASON;
	rep.nack.w0 = req.vlan.w0 | SRNIC_MBX_NACK | SRNIC_MBX_CTS;
	CHECK_EQ(srnic_mbx_validate_pf_reply(SRNIC_MBX_API_1_1, &req, &rep, 3,
					     &r), 0);
	CHECK(!r.has_reason);
	/* a reply to another message is none */
	req.vlan.w0 = w0;
	rep.nack.w0 = srnic_mbx_nack_w0(SRNIC_MBX_SET_VLAN, true);
	CHECK_EQ(srnic_mbx_validate_pf_reply(SRNIC_MBX_API_1_1, &req, &rep, 3,
					     &r), -EPROTO);
	/* the PF never echoes the tag, so a stock VF never sees it */
	CHECK(!(srnic_mbx_reply_w0(w0 | SRNIC_MBX_NACK_REASON, false, true) &
		SRNIC_MBX_NACK_REASON));
}

static struct srnic_sw sw;
static struct srnic_pol pol;

static void pf_send(unsigned int vf, u32 w0, u32 w1, u32 w2,
		    struct srnic_pol_result *res)
{
	u32 m[SRNIC_MBX_WORDS] = { w0, w1, w2 };

	srnic_pol_handle_msg(&pol, vf, m, 1000, res);
}

/*
 * The PF's allowlist is the schema's: a VF that is not clear to send is
 * served VF_RESET only, a clear-to-send one every VF request of the
 * schema and nothing else; reply lengths are the schema's.
 */
TEST(schema_pf_allowlist_from_schema)
{
	struct srnic_pol_result res;
	unsigned int id, api;

	for (api = 0; api < 2; api++) {
		srnic_sw_init(&sw, 2);
		srnic_pol_init(&pol, &sw, 2, 0);
		srnic_pol_set_link(&pol, true, 1000);
		for (id = 0; id < 0x200; id++) {
			const struct srnic_mbx_msg_type *t = srnic_mbx_msg_type(id);

			/* not clear to send: only VF_RESET gets through */
			pf_send(1, id, 0, 0, &res);
			if (id == SRNIC_MBX_VF_RESET) {
				CHECK_EQ(res.reply_len, 3);
				CHECK(pol.vf[1].cts);
			} else {
				CHECK_EQ(res.rule, SRNIC_POL_NOT_CTS);
			}
			srnic_pol_vf_flr(&pol, 1);

			pf_send(0, SRNIC_MBX_VF_RESET, 0, 0, &res);
			if (api)
				pf_send(0, SRNIC_MBX_API_NEGOTIATE,
					SRNIC_MBX_API_MAGIC, SRNIC_MBX_API_1_1,
					&res);
			CHECK_EQ(pol.vf[0].api, api ? SRNIC_MBX_API_1_1 :
				 SRNIC_MBX_API_1_0);
			if (id == SRNIC_MBX_API_NEGOTIATE)
				continue;	/* changes the API: below */
			pf_send(0, id, 0, 0, &res);
			if (!is_vf_request(id)) {
				CHECK_EQ(res.rule, SRNIC_POL_UNKNOWN_MSG);
				CHECK_EQ(res.err, -EOPNOTSUPP);
			} else {
				CHECK(res.rule != SRNIC_POL_UNKNOWN_MSG &&
				      res.rule != SRNIC_POL_NOT_ALLOWED &&
				      res.rule != SRNIC_POL_NOT_CTS);
			}
			if (!t || t->dir != SRNIC_MBX_DIR_VF_TO_PF)
				t = srnic_mbx_msg_type(SRNIC_MBX_SET_LPE);
			CHECK_EQ(res.reply_len,
				 srnic_mbx_reply_words(t, pol.vf[0].api,
						       !!(res.reply[0] &
							  SRNIC_MBX_ACK)));
		}
	}
}

/* print @text as TAP diagnostics */
static void diag(const char *what, const char *text)
{
	const char *nl;

	printf("# %s:\n", what);
	for (; *text; text = nl + 1) {
		nl = strchr(text, '\n');
		if (!nl)
			nl = text + strlen(text) - 1;
		printf("#   %.*s\n", (int)(nl - text), text);
	}
}

/* Documentation/mailbox.rst's schema tables are the schema, printed */
TEST(schema_docs_agree)
{
	int blk;

	for (blk = 0; blk < MBX_DOC_NR; blk++) {
		char *found = NULL;
		int ret = mbx_doc_check(SRNIC_MBX_DOC, blk, false, &found);

		if (ret) {
			char *want = mbx_doc_table(blk);

			printf("# %s: the %s table disagrees with the schema (make -C tests/unit docs)\n",
			       SRNIC_MBX_DOC, mbx_doc_name(blk));
			diag("found", found ? found : "(no markers)\n");
			diag("want", want ? want : "");
			free(want);
		}
		CHECK_EQ(ret, 0);
		free(found);
	}
}

/* the reason table is indexed by code and maps both ways */
TEST(schema_reasons)
{
	unsigned int i;

	CHECK_EQ(srnic_mbx_nr_reasons, SRNIC_MBX_R_NR);
	for (i = 0; i < srnic_mbx_nr_reasons; i++) {
		CHECK_EQ(srnic_mbx_reasons[i].code, i);
		if (!srnic_mbx_reasons[i].err)
			continue;
		CHECK_EQ(srnic_mbx_reason_from_errno(srnic_mbx_reasons[i].err),
			 i);
		CHECK_EQ(srnic_mbx_reason_to_errno(i, -EIO),
			 srnic_mbx_reasons[i].err);
	}
	CHECK_EQ(srnic_mbx_reason_to_errno(SRNIC_MBX_R_NR, -EIO), -EIO);
}

/* the names in the PF's log lines and devlink dumps, as before the schema */
TEST(schema_msg_names)
{
	static const struct {
		u32 w0;
		const char *name;
	} names[] = {
		{ 0x00000001, "VF_RESET" },
		{ 0x00000002, "SET_MAC_ADDR" },
		{ 0x00010002, "MAC_FILTER_CLR" },
		{ 0x00020002, "MAC_FILTER_ADD" },
		{ 0x00030002, "SET_MAC_ADDR(?)" },
		{ 0x00000003, "SET_MULTICAST" },
		{ 0x00000004, "VLAN_DEL" },
		{ 0x00010004, "VLAN_ADD" },
		{ 0x00800004, "VLAN_ADD" },
		{ 0x00000005, "SET_LPE" },
		{ 0x00030006, "SET_PROMISC" },
		{ 0x00000010, "API_NEGOTIATE" },
		{ 0x00000100, "UNKNOWN" },
		{ 0x00000007, "UNKNOWN" },
		{ 0x0000ffff, "UNKNOWN" },
	};
	unsigned int i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *got = srnic_pol_msg_name(names[i].w0);

		if (strcmp(got, names[i].name))
			printf("# 0x%08x: \"%s\", want \"%s\"\n", names[i].w0,
			       got, names[i].name);
		CHECK(!strcmp(got, names[i].name));
	}
	CHECK(!strcmp(srnic_mbx_msg_name(SRNIC_MBX_PF_CONTROL_MSG),
		      "PF_CONTROL_MSG"));
}
