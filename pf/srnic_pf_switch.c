// SPDX-License-Identifier: GPL-2.0
/* NIC switch model: VPorts, table allocation and the register shadow.
 *
 * Every change first updates the logical state (VPorts, RAR ownership, VLVF
 * allocation, VID reference counts) and then recomputes the registers it
 * can affect from that state. A register whose computed value differs from
 * the shadow is marked dirty. The registers are therefore always a pure
 * function of the logical state, which is what makes replay after a PF
 * reset (mark everything dirty, flush) exact.
 */
#include <linux/array_size.h>
#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/etherdevice.h>
#include <linux/math64.h>
#include <linux/string.h>

#include "srnic_pf_switch.h"

static bool sw_pool_ok(const struct srnic_sw *sw, unsigned int pool)
{
	return pool <= sw->pf_pool;
}

static bool sw_test(const u32 *map, unsigned int n)
{
	return map[n / 32] & BIT(n % 32);
}

static void sw_setbit(u32 *map, unsigned int n)
{
	map[n / 32] |= BIT(n % 32);
}

static void sw_clrbit(u32 *map, unsigned int n)
{
	map[n / 32] &= ~BIT(n % 32);
}

static void sw_set(struct srnic_sw *sw, unsigned int slot, u32 val)
{
	if (sw->reg[slot] == val)
		return;
	sw->reg[slot] = val;
	sw_setbit(sw->dirty, slot);
}

/* RAR layout: 0 is the PF primary, 23 - n is VF n's primary, the range in
 * between is shared by PF secondary addresses and VF MAC filters.
 */
static unsigned int sw_rar_primary(const struct srnic_sw *sw,
				   unsigned int pool)
{
	return pool == sw->pf_pool ? 0 : SRNIC_RAR_NUM - 1 - pool;
}

static unsigned int sw_rar_shared_last(const struct srnic_sw *sw)
{
	return SRNIC_RAR_NUM - 1 - sw->num_vfs;
}

static void sw_sync_rar(struct srnic_sw *sw, unsigned int i)
{
	const u8 *m = sw->rar_mac[i];
	u32 ral = 0, rah = 0;

	if (sw->rar_use[i] != SRNIC_SW_RAR_FREE && !is_zero_ether_addr(m)) {
		ral = (u32)m[0] | (u32)m[1] << 8 | (u32)m[2] << 16 |
		      (u32)m[3] << 24;
		rah = (u32)m[4] | (u32)m[5] << 8 |
		      FIELD_PREP(SRNIC_RAH_POOL_MASK, BIT(sw->rar_pool[i])) |
		      SRNIC_RAH_AV;
	}
	sw_set(sw, SRNIC_SW_R_RAR + 2 * i, ral);
	sw_set(sw, SRNIC_SW_R_RAR + 2 * i + 1, rah);
}

static void sw_sync_mta(struct srnic_sw *sw)
{
	u32 mta[SRNIC_MTA_NUM] = {};
	unsigned int p, i;

	for (p = 0; p <= sw->pf_pool; p++) {
		const struct srnic_sw_vport *vp = &sw->vport[p];

		if (vp->mc_overflow)
			continue;
		for (i = 0; i < vp->nr_mc; i++)
			sw_setbit(mta, vp->mc[i] & SRNIC_SW_MC_HASH_MASK);
	}
	for (i = 0; i < SRNIC_MTA_NUM; i++)
		sw_set(sw, SRNIC_SW_R_MTA + i, mta[i]);
}

static void sw_sync_uta(struct srnic_sw *sw)
{
	u32 val = 0;
	unsigned int p, i;

	for (p = 0; p <= sw->pf_pool; p++)
		if (sw->vport[p].rx_flags & SRNIC_SW_RX_UC_PROMISC)
			val = ~0U;
	for (i = 0; i < SRNIC_UTA_NUM; i++)
		sw_set(sw, SRNIC_SW_R_UTA + i, val);
}

static bool sw_port_vlan(const struct srnic_sw_vport *vp)
{
	return vp->pvid || vp->qos;
}

static bool sw_vlan_strip(const struct srnic_sw *sw, unsigned int pool)
{
	const struct srnic_sw_vport *vp = &sw->vport[pool];

	if (pool == sw->pf_pool)
		return vp->vlan_strip;
	/* A VF sees VLAN tags in its descriptors, never in the data */
	if (sw_port_vlan(vp))
		return true;
	return vp->nr_vlans > (sw_test(vp->vlans, 0) ? 1 : 0);
}

static void sw_sync_vmolr(struct srnic_sw *sw, unsigned int pool)
{
	const struct srnic_sw_vport *vp = &sw->vport[pool];
	u32 v = 0;

	if (pool <= sw->pf_pool) {
		v = (vp->max_frame & SRNIC_VMOLR_RLPML_MASK) |
		    SRNIC_VMOLR_LPE | SRNIC_VMOLR_BAM | SRNIC_VMOLR_STRCRC;
		if (!vp->pvid)
			v |= SRNIC_VMOLR_AUPE;
		if (vp->nr_mc && !vp->mc_overflow)
			v |= SRNIC_VMOLR_ROMPE;
		if (vp->mc_overflow || (vp->rx_flags & SRNIC_SW_RX_MC_PROMISC))
			v |= SRNIC_VMOLR_MPME;
		if (vp->rx_flags & SRNIC_SW_RX_UC_PROMISC)
			v |= SRNIC_VMOLR_ROPE;
		if (sw_vlan_strip(sw, pool))
			v |= SRNIC_VMOLR_STRVLAN;
		if (vp->rss)
			v |= SRNIC_VMOLR_RSSE;
	}
	sw_set(sw, SRNIC_SW_R_VMOLR + pool, v);
}

static void sw_sync_vmvir(struct srnic_sw *sw, unsigned int pool)
{
	const struct srnic_sw_vport *vp = &sw->vport[pool];
	u32 v = 0;

	if (pool <= sw->pf_pool && sw_port_vlan(vp))
		v = FIELD_PREP(SRNIC_VMVIR_VID_MASK, vp->pvid) |
		    FIELD_PREP(SRNIC_VMVIR_PRIO_MASK, vp->qos) |
		    SRNIC_VMVIR_VLANA_DEFAULT;
	sw_set(sw, SRNIC_SW_R_VMVIR + pool, v);
}

static void sw_sync_dtxswc(struct srnic_sw *sw)
{
	u32 v = 0;
	unsigned int p;

	if (sw->num_vfs)
		v |= SRNIC_DTXSWC_VMDQ_LOOPBACK_EN;
	for (p = 0; p < sw->num_vfs; p++)
		if (sw->vport[p].spoofchk)
			v |= FIELD_PREP(SRNIC_DTXSWC_MAC_SPOOF_MASK, BIT(p)) |
			     FIELD_PREP(SRNIC_DTXSWC_VLAN_SPOOF_MASK, BIT(p));
	sw_set(sw, SRNIC_SW_R_DTXSWC, v);
}

/* Both of the pool's queues: either one left unlimited would let the VF
 * transmit past its limit.
 */
static void sw_sync_rate(struct srnic_sw *sw, unsigned int pool)
{
	u32 rate = pool < sw->num_vfs ? sw->vport[pool].rate_mbps : 0;

	sw_set(sw, SRNIC_SW_R_RTTBCNRC + pool,
	       srnic_sw_rate_encode(sw->link_mbps, rate, false));
	sw_set(sw, SRNIC_SW_R_RTTBCNRC + pool + SRNIC_SW_POOLS,
	       srnic_sw_rate_encode(sw->link_mbps, rate, true));
}

static void sw_sync_enables(struct srnic_sw *sw)
{
	u32 re = 0, te = 0;
	unsigned int p;

	for (p = 0; p <= sw->pf_pool; p++) {
		if (sw->vport[p].rx_en)
			re |= BIT(p);
		if (sw->vport[p].tx_en)
			te |= BIT(p);
	}
	sw_set(sw, SRNIC_SW_R_VFRE, re);
	sw_set(sw, SRNIC_SW_R_VFTE, te);
}

/* VLAN tables */

static int sw_vlvf_find(const struct srnic_sw *sw, u16 vid)
{
	unsigned int i;

	for (i = 0; i < SRNIC_VLVF_NUM; i++)
		if (sw->vlvf_used[i] && sw->vlvf_vid[i] == vid)
			return i;
	return -ENOENT;
}

static int sw_vlvf_alloc(struct srnic_sw *sw, u16 vid)
{
	unsigned int i;

	for (i = SRNIC_VLVF_NUM - 1; i > SRNIC_SW_VLVF_VID0; i--) {
		if (!sw->vlvf_used[i]) {
			sw->vlvf_used[i] = true;
			sw->vlvf_vid[i] = vid;
			return i;
		}
	}
	return -ENOSPC;
}

static u32 sw_vid_pools(const struct srnic_sw *sw, u16 vid)
{
	u32 pools = 0;
	unsigned int p;

	for (p = 0; p <= sw->pf_pool; p++)
		if (sw_test(sw->vport[p].vlans, vid))
			pools |= BIT(p);
	return pools;
}

/**
 * srnic_sw_vlan_quota - VLANs each VF pool may be a member of
 * @sw: switch
 *
 * VID 0 (its own entry) and an admin port VLAN do not count against it.
 * Every VID counts, also one whose VLVF entry another pool set up: a
 * shared entry stays in use when its first pool leaves, so free riders
 * would let colluding VFs hold more than their share.
 *
 * Return: the per-VF quota (0 without VFs).
 */
unsigned int srnic_sw_vlan_quota(const struct srnic_sw *sw)
{
	if (!sw->num_vfs)
		return 0;
	return (SRNIC_VLVF_NUM - 1 - SRNIC_SW_PF_VLVF_RESERVED) / sw->num_vfs;
}

/**
 * srnic_sw_vlvf_pf_share - VLVF entries the PF may hold alone
 * @sw: switch
 *
 * What the VF quotas leave, at least SRNIC_SW_PF_VLVF_RESERVED. Beyond it
 * the PF joins VLANs through VFTA alone (it is the default pool).
 *
 * Return: the number of entries.
 */
unsigned int srnic_sw_vlvf_pf_share(const struct srnic_sw *sw)
{
	return SRNIC_VLVF_NUM - 1 - sw->num_vfs * srnic_sw_vlan_quota(sw);
}

/**
 * srnic_sw_vlan_count - VLANs a pool is a member of, VID 0 aside
 * @sw: switch
 * @pool: pool
 *
 * Return: the count.
 */
unsigned int srnic_sw_vlan_count(const struct srnic_sw *sw, unsigned int pool)
{
	const struct srnic_sw_vport *vp;

	if (!sw_pool_ok(sw, pool))
		return 0;
	vp = &sw->vport[pool];
	return vp->nr_vlans - (sw_test(vp->vlans, 0) ? 1 : 0);
}

/**
 * srnic_sw_vlvf_pf_only - VLVF entries used by the PF pool alone
 * @sw: switch
 *
 * Return: the count (the VID 0 entry aside).
 */
unsigned int srnic_sw_vlvf_pf_only(const struct srnic_sw *sw)
{
	unsigned int i, n = 0;

	for (i = SRNIC_SW_VLVF_VID0 + 1; i < SRNIC_VLVF_NUM; i++)
		if (sw->vlvf_used[i] &&
		    sw_vid_pools(sw, sw->vlvf_vid[i]) == BIT(sw->pf_pool))
			n++;
	return n;
}

static bool sw_pf_vlan_promisc(const struct srnic_sw *sw)
{
	return sw->vport[sw->pf_pool].rx_flags & SRNIC_SW_RX_VLAN_PROMISC;
}

static void sw_sync_vlvf(struct srnic_sw *sw, unsigned int i)
{
	u32 pools, v = 0;

	if (sw->vlvf_used[i]) {
		pools = sw_vid_pools(sw, sw->vlvf_vid[i]);
		if (pools && sw_pf_vlan_promisc(sw))
			pools |= BIT(sw->pf_pool);
		if (pools)
			v = FIELD_PREP(SRNIC_VLVF_VID_MASK, sw->vlvf_vid[i]) |
			    FIELD_PREP(SRNIC_VLVF_POOL_MASK, pools) |
			    SRNIC_VLVF_EN;
	}
	sw_set(sw, SRNIC_SW_R_VLVF + i, v);
}

static void sw_sync_vfta(struct srnic_sw *sw, unsigned int r)
{
	u32 v = 0;
	unsigned int b;

	if (sw_pf_vlan_promisc(sw)) {
		v = ~0U;
	} else {
		for (b = 0; b < 32; b++)
			if (sw->vid_ref[r * 32 + b])
				v |= BIT(b);
	}
	sw_set(sw, SRNIC_SW_R_VFTA + r, v);
}

static void sw_sync_vlan(struct srnic_sw *sw, u16 vid)
{
	int i = sw_vlvf_find(sw, vid);

	if (i >= 0)
		sw_sync_vlvf(sw, i);
	sw_sync_vfta(sw, vid / 32);
}

static void sw_sync_all(struct srnic_sw *sw)
{
	unsigned int i;

	for (i = 0; i < SRNIC_RAR_NUM; i++)
		sw_sync_rar(sw, i);
	for (i = 0; i < SRNIC_VLVF_NUM; i++)
		sw_sync_vlvf(sw, i);
	for (i = 0; i < SRNIC_VFTA_NUM; i++)
		sw_sync_vfta(sw, i);
	sw_sync_mta(sw);
	sw_sync_uta(sw);
	for (i = 0; i < SRNIC_SW_POOLS; i++) {
		sw_sync_vmolr(sw, i);
		sw_sync_vmvir(sw, i);
		sw_sync_rate(sw, i);
	}
	sw_sync_dtxswc(sw);
	sw_set(sw, SRNIC_SW_R_RTTBCNRM, SRNIC_SW_RTTBCNRM_VAL);
	sw_sync_enables(sw);
}

/**
 * srnic_sw_init - reset the model for @num_vfs VFs
 * @sw: switch
 * @num_vfs: VFs enabled, clamped to SRNIC_MAX_VFS; the PF takes pool num_vfs
 *
 * Every table is empty, VF pools are disabled (VFRE/VFTE clear) with
 * spoof checking on, the PF pool is enabled and accepts 9728-byte frames.
 * Every register is marked dirty.
 */
void srnic_sw_init(struct srnic_sw *sw, unsigned int num_vfs)
{
	unsigned int p;

	memset(sw, 0, sizeof(*sw));
	if (num_vfs > SRNIC_MAX_VFS)
		num_vfs = SRNIC_MAX_VFS;
	sw->num_vfs = num_vfs;
	sw->pf_pool = num_vfs;
	sw->vlvf_used[SRNIC_SW_VLVF_VID0] = true;
	sw->vlvf_vid[SRNIC_SW_VLVF_VID0] = 0;
	for (p = 0; p <= sw->pf_pool; p++) {
		struct srnic_sw_vport *vp = &sw->vport[p];
		unsigned int i = sw_rar_primary(sw, p);

		sw->rar_use[i] = SRNIC_SW_RAR_PRIMARY;
		sw->rar_pool[i] = p;
		if (p == sw->pf_pool) {
			vp->max_frame = SRNIC_SW_MAX_FRAME;
			vp->rx_en = true;
			vp->tx_en = true;
		} else {
			vp->max_frame = SRNIC_SW_DEFAULT_FRAME;
			vp->spoofchk = true;
		}
	}
	sw_sync_all(sw);
	srnic_sw_mark_all_dirty(sw);
}

/**
 * srnic_sw_vport - read-only view of a pool's VPort
 * @sw: switch
 * @pool: pool number
 *
 * Return: the VPort, or NULL if @pool is not in use.
 */
const struct srnic_sw_vport *srnic_sw_vport(const struct srnic_sw *sw,
					    unsigned int pool)
{
	return sw_pool_ok(sw, pool) ? &sw->vport[pool] : NULL;
}

/**
 * srnic_sw_mac_owner - which pool's filter matches @mac
 * @sw: switch
 * @mac: unicast address
 *
 * Return: the pool, or -ENOENT.
 */
int srnic_sw_mac_owner(const struct srnic_sw *sw, const u8 *mac)
{
	unsigned int i;

	if (is_zero_ether_addr(mac))
		return -ENOENT;
	for (i = 0; i < SRNIC_RAR_NUM; i++)
		if (sw->rar_use[i] != SRNIC_SW_RAR_FREE &&
		    ether_addr_equal(sw->rar_mac[i], mac))
			return sw->rar_pool[i];
	return -ENOENT;
}

/**
 * srnic_sw_set_mac - set a pool's primary unicast address
 * @sw: switch
 * @pool: pool
 * @mac: address; all zeros removes the filter
 *
 * Return: 0; -EINVAL for a bad pool or a multicast address; -EADDRINUSE if
 * another pool already receives @mac (two pools on one address would let
 * one of them steal or snoop the other's traffic).
 */
int srnic_sw_set_mac(struct srnic_sw *sw, unsigned int pool, const u8 *mac)
{
	unsigned int i;
	int owner;

	if (!sw_pool_ok(sw, pool))
		return -EINVAL;
	if (!is_zero_ether_addr(mac)) {
		if (!is_valid_ether_addr(mac))
			return -EINVAL;
		owner = srnic_sw_mac_owner(sw, mac);
		if (owner >= 0 && owner != (int)pool)
			return -EADDRINUSE;
	}
	/* one RAR entry per address: a filter of ours becomes the primary */
	if (!is_zero_ether_addr(mac))
		srnic_sw_uc_del(sw, pool, mac);
	i = sw_rar_primary(sw, pool);
	ether_addr_copy(sw->rar_mac[i], mac);
	ether_addr_copy(sw->vport[pool].mac, mac);
	sw_sync_rar(sw, i);
	return 0;
}

/**
 * srnic_sw_uc_quota - extra unicast filters guaranteed to each VF pool
 * @sw: switch
 *
 * The shared RAR range less the PF's SRNIC_SW_PF_UC_RESERVED, split
 * evenly between the VFs.
 *
 * Return: the per-VF guarantee (0 without VFs).
 */
unsigned int srnic_sw_uc_quota(const struct srnic_sw *sw)
{
	if (!sw->num_vfs)
		return 0;
	return (sw_rar_shared_last(sw) - SRNIC_SW_PF_UC_RESERVED) /
	       sw->num_vfs;
}

/* Free shared entries the pools other than @skip may still claim as their
 * guarantee (VF quota, PF reserve), so nobody else may take them.
 */
static unsigned int sw_uc_reserve(const struct srnic_sw *sw,
				  unsigned int skip)
{
	unsigned int p, g, n = 0;

	for (p = 0; p <= sw->pf_pool; p++) {
		g = p == sw->pf_pool ? SRNIC_SW_PF_UC_RESERVED :
				       srnic_sw_uc_quota(sw);
		if (p != skip && sw->vport[p].nr_uc < g)
			n += g - sw->vport[p].nr_uc;
	}
	return n;
}

static unsigned int sw_uc_free(const struct srnic_sw *sw)
{
	unsigned int i, n = 0;

	for (i = 1; i <= sw_rar_shared_last(sw); i++)
		if (sw->rar_use[i] == SRNIC_SW_RAR_FREE)
			n++;
	return n;
}

/**
 * srnic_sw_uc_room - extra unicast filters @pool could still add
 * @sw: switch
 * @pool: pool
 *
 * A pool may take any free shared entry that no other pool's unused
 * guarantee (srnic_sw_uc_quota() per VF, SRNIC_SW_PF_UC_RESERVED for the
 * PF) still needs. The free entries always cover every guarantee, so a
 * pool below its own always has room, whatever the others did.
 *
 * Return: number of RAR entries available to @pool.
 */
unsigned int srnic_sw_uc_room(const struct srnic_sw *sw, unsigned int pool)
{
	unsigned int free, reserve;

	if (!sw_pool_ok(sw, pool))
		return 0;
	free = sw_uc_free(sw);
	reserve = sw_uc_reserve(sw, pool);
	return free > reserve ? free - reserve : 0;
}

/**
 * srnic_sw_uc_add - add an extra unicast filter for @pool
 * @sw: switch
 * @pool: pool
 * @mac: unicast address
 *
 * Adding an address the pool already receives is a successful no-op.
 *
 * Return: 0; -EINVAL; -EADDRINUSE (another pool has it); -EDQUOT (the
 * free entries are other pools' guarantees); -ENOSPC (no entry free).
 */
int srnic_sw_uc_add(struct srnic_sw *sw, unsigned int pool, const u8 *mac)
{
	unsigned int i;
	int owner;

	if (!sw_pool_ok(sw, pool) || !is_valid_ether_addr(mac))
		return -EINVAL;
	owner = srnic_sw_mac_owner(sw, mac);
	if (owner == (int)pool)
		return 0;
	if (owner >= 0)
		return -EADDRINUSE;
	if (!srnic_sw_uc_room(sw, pool))
		return sw_uc_free(sw) ? -EDQUOT : -ENOSPC;
	for (i = 1; i <= sw_rar_shared_last(sw); i++) {
		if (sw->rar_use[i] != SRNIC_SW_RAR_FREE)
			continue;
		sw->rar_use[i] = SRNIC_SW_RAR_FILTER;
		sw->rar_pool[i] = pool;
		ether_addr_copy(sw->rar_mac[i], mac);
		sw->vport[pool].nr_uc++;
		sw_sync_rar(sw, i);
		return 0;
	}
	return -ENOSPC;
}

static void sw_rar_free(struct srnic_sw *sw, unsigned int i)
{
	sw->vport[sw->rar_pool[i]].nr_uc--;
	sw->rar_use[i] = SRNIC_SW_RAR_FREE;
	sw->rar_pool[i] = 0;
	eth_zero_addr(sw->rar_mac[i]);
	sw_sync_rar(sw, i);
}

/**
 * srnic_sw_uc_del - remove one extra unicast filter of @pool
 * @sw: switch
 * @pool: pool
 * @mac: address
 *
 * Return: 0, -EINVAL or -ENOENT.
 */
int srnic_sw_uc_del(struct srnic_sw *sw, unsigned int pool, const u8 *mac)
{
	unsigned int i;

	if (!sw_pool_ok(sw, pool))
		return -EINVAL;
	for (i = 1; i <= sw_rar_shared_last(sw); i++) {
		if (sw->rar_use[i] == SRNIC_SW_RAR_FILTER &&
		    sw->rar_pool[i] == pool &&
		    ether_addr_equal(sw->rar_mac[i], mac)) {
			sw_rar_free(sw, i);
			return 0;
		}
	}
	return -ENOENT;
}

/**
 * srnic_sw_uc_clear - remove every extra unicast filter of @pool
 * @sw: switch
 * @pool: pool
 */
void srnic_sw_uc_clear(struct srnic_sw *sw, unsigned int pool)
{
	unsigned int i;

	if (!sw_pool_ok(sw, pool))
		return;
	for (i = 1; i <= sw_rar_shared_last(sw); i++)
		if (sw->rar_use[i] == SRNIC_SW_RAR_FILTER &&
		    sw->rar_pool[i] == pool)
			sw_rar_free(sw, i);
}

/**
 * srnic_sw_set_mc - replace a pool's multicast hash list
 * @sw: switch
 * @pool: pool
 * @hash: hashes (bits 11:0 used)
 * @n: number of hashes; above SRNIC_SW_MC_MAX the pool becomes multicast
 *     promiscuous instead (and @hash is not read)
 *
 * The shared MTA is rebuilt from every pool's list.
 */
void srnic_sw_set_mc(struct srnic_sw *sw, unsigned int pool,
		     const u16 *hash, unsigned int n)
{
	struct srnic_sw_vport *vp;
	unsigned int i;

	if (!sw_pool_ok(sw, pool))
		return;
	vp = &sw->vport[pool];
	if (n > SRNIC_SW_MC_MAX) {
		vp->mc_overflow = true;
		vp->nr_mc = 0;
	} else {
		vp->mc_overflow = false;
		vp->nr_mc = n;
		for (i = 0; i < n; i++)
			vp->mc[i] = hash[i] & SRNIC_SW_MC_HASH_MASK;
	}
	sw_sync_mta(sw);
	sw_sync_vmolr(sw, pool);
}

/**
 * srnic_sw_set_rx_mode - set a pool's promiscuous flags
 * @sw: switch
 * @pool: pool
 * @flags: SRNIC_SW_RX_* (VLAN promisc is honoured for the PF pool only)
 */
void srnic_sw_set_rx_mode(struct srnic_sw *sw, unsigned int pool, u32 flags)
{
	unsigned int i;

	if (!sw_pool_ok(sw, pool))
		return;
	if (pool != sw->pf_pool)
		flags &= ~SRNIC_SW_RX_VLAN_PROMISC;
	flags &= SRNIC_SW_RX_UC_PROMISC | SRNIC_SW_RX_MC_PROMISC |
		 SRNIC_SW_RX_VLAN_PROMISC;
	sw->vport[pool].rx_flags = flags;
	sw_sync_uta(sw);
	sw_sync_vmolr(sw, pool);
	for (i = 0; i < SRNIC_VLVF_NUM; i++)
		sw_sync_vlvf(sw, i);
	for (i = 0; i < SRNIC_VFTA_NUM; i++)
		sw_sync_vfta(sw, i);
}

/**
 * srnic_sw_set_max_frame - longest frame the pool accepts (VMOLR.RLPML)
 * @sw: switch
 * @pool: pool
 * @bytes: frame size with FCS, SRNIC_SW_MIN_FRAME..SRNIC_SW_MAX_FRAME
 *
 * Return: 0 or -EINVAL.
 */
int srnic_sw_set_max_frame(struct srnic_sw *sw, unsigned int pool,
			   unsigned int bytes)
{
	if (!sw_pool_ok(sw, pool) || bytes < SRNIC_SW_MIN_FRAME ||
	    bytes > SRNIC_SW_MAX_FRAME)
		return -EINVAL;
	sw->vport[pool].max_frame = bytes;
	sw_sync_vmolr(sw, pool);
	return 0;
}

/**
 * srnic_sw_set_vlan_strip - VLAN stripping of the PF pool
 * @sw: switch
 * @pool: pool; VF pools derive stripping from their VLAN use and ignore it
 * @on: strip
 */
void srnic_sw_set_vlan_strip(struct srnic_sw *sw, unsigned int pool, bool on)
{
	if (!sw_pool_ok(sw, pool))
		return;
	sw->vport[pool].vlan_strip = on;
	sw_sync_vmolr(sw, pool);
}

/**
 * srnic_sw_set_rss - RSS inside the pool (VMOLR.RSSE)
 * @sw: switch
 * @pool: pool
 * @on: enable
 */
void srnic_sw_set_rss(struct srnic_sw *sw, unsigned int pool, bool on)
{
	if (!sw_pool_ok(sw, pool))
		return;
	sw->vport[pool].rss = on;
	sw_sync_vmolr(sw, pool);
}

/**
 * srnic_sw_vlan_member - is @pool a member of VLAN @vid?
 * @sw: switch
 * @pool: pool
 * @vid: VLAN ID
 *
 * Return: true if it is.
 */
bool srnic_sw_vlan_member(const struct srnic_sw *sw, unsigned int pool,
			  u16 vid)
{
	return sw_pool_ok(sw, pool) && vid < SRNIC_SW_VLAN_N &&
	       sw_test(sw->vport[pool].vlans, vid);
}

/**
 * srnic_sw_vlvf_free - VLVF entries not allocated
 * @sw: switch
 *
 * Return: the number of free entries.
 */
unsigned int srnic_sw_vlvf_free(const struct srnic_sw *sw)
{
	unsigned int i, n = 0;

	for (i = 0; i < SRNIC_VLVF_NUM; i++)
		if (!sw->vlvf_used[i])
			n++;
	return n;
}

/**
 * srnic_sw_vlan_add - make @pool a member of VLAN @vid
 * @sw: switch
 * @pool: pool
 * @vid: VLAN ID, 0..4094
 *
 * A VID gets one VLVF entry shared by all its pools, and one VFTA bit kept
 * while any pool uses it. A VF pool may be in srnic_sw_vlan_quota() VLANs
 * besides VID 0; the PF pool may hold srnic_sw_vlvf_pf_share() entries
 * alone and beyond that (or when VLVF is full) joins through VFTA alone
 * (its frames reach it as the default pool). With every VF within its
 * quota and the PF within its share, a VF below its quota always finds a
 * free entry.
 *
 * Return: 0 (also if already a member), -EINVAL, -EDQUOT (the VF's quota
 * is used up) or -ENOSPC (VLVF full, which the quotas should prevent).
 */
int srnic_sw_vlan_add(struct srnic_sw *sw, unsigned int pool, u16 vid)
{
	struct srnic_sw_vport *vp;

	if (!sw_pool_ok(sw, pool) || vid >= SRNIC_SW_VID_MAX)
		return -EINVAL;
	vp = &sw->vport[pool];
	if (sw_test(vp->vlans, vid))
		return 0;
	if (pool != sw->pf_pool && vid &&
	    srnic_sw_vlan_count(sw, pool) >= srnic_sw_vlan_quota(sw))
		return -EDQUOT;
	if (sw_vlvf_find(sw, vid) < 0) {
		if (pool != sw->pf_pool) {
			if (sw_vlvf_alloc(sw, vid) < 0)
				return -ENOSPC;
		} else if (srnic_sw_vlvf_pf_only(sw) <
			   srnic_sw_vlvf_pf_share(sw)) {
			sw_vlvf_alloc(sw, vid);
		}
	}
	sw_setbit(vp->vlans, vid);
	vp->nr_vlans++;
	sw->vid_ref[vid]++;
	sw_sync_vlan(sw, vid);
	sw_sync_vmolr(sw, pool);
	return 0;
}

/**
 * srnic_sw_vlan_del - remove @pool from VLAN @vid
 * @sw: switch
 * @pool: pool
 * @vid: VLAN ID
 *
 * The VLVF entry is freed and the VFTA bit cleared when the last pool
 * leaves (the VID 0 entry stays reserved). An entry the PF is left alone
 * in beyond its share is freed too; the PF keeps the VID through VFTA.
 *
 * Return: 0, -EINVAL, or -ENOENT if @pool was not a member.
 */
int srnic_sw_vlan_del(struct srnic_sw *sw, unsigned int pool, u16 vid)
{
	struct srnic_sw_vport *vp;
	int i;

	if (!sw_pool_ok(sw, pool) || vid >= SRNIC_SW_VLAN_N)
		return -EINVAL;
	vp = &sw->vport[pool];
	if (!sw_test(vp->vlans, vid))
		return -ENOENT;
	sw_clrbit(vp->vlans, vid);
	vp->nr_vlans--;
	sw->vid_ref[vid]--;
	i = sw_vlvf_find(sw, vid);
	if (i > SRNIC_SW_VLVF_VID0 &&
	    (!sw->vid_ref[vid] ||
	     (sw_vid_pools(sw, vid) == BIT(sw->pf_pool) &&
	      srnic_sw_vlvf_pf_only(sw) > srnic_sw_vlvf_pf_share(sw)))) {
		sw->vlvf_used[i] = false;
		sw->vlvf_vid[i] = 0;
		sw_sync_vlvf(sw, i);
	}
	sw_sync_vlan(sw, vid);
	sw_sync_vmolr(sw, pool);
	return 0;
}

/**
 * srnic_sw_vlan_clear - remove @pool from every VLAN
 * @sw: switch
 * @pool: pool
 */
void srnic_sw_vlan_clear(struct srnic_sw *sw, unsigned int pool)
{
	unsigned int w, b;

	if (!sw_pool_ok(sw, pool))
		return;
	for (w = 0; w < SRNIC_SW_VLAN_N / 32; w++) {
		if (!sw->vport[pool].vlans[w])
			continue;
		for (b = 0; b < 32; b++)
			if (sw->vport[pool].vlans[w] & BIT(b))
				srnic_sw_vlan_del(sw, pool, w * 32 + b);
	}
}

/* Would removing @pool from all its VLANs free a VLVF entry? */
static bool sw_vlan_clear_frees(const struct srnic_sw *sw, unsigned int pool)
{
	bool pf_over = srnic_sw_vlvf_pf_only(sw) >= srnic_sw_vlvf_pf_share(sw);
	unsigned int i;
	u32 pools;

	for (i = SRNIC_SW_VLVF_VID0 + 1; i < SRNIC_VLVF_NUM; i++) {
		if (!sw->vlvf_used[i])
			continue;
		pools = sw_vid_pools(sw, sw->vlvf_vid[i]);
		if (pools == BIT(pool) ||
		    (pf_over && pools == (BIT(pool) | BIT(sw->pf_pool))))
			return true;
	}
	return false;
}

/**
 * srnic_sw_set_port_vlan - set or clear a VF pool's port VLAN
 * @sw: switch
 * @pool: VF pool
 * @vid: VLAN ID 0..4094
 * @qos: priority 0..7; @vid == 0 && @qos == 0 clears the port VLAN
 *
 * With a port VLAN the pool is a member of @vid only, every transmitted
 * frame gets the tag inserted (VMVIR) and untagged frames are not accepted
 * unless @vid is 0 (priority tagging only). Clearing it leaves the pool a
 * member of VID 0 only. Nothing changes on error. The VLAN quotas keep an
 * entry free for every VF's port VLAN, whatever the VFs asked for.
 *
 * Return: 0, -EINVAL, or -ENOSPC when VLVF has no entry for @vid (only if
 * the quota invariant was broken).
 */
int srnic_sw_set_port_vlan(struct srnic_sw *sw, unsigned int pool, u16 vid,
			   u8 qos)
{
	struct srnic_sw_vport *vp;

	if (pool >= sw->num_vfs || vid >= SRNIC_SW_VID_MAX ||
	    qos > SRNIC_SW_QOS_MAX)
		return -EINVAL;
	vp = &sw->vport[pool];
	if (!vid && !qos) {
		if (!sw_port_vlan(vp))
			return 0;
	} else if (vid && !sw_test(vp->vlans, vid) &&
		   sw_vlvf_find(sw, vid) < 0 && !srnic_sw_vlvf_free(sw) &&
		   !sw_vlan_clear_frees(sw, pool)) {
		return -ENOSPC;
	}
	srnic_sw_vlan_clear(sw, pool);
	vp->pvid = vid;
	vp->qos = qos;
	srnic_sw_vlan_add(sw, pool, vid);
	sw_sync_vmvir(sw, pool);
	sw_sync_vmolr(sw, pool);
	return 0;
}

/**
 * srnic_sw_vport_reset - drop what a VF configured for itself
 * @sw: switch
 * @pool: pool
 *
 * Clears extra unicast filters, multicast list, promiscuous flags and VLAN
 * membership (the pool is left in its port VLAN, or VID 0), and restores
 * the default frame size. Keeps what the administrator or the PF set:
 * primary MAC, port VLAN, spoof checking, rate limit, rx/tx enables.
 */
void srnic_sw_vport_reset(struct srnic_sw *sw, unsigned int pool)
{
	struct srnic_sw_vport *vp;

	if (!sw_pool_ok(sw, pool))
		return;
	vp = &sw->vport[pool];
	srnic_sw_uc_clear(sw, pool);
	vp->nr_mc = 0;
	vp->mc_overflow = false;
	vp->rx_flags = 0;
	srnic_sw_vlan_clear(sw, pool);
	/* cannot fail: clearing freed at least what the pool held */
	srnic_sw_vlan_add(sw, pool, vp->pvid);
	vp->max_frame = pool == sw->pf_pool ? SRNIC_SW_MAX_FRAME :
					      SRNIC_SW_DEFAULT_FRAME;
	sw_sync_mta(sw);
	sw_sync_uta(sw);
	sw_sync_vmolr(sw, pool);
}

/**
 * srnic_sw_set_spoofchk - MAC and VLAN anti-spoof checks of a VF pool
 * @sw: switch
 * @pool: VF pool (the PF pool is never checked)
 * @on: enable
 */
void srnic_sw_set_spoofchk(struct srnic_sw *sw, unsigned int pool, bool on)
{
	if (pool >= sw->num_vfs)
		return;
	sw->vport[pool].spoofchk = on;
	sw_sync_dtxswc(sw);
}

/**
 * srnic_sw_set_rxtx - gate a pool's receive and transmit (VFRE/VFTE)
 * @sw: switch
 * @pool: pool
 * @rx: receive enable
 * @tx: transmit enable
 */
void srnic_sw_set_rxtx(struct srnic_sw *sw, unsigned int pool, bool rx,
		       bool tx)
{
	if (!sw_pool_ok(sw, pool))
		return;
	sw->vport[pool].rx_en = rx;
	sw->vport[pool].tx_en = tx;
	sw_sync_enables(sw);
}

/* RF_INT.RF_DEC all ones: the largest factor, the lowest rate (link/16384) */
#define SW_RF_MAX	(SRNIC_RTTBCNRC_RF_INT_MASK | SRNIC_RTTBCNRC_RF_DEC_MASK)

/**
 * srnic_sw_rate_encode - RTTBCNRC value for one queue of a limited pool
 * @link_mbps: link speed
 * @rate_mbps: the pool's limit; 0 disables
 * @second: for the pool's second queue (n + 8) instead of its first (n)
 *
 * The limiter is per queue and the rate factor link/rate is 14.14 fixed
 * point (F, RF_INT.RF_DEC) with RS_ENA. The second queue gets the largest
 * factor, i.e. the lowest rate the encoding has (link/16384, 0.06 Mbit/s
 * at 1 Gbit/s); the first queue gets the rest, with its factor rounded up,
 * so the two rates together never exceed @rate_mbps. The stock igbvf sends
 * on its first queue only and keeps nearly all of its limit. A limit at or
 * above the link speed is encoded against the link speed so it comes back
 * into force when a faster link returns.
 *
 * Return: the register value; 0 when disabled or the link is down.
 */
u32 srnic_sw_rate_encode(u32 link_mbps, u32 rate_mbps, bool second)
{
	u64 link, rest, f;

	if (!rate_mbps || !link_mbps)
		return 0;
	if (rate_mbps > link_mbps)
		rate_mbps = link_mbps;
	/* rate = link * 2^14 / F: the first queue's share of the limit is
	 * rate - link * 2^14 / F_MAX, in units of 1/F_MAX Mbit/s
	 */
	link = (u64)link_mbps * (SRNIC_RTTBCNRC_RF_DEC_MASK + 1);
	rest = (u64)rate_mbps * SW_RF_MAX;
	if (second || rest <= link)
		return SRNIC_RTTBCNRC_RS_ENA | SW_RF_MAX;
	rest -= link;
	f = div64_u64(link * SW_RF_MAX + rest - 1, rest);
	if (f > SW_RF_MAX)
		f = SW_RF_MAX;
	return SRNIC_RTTBCNRC_RS_ENA | (u32)f;
}

/**
 * srnic_sw_set_rate - transmit rate limit of a VF pool
 * @sw: switch
 * @pool: VF pool
 * @mbps: limit in Mbit/s, 0 for none
 *
 * The limit covers both of the pool's queues together (see
 * srnic_sw_rate_encode()); it is kept across link changes and re-encoded
 * for each speed.
 *
 * Return: 0, or -EINVAL for the PF pool or an unused pool.
 */
int srnic_sw_set_rate(struct srnic_sw *sw, unsigned int pool, u32 mbps)
{
	if (pool >= sw->num_vfs)
		return -EINVAL;
	sw->vport[pool].rate_mbps = mbps;
	sw_sync_rate(sw, pool);
	return 0;
}

/**
 * srnic_sw_set_link_speed - tell the model the link speed
 * @sw: switch
 * @mbps: speed, 0 when the link is down
 */
void srnic_sw_set_link_speed(struct srnic_sw *sw, u32 mbps)
{
	unsigned int p;

	sw->link_mbps = mbps;
	for (p = 0; p < SRNIC_SW_POOLS; p++)
		sw_sync_rate(sw, p);
}

/**
 * srnic_sw_mark_all_dirty - schedule every register for writing
 * @sw: switch
 *
 * For replay after a PF reset wiped the hardware tables.
 */
void srnic_sw_mark_all_dirty(struct srnic_sw *sw)
{
	unsigned int i;

	for (i = 0; i < SRNIC_SW_NREGS; i++)
		sw_setbit(sw->dirty, i);
}

/**
 * srnic_sw_is_dirty - anything to flush?
 * @sw: switch
 *
 * Return: true if srnic_sw_flush() would write.
 */
bool srnic_sw_is_dirty(const struct srnic_sw *sw)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sw->dirty); i++)
		if (sw->dirty[i])
			return true;
	return false;
}

/**
 * srnic_sw_reg_addr - register offset of a shadow slot
 * @slot: SRNIC_SW_R_* index
 *
 * Return: the offset; RTTBCNRC slots (one per TX queue) all map to
 * RTTBCNRC (the queue is chosen by RTTDQSEL, see srnic_sw_flush()).
 */
u32 srnic_sw_reg_addr(unsigned int slot)
{
	if (slot < SRNIC_SW_R_VLVF)
		return (slot & 1) ? SRNIC_RAH(slot / 2) : SRNIC_RAL(slot / 2);
	if (slot < SRNIC_SW_R_VFTA)
		return SRNIC_VLVF(slot - SRNIC_SW_R_VLVF);
	if (slot < SRNIC_SW_R_MTA)
		return SRNIC_VFTA(slot - SRNIC_SW_R_VFTA);
	if (slot < SRNIC_SW_R_UTA)
		return SRNIC_MTA(slot - SRNIC_SW_R_MTA);
	if (slot < SRNIC_SW_R_VMOLR)
		return SRNIC_UTA(slot - SRNIC_SW_R_UTA);
	if (slot < SRNIC_SW_R_VMVIR)
		return SRNIC_VMOLR(slot - SRNIC_SW_R_VMOLR);
	if (slot < SRNIC_SW_R_DTXSWC)
		return SRNIC_VMVIR(slot - SRNIC_SW_R_VMVIR);
	if (slot == SRNIC_SW_R_DTXSWC)
		return SRNIC_DTXSWC;
	if (slot == SRNIC_SW_R_RTTBCNRM)
		return SRNIC_RTTBCNRM;
	if (slot < SRNIC_SW_R_VFTE)
		return SRNIC_RTTBCNRC;
	if (slot == SRNIC_SW_R_VFTE)
		return SRNIC_VFTE;
	return SRNIC_VFRE;
}

/**
 * srnic_sw_shadow - shadow value of a register, by offset
 * @sw: switch
 * @reg: register offset (not RTTBCNRC, which is per queue)
 * @val: out
 *
 * Return: 0, or -ENOENT if the switch does not own @reg.
 */
int srnic_sw_shadow(const struct srnic_sw *sw, u32 reg, u32 *val)
{
	unsigned int i;

	for (i = 0; i < SRNIC_SW_NREGS; i++) {
		if (i >= SRNIC_SW_R_RTTBCNRC && i < SRNIC_SW_R_VFTE)
			continue;
		if (srnic_sw_reg_addr(i) == reg) {
			*val = sw->reg[i];
			return 0;
		}
	}
	return -ENOENT;
}

/**
 * srnic_sw_flush - write the dirty registers
 * @sw: switch
 * @write: called once per register write, in order
 * @ctx: passed to @write
 *
 * Filters are written before the per-pool registers, and VFTE/VFRE last,
 * so a pool is never enabled ahead of its filters. A rate limiter write is
 * preceded by its RTTDQSEL queue select. Context: as @write allows; the
 * switch itself does not sleep.
 *
 * Return: number of @write calls.
 */
unsigned int srnic_sw_flush(struct srnic_sw *sw, srnic_sw_write_fn write,
			    void *ctx)
{
	unsigned int i, n = 0;

	for (i = 0; i < SRNIC_SW_NREGS; i++) {
		if (!sw_test(sw->dirty, i))
			continue;
		sw_clrbit(sw->dirty, i);
		if (i >= SRNIC_SW_R_RTTBCNRC && i < SRNIC_SW_R_VFTE) {
			write(ctx, SRNIC_RTTDQSEL, i - SRNIC_SW_R_RTTBCNRC);
			n++;
		}
		write(ctx, srnic_sw_reg_addr(i), sw->reg[i]);
		n++;
	}
	return n;
}
