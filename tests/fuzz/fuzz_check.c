// SPDX-License-Identifier: GPL-2.0
/* The fuzz targets' oracle: invariants of the switch and the policy,
 * checked after every operation. Built without coverage instrumentation
 * and with optimisation (see fuzz_common.h); everything here only reads
 * the state, except the flush check, which flushes like the PF does.
 */
#include "fuzz_common.h"

struct srnic_sw sw;
struct srnic_pol pol;
u32 now;

/* register file for flush checks, indexed by offset / 4 */
static u32 regfile[0x10000 / 4];
static u32 rttfile[SRNIC_SW_TXQ];
static u32 qsel;

void fz_reset_regfile(void)
{
	memset(regfile, 0, sizeof(regfile));
	memset(rttfile, 0, sizeof(rttfile));
	qsel = 0;
}

static unsigned int popcount32(u32 v)
{
	return __builtin_popcount(v);
}

static bool test_bit(const u32 *map, unsigned int n)
{
	return map[n / 32] & (1u << (n % 32));
}

/*
 * memcmp() would go through the sanitizer's interceptor and libFuzzer's
 * comparison hook, which made the snapshot compares a tenth of the run.
 */
static bool differ(const void *a, const void *b, size_t n)
{
	const u8 *x = a, *y = b;
	u64 u, v, d = 0;

	for (; n >= 8; n -= 8, x += 8, y += 8) {
		__builtin_memcpy(&u, x, 8);
		__builtin_memcpy(&v, y, 8);
		d |= u ^ v;
	}
	while (n--)
		d |= *x++ ^ *y++;
	return d;
}

static void rf_write(void *ctx, u32 reg, u32 val)
{
	if (reg == SRNIC_RTTDQSEL) {
		if (val >= SRNIC_SW_TXQ)
			FAIL("RTTDQSEL %u", val);
		qsel = val;
		return;
	}
	if (reg == SRNIC_RTTBCNRC) {
		rttfile[qsel] = val;
		return;
	}
	if (reg >= sizeof(regfile) || (reg & 3))
		FAIL("write to odd register 0x%x", reg);
	regfile[reg / 4] = val;
}

/* VLVF entry of each VID, -1 for none; kept all -1 between checks */
static signed char vid_entry[SRNIC_SW_VLAN_N];
static bool vid_entry_init;

static void check_vlans(void)
{
	static const u8 zero32[32];
	unsigned int nr[SRNIC_SW_POOLS] = { 0 };
	bool promisc = sw.vport[sw.pf_pool].rx_flags & SRNIC_SW_RX_VLAN_PROMISC;
	unsigned int i, p, v, w, quota = srnic_sw_vlan_quota(&sw);

	if (!vid_entry_init) {
		memset(vid_entry, 0xff, sizeof(vid_entry));
		vid_entry_init = true;
	}
	if (!sw.vlvf_used[0] || sw.vlvf_vid[0])
		FAIL("VLVF 0 not VID 0");
	for (i = 0; i < SRNIC_VLVF_NUM; i++) {
		if (!sw.vlvf_used[i]) {
			if (sw.reg[SRNIC_SW_R_VLVF + i])
				FAIL("free VLVF %u programmed", i);
			continue;
		}
		v = sw.vlvf_vid[i];
		if (v >= SRNIC_SW_VID_MAX)
			FAIL("VLVF %u VID %u", i, v);
		if (vid_entry[v] >= 0)
			FAIL("VID %u twice in VLVF", v);
		vid_entry[v] = i;
		if (i && !sw.vid_ref[v])
			FAIL("VLVF %u leaked", i);
		if (i) {
			bool member = false;

			for (p = 0; p <= sw.pf_pool; p++)
				member |= test_bit(sw.vport[p].vlans, v);
			if (!member)
				FAIL("VLVF %u kept for unused VID %u", i, v);
		}
	}
	if (!sw.vid_ref[0] && sw.reg[SRNIC_SW_R_VLVF])
		FAIL("VLVF 0 programmed without members");

	for (w = 0; w < SRNIC_SW_VLAN_N / 32; w++) {
		u32 any = 0, x;

		for (p = 0; p <= sw.pf_pool; p++) {
			x = sw.vport[p].vlans[w];
			any |= x;
			nr[p] += popcount32(x);
		}
		if (!promisc && sw.reg[SRNIC_SW_R_VFTA + w] != any)
			FAIL("VFTA %u 0x%x != 0x%x", w, sw.reg[SRNIC_SW_R_VFTA + w], any);
		if (!any) {
			/* the common case: nobody in these 32 VIDs */
			if (differ(&sw.vid_ref[w * 32], zero32, 32))
				FAIL("VID ref without members in word %u", w);
			continue;
		}
		for (v = w * 32; v < w * 32 + 32; v++) {
			unsigned int ref = 0, members = 0;
			int entry = vid_entry[v];

			if (!(any & (1u << (v % 32)))) {
				if (sw.vid_ref[v])
					FAIL("VID %u ref %u without members", v, sw.vid_ref[v]);
				continue;
			}
			for (p = 0; p <= sw.pf_pool; p++)
				if (test_bit(sw.vport[p].vlans, v)) {
					ref++;
					members |= 1u << p;
				}
			if (ref != sw.vid_ref[v])
				FAIL("VID %u ref %u != %u", v, sw.vid_ref[v], ref);
			if (entry < 0 && (members & ~(1u << sw.pf_pool)))
				FAIL("VF in VID %u without a VLVF entry", v);
			if (entry >= 0) {
				u32 pools = members | (promisc ? 1u << sw.pf_pool : 0);
				u32 want = v | pools << 12 | SRNIC_VLVF_EN;

				if (sw.reg[SRNIC_SW_R_VLVF + entry] != want)
					FAIL("VLVF %d 0x%x != 0x%x", entry,
					     sw.reg[SRNIC_SW_R_VLVF + entry], want);
			}
		}
	}
	for (i = 0; i < SRNIC_VLVF_NUM; i++)
		if (sw.vlvf_used[i])
			vid_entry[sw.vlvf_vid[i]] = -1;

	for (p = 0; p <= sw.pf_pool; p++) {
		unsigned int n = nr[p];

		if (n != sw.vport[p].nr_vlans)
			FAIL("pool %u nr_vlans", p);
		n -= test_bit(sw.vport[p].vlans, 0);
		if (p < sw.num_vfs && n > quota)
			FAIL("VF %u in %u VLANs", p, n);
	}
	if (srnic_sw_vlvf_pf_only(&sw) > srnic_sw_vlvf_pf_share(&sw))
		FAIL("PF alone in %u VLVF entries", srnic_sw_vlvf_pf_only(&sw));
}

void fz_check_switch(void)
{
	unsigned int i, p, v, nr_uc[SRNIC_SW_POOLS] = { 0 }, vf_filters = 0;
	unsigned int free = 0, need = 0, g;
	u32 mta[SRNIC_MTA_NUM] = { 0 };

	u64 key[SRNIC_RAR_NUM];

	/* RAR */
	for (i = 0; i < SRNIC_RAR_NUM; i++) {
		key[i] = 0;
		if (sw.rar_use[i] != SRNIC_SW_RAR_FREE)
			__builtin_memcpy(&key[i], sw.rar_mac[i], 6);
	}
	for (i = 0; i < SRNIC_RAR_NUM; i++) {
		if (sw.rar_use[i] == SRNIC_SW_RAR_FREE)
			continue;
		if (sw.rar_pool[i] > sw.pf_pool)
			FAIL("RAR %u pool %u", i, sw.rar_pool[i]);
		if (sw.rar_use[i] == SRNIC_SW_RAR_FILTER) {
			if (i == 0 || i > SRNIC_RAR_NUM - 1u - sw.num_vfs)
				FAIL("filter in reserved RAR %u", i);
			nr_uc[sw.rar_pool[i]]++;
			if (sw.rar_pool[i] != sw.pf_pool)
				vf_filters++;
		}
		if (!key[i])
			continue;
		for (v = i + 1; v < SRNIC_RAR_NUM; v++)
			if (key[v] == key[i])
				FAIL("RAR %u and %u share a MAC", i, v);
	}
	if (vf_filters > SRNIC_RAR_NUM - 1u - sw.num_vfs - SRNIC_SW_PF_UC_RESERVED)
		FAIL("VF filters %u eat the PF reserve", vf_filters);
	for (i = 1; i < SRNIC_RAR_NUM - sw.num_vfs; i++)
		free += sw.rar_use[i] == SRNIC_SW_RAR_FREE;
	for (p = 0; p <= sw.pf_pool; p++) {
		g = p == sw.pf_pool ? SRNIC_SW_PF_UC_RESERVED : srnic_sw_uc_quota(&sw);
		if (nr_uc[p] < g)
			need += g - nr_uc[p];
	}
	if (free < need)
		FAIL("%u free RAR entries for %u guaranteed", free, need);
	for (p = 0; p <= sw.pf_pool; p++) {
		if (nr_uc[p] != sw.vport[p].nr_uc)
			FAIL("pool %u nr_uc %u != %u", p, sw.vport[p].nr_uc, nr_uc[p]);
		if (p < sw.num_vfs && nr_uc[p] > SRNIC_POL_UC_MAX)
			FAIL("VF %u has %u filters", p, nr_uc[p]);
		if (p < sw.num_vfs && sw.vport[p].nr_mc > SRNIC_POL_MC_MAX)
			FAIL("VF %u has %u hashes", p, sw.vport[p].nr_mc);
	}

	check_vlans();

	/* MTA = union of the pools' lists */
	for (p = 0; p <= sw.pf_pool; p++)
		if (!sw.vport[p].mc_overflow)
			for (i = 0; i < sw.vport[p].nr_mc; i++)
				mta[sw.vport[p].mc[i] >> 5] |= 1u << (sw.vport[p].mc[i] & 31);
	for (i = 0; i < SRNIC_MTA_NUM; i++)
		if (sw.reg[SRNIC_SW_R_MTA + i] != mta[i])
			FAIL("MTA %u", i);
}

void fz_check_policy(void)
{
	unsigned int vf;
	u32 dtxswc = sw.reg[SRNIC_SW_R_DTXSWC];

	for (vf = 0; vf < pol.num_vfs; vf++) {
		const struct srnic_pol_vf *v = &pol.vf[vf];
		const struct srnic_sw_vport *vp = &sw.vport[vf];
		bool en = v->cts && v->admin.link_state != SRNIC_POL_LINK_DISABLE;
		u32 vmvir = 0;

		if (!!(dtxswc & (1u << vf)) != v->admin.spoofchk ||
		    !!(dtxswc & (1u << (vf + 8))) != v->admin.spoofchk)
			FAIL("VF %u spoofchk bits", vf);
		if (v->admin.vlan || v->admin.qos)
			vmvir = v->admin.vlan | (u32)v->admin.qos << 13 |
				SRNIC_VMVIR_VLANA_DEFAULT;
		if (sw.reg[SRNIC_SW_R_VMVIR + vf] != vmvir)
			FAIL("VF %u VMVIR", vf);
		if ((v->admin.vlan || v->admin.qos) &&
		    (vp->nr_vlans != 1 || !test_bit(vp->vlans, v->admin.vlan)))
			FAIL("VF %u port VLAN membership", vf);
		if (sw.reg[SRNIC_SW_R_RTTBCNRC + vf] !=
		    srnic_sw_rate_encode(sw.link_mbps, v->admin.max_tx_rate, false) ||
		    sw.reg[SRNIC_SW_R_RTTBCNRC + vf + SRNIC_SW_POOLS] !=
		    srnic_sw_rate_encode(sw.link_mbps, v->admin.max_tx_rate, true))
			FAIL("VF %u rate", vf);
		if (v->admin.max_tx_rate && sw.link_mbps) {
			u32 f0 = sw.reg[SRNIC_SW_R_RTTBCNRC + vf] & 0x0fffffff;
			u32 f1 = sw.reg[SRNIC_SW_R_RTTBCNRC + vf + SRNIC_SW_POOLS] &
				 0x0fffffff;
			u32 r = v->admin.max_tx_rate < sw.link_mbps ?
				v->admin.max_tx_rate : sw.link_mbps;

			/* link/f0 + link/f1 <= r, times f0 * f1 / 2^14 */
			if (!f0 || !f1 ||
			    (unsigned __int128)sw.link_mbps * 16384 * ((u64)f0 + f1) >
			    (unsigned __int128)r * f0 * f1)
				FAIL("VF %u queues exceed %u Mbit/s", vf, r);
		}
		if (!!(sw.reg[SRNIC_SW_R_VFRE] & (1u << vf)) != en ||
		    !!(sw.reg[SRNIC_SW_R_VFTE] & (1u << vf)) != en)
			FAIL("VF %u rx/tx enable", vf);
		if ((vp->rx_flags & SRNIC_SW_RX_UC_PROMISC) && !v->admin.trusted)
			FAIL("VF %u untrusted unicast promisc", vf);
		if (differ(vp->mac, v->mac, 6))
			FAIL("VF %u MAC bookkeeping", vf);
		if ((v->admin.mac[0] | v->admin.mac[1] | v->admin.mac[2] |
		     v->admin.mac[3] | v->admin.mac[4] | v->admin.mac[5]) &&
		    !v->admin.trusted) {
			if (differ(vp->mac, v->admin.mac, 6))
				FAIL("VF %u left its admin MAC", vf);
			if (vp->nr_uc)
				FAIL("VF %u filters under admin MAC", vf);
		}
		if (v->api != SRNIC_MBX_API_1_0 && (v->api != SRNIC_MBX_API_1_1 || !v->cts))
			FAIL("VF %u api 0x%x", vf, v->api);
	}
	if (!(sw.reg[SRNIC_SW_R_VFRE] & (1u << sw.pf_pool)))
		FAIL("PF pool disabled");
}

void fz_check_flush(void)
{
	unsigned int i;

	srnic_sw_flush(&sw, rf_write, NULL);
	if (srnic_sw_is_dirty(&sw))
		FAIL("dirty after flush");
	for (i = 0; i < SRNIC_SW_NREGS; i++) {
		u32 reg = srnic_sw_reg_addr(i), got;

		if (i >= SRNIC_SW_R_RTTBCNRC && i < SRNIC_SW_R_VFTE)
			got = rttfile[i - SRNIC_SW_R_RTTBCNRC];
		else
			got = regfile[reg / 4];
		if (got != sw.reg[i])
			FAIL("flush slot %u reg 0x%x 0x%x != 0x%x", i, reg, got,
			     sw.reg[i]);
	}
}

void fz_check_reply(unsigned int vf, const u32 *msg,
		    const struct srnic_pol_result *res, bool cts_before)
{
	const struct srnic_pol_vf *v = &pol.vf[vf];
	u32 w0 = msg[0], r = res->reply[0];
	bool cts = v->cts && v->admin.link_state != SRNIC_POL_LINK_DISABLE;

	if (res->reply_len > SRNIC_MBX_WORDS)
		FAIL("reply_len %u", res->reply_len);
	if (res->rule >= SRNIC_POL_RULE_NR)
		FAIL("rule %u", res->rule);
	if (res->err && !res->rule)
		FAIL("refusal without a rule");
	if (!res->reply_len)
		return;
	if (w0 & SRNIC_MBX_RESULT_MASK)
		FAIL("answered a reply");
	if (srnic_mbx_msgid(w0) == SRNIC_MBX_VF_RESET) {
		if (res->reply_len != 3)
			FAIL("reset reply length");
		if (r == SRNIC_MBX_RESET_NACK) {
			if (res->reply[1] || res->reply[2])
				FAIL("reset NACK with payload");
		} else if (r != SRNIC_MBX_RESET_ACK || (res->reply[2] >> 16) ||
			   (res->reply[1] & 1)) {
			FAIL("reset reply 0x%x", r);
		}
		return;
	}
	if ((r & ~(SRNIC_MBX_RESULT_MASK | SRNIC_MBX_CTS)) != (w0 & ~SRNIC_MBX_CTS))
		FAIL("reply 0x%x does not echo 0x%x", r, w0);
	if (popcount32(r & SRNIC_MBX_RESULT_MASK) != 1)
		FAIL("reply 0x%x result bits", r);
	if (!cts_before) {
		if (r & (SRNIC_MBX_CTS | SRNIC_MBX_ACK) || res->reply_len != 1)
			FAIL("non-CTS reply 0x%x", r);
		return;
	}
	if (!!(r & SRNIC_MBX_CTS) != cts)
		FAIL("CTS bit 0x%x", r);
	if (r & SRNIC_MBX_ACK) {
		if (res->err)
			FAIL("ACK with error");
		if (res->reply_len != 1 &&
		    !(res->reply_len == SRNIC_MBX_API_REPLY_LEN &&
		      srnic_mbx_msgid(w0) == SRNIC_MBX_API_NEGOTIATE))
			FAIL("ACK length %u", res->reply_len);
	} else {
		if (!res->err)
			FAIL("NACK without error");
		if (res->reply_len != (v->api >= SRNIC_MBX_API_1_1 ? 3 : 1))
			FAIL("NACK length %u", res->reply_len);
	}
}

void fz_check_all(void)
{
	fz_check_switch();
	fz_check_policy();
}

static struct srnic_sw_vport snap_vport[SRNIC_SW_POOLS];
static struct srnic_pol_vf snap_vf[SRNIC_MAX_VFS];
static u8 snap_rar_use[SRNIC_RAR_NUM], snap_rar_pool[SRNIC_RAR_NUM];
static u8 snap_rar_mac[SRNIC_RAR_NUM][ETH_ALEN];

/* before VF work: what it must not change */
void fz_snapshot(void)
{
	memcpy(snap_vport, sw.vport, sizeof(snap_vport));
	memcpy(snap_vf, pol.vf, sizeof(snap_vf));
	memcpy(snap_rar_use, sw.rar_use, sizeof(snap_rar_use));
	memcpy(snap_rar_pool, sw.rar_pool, sizeof(snap_rar_pool));
	memcpy(snap_rar_mac, sw.rar_mac, sizeof(snap_rar_mac));
}

/* after: nothing outside VF @vf's VPort, policy state and RAR entries */
void fz_check_only_vf_changed(unsigned int vf)
{
	unsigned int i, p;

	if (vf >= pol.num_vfs) {
		if (differ(snap_vport, sw.vport, sizeof(snap_vport)))
			FAIL("bad VF number changed the switch");
		return;
	}
	for (p = 0; p < SRNIC_SW_POOLS; p++)
		if (p != vf && differ(&snap_vport[p], &sw.vport[p], sizeof(snap_vport[p])))
			FAIL("VF %u message changed pool %u", vf, p);
	for (p = 0; p < SRNIC_MAX_VFS; p++)
		if (p != vf && differ(&snap_vf[p], &pol.vf[p], sizeof(snap_vf[p])))
			FAIL("VF %u message changed VF %u state", vf, p);
	for (i = 0; i < SRNIC_RAR_NUM; i++) {
		bool mine = (snap_rar_use[i] == SRNIC_SW_RAR_FREE ||
			     snap_rar_pool[i] == vf) &&
			    (sw.rar_use[i] == SRNIC_SW_RAR_FREE || sw.rar_pool[i] == vf);

		if (!mine && (snap_rar_use[i] != sw.rar_use[i] ||
			      snap_rar_pool[i] != sw.rar_pool[i] ||
			      differ(snap_rar_mac[i], sw.rar_mac[i], 6)))
			FAIL("VF %u message changed RAR %u of another pool", vf, i);
	}
}

/*
 * Fairness, on every real refusal: a VF is refused a shared resource only
 * for its own use of it. Below its VLAN quota a VLAN add never fails for
 * room, below its filter guarantee a filter add never does, its primary
 * address never fails for room (it has its own RAR entry), and "in use"
 * means another port really holds the address or it is another VF's
 * admin MAC. Called after the message on the state it left: a refused
 * request changed nothing that matters here. @res may be from a torn or
 * hostile message; only the rule is trusted.
 */
void fz_check_refusal(unsigned int vf, const u32 *msg,
		      const struct srnic_pol_result *res)
{
	const struct srnic_sw_vport *vp;
	u8 mac[ETH_ALEN];

	if (!res->err || vf >= pol.num_vfs)
		return;
	vp = &sw.vport[vf];
	switch (res->rule) {
	case SRNIC_POL_VLVF_FULL:
	case SRNIC_POL_VLAN_QUOTA:
		if (srnic_sw_vlan_count(&sw, vf) < srnic_sw_vlan_quota(&sw))
			FAIL("VF %u in %u of %u VLANs refused a VLAN (%s)", vf,
			     srnic_sw_vlan_count(&sw, vf), srnic_sw_vlan_quota(&sw),
			     srnic_pol_rule_name(res->rule));
		break;
	case SRNIC_POL_RAR_FULL:
	case SRNIC_POL_UC_QUOTA:
		if (srnic_mbx_msginfo(msg[0]) != SRNIC_MBX_MAC_FILTER_ADD)
			FAIL("VF %u refused its primary MAC for room (%s)", vf,
			     srnic_pol_rule_name(res->rule));
		if (vp->nr_uc < srnic_sw_uc_quota(&sw))
			FAIL("VF %u with %u of %u filters refused one (%s)", vf,
			     vp->nr_uc, srnic_sw_uc_quota(&sw),
			     srnic_pol_rule_name(res->rule));
		break;
	case SRNIC_POL_UC_LIMIT:
		if (vp->nr_uc < SRNIC_POL_UC_MAX)
			FAIL("VF %u with %u filters hit the limit", vf, vp->nr_uc);
		break;
	case SRNIC_POL_MAC_IN_USE:
		srnic_mbx_unpack_mac(mac, &msg[1]);
		if (!srnic_pol_mac_usable(&pol, vf, mac))
			FAIL("VF %u refused a free MAC %02x:%02x:%02x:%02x:%02x:%02x as in use",
			     vf, mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
		break;
	default:
		break;
	}
}
