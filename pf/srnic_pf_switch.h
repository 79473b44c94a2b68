/* SPDX-License-Identifier: GPL-2.0 */
/* The 82576 NIC switch as a pure model: VPorts (one per VF pool plus the
 * PF's own at pool num_vfs) and a shadow of every shared filter table and
 * per-pool register. This is the only code that decides the values of RAR,
 * VLVF, VFTA, MTA, UTA, VMOLR, VMVIR, DTXSWC, VFRE/VFTE and the rate
 * limiter; it never touches MMIO. Changes mark shadow registers dirty and
 * srnic_sw_flush() hands the dirty ones to a caller-supplied writer.
 *
 * Locking: none inside. The owner serializes every call on one struct
 * srnic_sw (the PF uses one spinlock for the switch, the policy and the
 * mailbox scan). No function sleeps or allocates, so all are usable in
 * any context.
 */
#ifndef _SRNIC_PF_SWITCH_H_
#define _SRNIC_PF_SWITCH_H_

#include <linux/if_ether.h>
#include <linux/math.h>
#include <linux/types.h>

#include "srnic_regs.h"

#define SRNIC_SW_POOLS		SRNIC_MAX_POOLS
/* Pool n owns TX queues n and n + SRNIC_SW_POOLS */
#define SRNIC_SW_TXQ		(2 * SRNIC_SW_POOLS)
#define SRNIC_SW_VLAN_N		4096
/* Multicast hashes kept per VPort; a longer list means multicast promisc */
#define SRNIC_SW_MC_MAX		64
#define SRNIC_SW_MC_HASH_MASK	(SRNIC_MTA_NUM * 32 - 1)
/* RAR entries of the shared range kept for the PF's own secondary unicast
 * addresses. The rest is split evenly: each VF is guaranteed
 * srnic_sw_uc_quota() filters and may go beyond only into entries no VF's
 * unused share and no PF reserve needs.
 */
#define SRNIC_SW_PF_UC_RESERVED	3
/* VLVF entry reserved for VID 0 (priority-tagged frames) */
#define SRNIC_SW_VLVF_VID0	0
/* VLVF entries the PF may hold alone, at least; each VF gets a hard quota
 * of srnic_sw_vlan_quota() VIDs (VID 0 aside) out of the rest, which also
 * guarantees a free entry for any admin port VLAN.
 */
#define SRNIC_SW_PF_VLVF_RESERVED 3
#define SRNIC_SW_MIN_FRAME	(ETH_ZLEN + ETH_FCS_LEN)
/* 1500-byte MTU plus header, FCS and one VLAN tag */
#define SRNIC_SW_DEFAULT_FRAME	1522
#define SRNIC_SW_MAX_FRAME	SRNIC_MAX_FRAME
#define SRNIC_SW_VID_MAX	4095	/* exclusive: 4095 is reserved */
#define SRNIC_SW_QOS_MAX	7
/* RTTBCNRM memory window for 9728-byte frames */
#define SRNIC_SW_RTTBCNRM_VAL	0x14

/* Receive mode flags for srnic_sw_set_rx_mode() */
#define SRNIC_SW_RX_UC_PROMISC	BIT(0)
#define SRNIC_SW_RX_MC_PROMISC	BIT(1)
#define SRNIC_SW_RX_VLAN_PROMISC BIT(2)	/* PF pool only */

enum srnic_sw_rar_use {
	SRNIC_SW_RAR_FREE,
	SRNIC_SW_RAR_PRIMARY,
	SRNIC_SW_RAR_FILTER,
};

/**
 * struct srnic_sw_vport - one pool's view of the switch
 * @mac: primary unicast address (all zeros: none)
 * @nr_uc: extra unicast filters (RAR entries of the shared range) held
 * @nr_vlans: VLANs the pool is a member of (VID 0 included)
 * @pvid: port VLAN inserted on transmit and required on receive (0: none)
 * @qos: priority of the port VLAN
 * @nr_mc: multicast hashes in @mc
 * @mc: multicast hashes (12 bit)
 * @mc_overflow: the last list was too long; the pool is multicast promisc
 * @rx_flags: SRNIC_SW_RX_* flags
 * @vlan_strip: strip VLAN tags (PF pool; VF pools derive it from VLAN use)
 * @rss: RSS within the pool (PF pool)
 * @max_frame: longest frame accepted (VMOLR.RLPML), bytes with FCS
 * @spoofchk: MAC and VLAN anti-spoof checks on transmit
 * @rx_en: pool may receive (VFRE)
 * @tx_en: pool may transmit (VFTE)
 * @rate_mbps: transmit limit of the pool, both queues together (0: none;
 *	VF only)
 * @vlans: VLAN membership bitmap
 */
struct srnic_sw_vport {
	u8 mac[ETH_ALEN];
	u8 nr_uc;
	u16 nr_vlans;
	u16 pvid;
	u8 qos;
	u8 nr_mc;
	u16 mc[SRNIC_SW_MC_MAX];
	bool mc_overflow;
	u32 rx_flags;
	bool vlan_strip;
	bool rss;
	u16 max_frame;
	bool spoofchk;
	bool rx_en;
	bool tx_en;
	u32 rate_mbps;
	u32 vlans[SRNIC_SW_VLAN_N / 32];
};

/* Shadow register slots, in flush order: filters first, enables last */
#define SRNIC_SW_R_RAR		0	/* RAL(i) at 2i, RAH(i) at 2i + 1 */
#define SRNIC_SW_R_VLVF		(SRNIC_SW_R_RAR + 2 * SRNIC_RAR_NUM)
#define SRNIC_SW_R_VFTA		(SRNIC_SW_R_VLVF + SRNIC_VLVF_NUM)
#define SRNIC_SW_R_MTA		(SRNIC_SW_R_VFTA + SRNIC_VFTA_NUM)
#define SRNIC_SW_R_UTA		(SRNIC_SW_R_MTA + SRNIC_MTA_NUM)
#define SRNIC_SW_R_VMOLR	(SRNIC_SW_R_UTA + SRNIC_UTA_NUM)
#define SRNIC_SW_R_VMVIR	(SRNIC_SW_R_VMOLR + SRNIC_SW_POOLS)
#define SRNIC_SW_R_DTXSWC	(SRNIC_SW_R_VMVIR + SRNIC_SW_POOLS)
#define SRNIC_SW_R_RTTBCNRM	(SRNIC_SW_R_DTXSWC + 1)
#define SRNIC_SW_R_RTTBCNRC	(SRNIC_SW_R_RTTBCNRM + 1)
#define SRNIC_SW_R_VFTE		(SRNIC_SW_R_RTTBCNRC + SRNIC_SW_TXQ)
#define SRNIC_SW_R_VFRE		(SRNIC_SW_R_VFTE + 1)
#define SRNIC_SW_NREGS		(SRNIC_SW_R_VFRE + 1)

/**
 * struct srnic_sw - the switch model
 * @num_vfs: VFs enabled (0..SRNIC_MAX_VFS)
 * @pf_pool: the PF's pool, == @num_vfs
 * @link_mbps: current link speed, for the rate limiter (0: link down)
 * @vport: per pool state; pools above @pf_pool are unused
 * @rar_use: enum srnic_sw_rar_use per RAR entry
 * @rar_pool: owning pool per RAR entry
 * @rar_mac: address per RAR entry
 * @vlvf_vid: VID per VLVF entry
 * @vlvf_used: VLVF entry allocated
 * @vid_ref: pools using each VID (VFTA bit reference count)
 * @reg: shadow register values, indexed by SRNIC_SW_R_*
 * @dirty: shadow registers not yet flushed
 */
struct srnic_sw {
	u8 num_vfs;
	u8 pf_pool;
	u32 link_mbps;
	struct srnic_sw_vport vport[SRNIC_SW_POOLS];
	u8 rar_use[SRNIC_RAR_NUM];
	u8 rar_pool[SRNIC_RAR_NUM];
	u8 rar_mac[SRNIC_RAR_NUM][ETH_ALEN];
	u16 vlvf_vid[SRNIC_VLVF_NUM];
	bool vlvf_used[SRNIC_VLVF_NUM];
	u8 vid_ref[SRNIC_SW_VLAN_N];
	u32 reg[SRNIC_SW_NREGS];
	u32 dirty[DIV_ROUND_UP(SRNIC_SW_NREGS, 32)];
};

typedef void (*srnic_sw_write_fn)(void *ctx, u32 reg, u32 val);

void srnic_sw_init(struct srnic_sw *sw, unsigned int num_vfs);
const struct srnic_sw_vport *srnic_sw_vport(const struct srnic_sw *sw,
					    unsigned int pool);
void srnic_sw_vport_reset(struct srnic_sw *sw, unsigned int pool);

int srnic_sw_set_mac(struct srnic_sw *sw, unsigned int pool, const u8 *mac);
int srnic_sw_uc_add(struct srnic_sw *sw, unsigned int pool, const u8 *mac);
int srnic_sw_uc_del(struct srnic_sw *sw, unsigned int pool, const u8 *mac);
void srnic_sw_uc_clear(struct srnic_sw *sw, unsigned int pool);
unsigned int srnic_sw_uc_room(const struct srnic_sw *sw, unsigned int pool);
unsigned int srnic_sw_uc_quota(const struct srnic_sw *sw);
int srnic_sw_mac_owner(const struct srnic_sw *sw, const u8 *mac);

void srnic_sw_set_mc(struct srnic_sw *sw, unsigned int pool,
		     const u16 *hash, unsigned int n);
void srnic_sw_set_rx_mode(struct srnic_sw *sw, unsigned int pool, u32 flags);
int srnic_sw_set_max_frame(struct srnic_sw *sw, unsigned int pool,
			   unsigned int bytes);
void srnic_sw_set_vlan_strip(struct srnic_sw *sw, unsigned int pool, bool on);
void srnic_sw_set_rss(struct srnic_sw *sw, unsigned int pool, bool on);

int srnic_sw_vlan_add(struct srnic_sw *sw, unsigned int pool, u16 vid);
int srnic_sw_vlan_del(struct srnic_sw *sw, unsigned int pool, u16 vid);
void srnic_sw_vlan_clear(struct srnic_sw *sw, unsigned int pool);
bool srnic_sw_vlan_member(const struct srnic_sw *sw, unsigned int pool,
			  u16 vid);
unsigned int srnic_sw_vlvf_free(const struct srnic_sw *sw);
unsigned int srnic_sw_vlan_quota(const struct srnic_sw *sw);
unsigned int srnic_sw_vlan_count(const struct srnic_sw *sw, unsigned int pool);
unsigned int srnic_sw_vlvf_pf_only(const struct srnic_sw *sw);
unsigned int srnic_sw_vlvf_pf_share(const struct srnic_sw *sw);
int srnic_sw_set_port_vlan(struct srnic_sw *sw, unsigned int pool, u16 vid,
			   u8 qos);

void srnic_sw_set_spoofchk(struct srnic_sw *sw, unsigned int pool, bool on);
void srnic_sw_set_rxtx(struct srnic_sw *sw, unsigned int pool, bool rx,
		       bool tx);
int srnic_sw_set_rate(struct srnic_sw *sw, unsigned int pool, u32 mbps);
void srnic_sw_set_link_speed(struct srnic_sw *sw, u32 mbps);
u32 srnic_sw_rate_encode(u32 link_mbps, u32 rate_mbps, bool second);

void srnic_sw_mark_all_dirty(struct srnic_sw *sw);
bool srnic_sw_is_dirty(const struct srnic_sw *sw);
unsigned int srnic_sw_flush(struct srnic_sw *sw, srnic_sw_write_fn write,
			    void *ctx);
u32 srnic_sw_reg_addr(unsigned int slot);
int srnic_sw_shadow(const struct srnic_sw *sw, u32 reg, u32 *val);

#endif /* _SRNIC_PF_SWITCH_H_ */
