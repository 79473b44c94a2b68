// SPDX-License-Identifier: GPL-2.0
/* mailbox/srnic_mbx_proto.h: layouts, packing, reply matching, versions. */
#include <string.h>

#include "ut.h"
#include "srnic_mbx_proto.h"

TEST(proto_word0_fields)
{
	u32 w0 = srnic_mbx_w0(SRNIC_MBX_SET_MAC_ADDR, SRNIC_MBX_MAC_FILTER_ADD);

	CHECK_EQ(w0, 0x00020002);
	CHECK_EQ(srnic_mbx_msgid(w0), 2);
	CHECK_EQ(srnic_mbx_msginfo(w0), 2);
	CHECK_EQ(SRNIC_MBX_CTS, 0x20000000);
	CHECK_EQ(SRNIC_MBX_NACK, 0x40000000);
	CHECK_EQ(SRNIC_MBX_ACK, 0x80000000);
	CHECK_EQ(SRNIC_MBX_RESET_ACK, 0x80000001);
	CHECK_EQ(SRNIC_MBX_RESET_NACK, 0x40000001);
	/* reply = request word 0 | ACK/NACK | CTS, MSGINFO echoed */
	CHECK_EQ(srnic_mbx_reply_w0(0x00010004, true, true), 0xa0010004);
	CHECK_EQ(srnic_mbx_reply_w0(0x00010004, false, true), 0x60010004);
	CHECK_EQ(srnic_mbx_reply_w0(0x00010004, false, false), 0x40010004);
	/* a CTS bit smuggled into a request is not echoed */
	CHECK_EQ(srnic_mbx_reply_w0(0x20000005, true, false), 0x80000005);
}

TEST(proto_layout_sizes)
{
	union srnic_mbx_msg m;

	CHECK_EQ(sizeof(m), 64);
	CHECK_EQ((char *)&m.mac.mac_lo - (char *)&m, 4);
	CHECK_EQ((char *)&m.mc.hash[14] - (char *)&m, 60);
	CHECK_EQ((char *)&m.vlan.vid - (char *)&m, 4);
	CHECK_EQ((char *)&m.lpe.max_frame - (char *)&m, 4);
	CHECK_EQ((char *)&m.api.version - (char *)&m, 8);
	CHECK_EQ((char *)&m.nack.policy - (char *)&m, 8);
}

TEST(proto_mac_packing_le)
{
	const u8 mac[6] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	u32 w[2] = { 0xdeadbeef, 0xdeadbeef };
	u8 out[6];

	srnic_mbx_pack_mac(w, mac);
	CHECK_EQ(w[0], 0x33221102);
	CHECK_EQ(w[1], 0x00005544);
	w[1] |= 0xabcd0000;	/* a 1.0 VF may leave junk up there */
	srnic_mbx_unpack_mac(out, w);
	CHECK(!memcmp(out, mac, 6));
}

TEST(proto_mc_hash_and_packing)
{
	const u8 a[6] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 };
	const u8 b[6] = { 0x33, 0x33, 0xff, 0x12, 0x34, 0x56 };
	const u8 c[6] = { 0x01, 0x00, 0x5e, 0x7f, 0xff, 0xff };
	union srnic_mbx_msg m;
	unsigned int i;

	CHECK_EQ(srnic_mc_hash(a), 0x010);
	CHECK_EQ(srnic_mc_hash(b), 0x563);
	CHECK_EQ(srnic_mc_hash(c), 0xfff);
	memset(&m, 0, sizeof(m));
	for (i = 0; i < SRNIC_MBX_MC_MAX; i++)
		srnic_mbx_put_mc_hash(&m, i, 0x100 + i);
	CHECK_EQ(m.w[1], 0x01010100);	/* hash 0 low, hash 1 high */
	CHECK_EQ(m.w[15], 0x011d011c);
	for (i = 0; i < SRNIC_MBX_MC_MAX; i++)
		CHECK_EQ(srnic_mbx_get_mc_hash(&m, i), 0x100 + i);
}

TEST(proto_reply_status)
{
	u32 add = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, SRNIC_MBX_VLAN_ADD);

	/* the VLAN-add NACK that stock igbvf misses */
	CHECK_EQ(srnic_mbx_reply_status(add, add | SRNIC_MBX_NACK | SRNIC_MBX_CTS),
		 SRNIC_MBX_ST_NACK);
	CHECK_EQ(srnic_mbx_reply_status(add, add | SRNIC_MBX_ACK), SRNIC_MBX_ST_ACK);
	CHECK_EQ(srnic_mbx_reply_status(add, SRNIC_MBX_SET_VLAN | SRNIC_MBX_ACK),
		 SRNIC_MBX_ST_BAD);
	CHECK_EQ(srnic_mbx_reply_status(add, add), SRNIC_MBX_ST_BAD);
	CHECK_EQ(srnic_mbx_reply_status(add, add | SRNIC_MBX_RESULT_MASK),
		 SRNIC_MBX_ST_BAD);
}

TEST(proto_reset_reply_parse)
{
	u32 ok[3] = { 0x80000001, 0x33221102, 0x5544 };
	u32 none[3] = { 0x40000001, 0, 0 };
	u32 cts[3] = { 0xa0000001, 0x33221102, 0x5544 };
	u8 mac[6];

	CHECK_EQ(srnic_mbx_parse_reset_reply(ok, mac), 0);
	CHECK_EQ(mac[0], 0x02);
	CHECK_EQ(mac[5], 0x55);
	CHECK_EQ(srnic_mbx_parse_reset_reply(none, mac), 0);
	CHECK_EQ(mac[0] | mac[5], 0);
	CHECK_EQ(srnic_mbx_parse_reset_reply(cts, mac), -EPROTO);
}

TEST(proto_reason_codes)
{
	const int errs[] = { -EPERM, -EINVAL, -ENOSPC, -EADDRINUSE, -EAGAIN,
			     -EOPNOTSUPP };
	unsigned int i;

	for (i = 0; i < sizeof(errs) / sizeof(errs[0]); i++)
		CHECK_EQ(srnic_mbx_reason_to_errno(srnic_mbx_reason_from_errno(errs[i]),
						   -EIO), errs[i]);
	CHECK_EQ(srnic_mbx_reason_from_errno(-ERANGE), SRNIC_MBX_R_INVAL);
	CHECK_EQ(srnic_mbx_reason_to_errno(SRNIC_MBX_R_NONE, -EPERM), -EPERM);
	CHECK_EQ(srnic_mbx_reason_to_errno(999, -EIO), -EIO);
}

TEST(proto_api_agree)
{
	CHECK_EQ(SRNIC_MBX_API_1_1, 0x0101);
	CHECK_EQ(srnic_mbx_api_agree(SRNIC_MBX_API_1_0, SRNIC_MBX_API_1_1),
		 SRNIC_MBX_API_1_0);
	CHECK_EQ(srnic_mbx_api_agree(SRNIC_MBX_API(2, 5), SRNIC_MBX_API_1_1),
		 SRNIC_MBX_API_1_1);
	CHECK_EQ(srnic_mbx_api_agree(0x00ff, SRNIC_MBX_API_1_1), 0);
	CHECK_EQ(srnic_mbx_api_agree(0x10000, SRNIC_MBX_API_1_1), 0);
}
