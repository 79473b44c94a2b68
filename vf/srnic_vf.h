/* SPDX-License-Identifier: GPL-2.0 */
/*
 * srnic_vf: private state of the 82576 virtual function driver.
 *
 * Contexts and locks:
 *   rtnl        - netdev configuration, datapath up/down, recovery
 *   mbx_lock    - every mailbox transaction and the state it learns
 *                 (cts, api, pf_link). Taken after rtnl, never before.
 *   stats_lock  - the wrap-extended hardware counters
 *
 * One delayed work item (the service task) does everything the interrupt
 * cannot be trusted with: it polls the mailbox for PF messages, watches
 * RSTI/RSTD and VTSTATUS.LU, folds the statistics and runs recovery.
 */
#ifndef _SRNIC_VF_H_
#define _SRNIC_VF_H_

#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/workqueue.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/if_vlan.h>

#include "srnic_compat.h"
#include "srnic_hw.h"
#include "srnic_regs.h"
#include "srnic_txrx.h"
#include "srnic_port.h"
#include "srnic_mbx.h"

#define SRNIC_VF_DRV_NAME	"srnic_vf"

/* MSI-X layout: one vector per queue pair, the last one for the mailbox */
#define SRNIC_VF_MAX_QP		2
#define SRNIC_VF_MBX_VECTOR	2
#define SRNIC_VF_NUM_VECTORS	3
#define SRNIC_VF_ITR		196

/* service task periods: healthy, link down, recovering */
#define SRNIC_VF_PERIOD_UP	HZ
#define SRNIC_VF_PERIOD_DOWN	(HZ / 4)
#define SRNIC_VF_PERIOD_RECOVER	(HZ / 20)

/* recovery keeps the carrier this long before giving up on it */
#define SRNIC_VF_CARRIER_GRACE	HZ

/* extra unicast filters the 82576 PFs give a VF */
#define SRNIC_VF_MAX_UC		3

/* bits in srnic_vf::state */
enum srnic_vf_state_bits {
	SRNIC_VF_HW_READY,	/* reset handshake done, mailbox usable */
	SRNIC_VF_DP_UP,		/* rings programmed, NAPI and irqs enabled */
	SRNIC_VF_NEED_RESET,	/* recovery wanted */
	SRNIC_VF_RX_MODE,	/* rx filters must be sent to the PF */
	SRNIC_VF_REMOVING,	/* pci remove in progress */
	SRNIC_VF_GONE,		/* surprise removal seen */
	SRNIC_VF_IN_FLR,	/* between reset_prepare and reset_done */
	SRNIC_VF_NOTIFY_PEERS,	/* MAC changed by the PF: announce it */
	SRNIC_VF_SERVICE_ON,	/* probe done: the service task may be queued */
	SRNIC_VF_NBITS,
};

struct srnic_vf_hw_stats {
	struct srnic_port_ctr gprc;
	struct srnic_port_ctr gptc;
	struct srnic_port_ctr gorc;
	struct srnic_port_ctr gotc;
	struct srnic_port_ctr mprc;
};

/* Driver counters for ethtool -S */
struct srnic_vf_sw_stats {
	u64 resets;		/* completed reset handshakes */
	u64 reset_fail;		/* handshakes that did not complete */
	u64 mbx_timeouts;	/* these five: copies of srnic_mbx_vf_stats */
	u64 mbx_nacks;
	u64 pf_msgs;		/* PF control messages read */
	u64 pf_resets;		/* RSTI/RSTD seen */
	u64 kicks;		/* NACK without CTS */
	u64 flrs;
	u64 tx_timeouts;
	u64 mbx_irqs;
};

/* What the guest configured; re-sent to the PF after every handshake */
struct srnic_vf_filters {
	u16 mc_hash[SRNIC_MBX_MC_MAX];
	u8 mc_count;
	bool mc_promisc;
	u8 uc[SRNIC_VF_MAX_UC][ETH_ALEN];
	u8 uc_count;
	bool promisc;
};

struct srnic_vf {
	/* first: hw, the MMIO accessors; netdev, pdev, queues, msg_enable */
	srnic_port_group(port);
	unsigned long state[BITS_TO_LONGS(SRNIC_VF_NBITS)];

	/* mailbox client, mbx_lock; mbx holds the session (api, cts, link) */
	struct mutex mbx_lock;
	struct srnic_mbx_vf mbx;
	bool pf_mac;			/* the PF assigned the MAC (admin MAC) */
	bool mac_user_set;		/* the guest chose its MAC (ndo) */
	u8 perm_addr[ETH_ALEN];		/* MAC from the last VF_RESET reply */
	struct srnic_vf_filters sent;	/* rx filters the PF has */
	unsigned long active_vlans[BITS_TO_LONGS(VLAN_N_VID)];
	bool resetting_logged;		/* "PF is resetting" said once */
	unsigned long next_reset;	/* jiffies: earliest next handshake */
	unsigned int reset_fails;	/* failed attempts in a row */
	unsigned long flr_start;	/* jiffies at reset_prepare */

	/* interrupts */
	char irq_name[SRNIC_VF_NUM_VECTORS][IFNAMSIZ + 16];
	unsigned long mbx_kick_at;	/* jiffies: rate limit of mailbox kicks */

	/* queues (port.max_qp is SRNIC_VF_MAX_QP) */
	u16 tx_stall[SRNIC_VF_MAX_QP];	/* next_to_clean seen by the watchdog */

	/* link and service */
	bool link_up;			/* carrier as we set it */
	bool tx_one_queue;		/* PF rate limit: transmit on queue 0 */
	bool tx_held;			/* queues stopped by srnic_vf_down() */
	unsigned long held_since;	/* jiffies when they were stopped */
	struct delayed_work service;

	/* statistics; port.stats_lock covers hw_stats */
	struct srnic_vf_hw_stats hw_stats;
	struct srnic_vf_sw_stats sw_stats;
};

static inline struct srnic_vf *srnic_netdev_to_vf(struct net_device *netdev)
{
	return container_of(srnic_netdev_to_port(netdev), struct srnic_vf, port);
}

/* register access through the port's window */
#define vf_rd(vf, reg)		srnic_rd32(&(vf)->hw, reg)
#define vf_wr(vf, reg, val)	srnic_wr32(&(vf)->hw, reg, val)

/* srnic_vf_main.c */
void srnic_vf_service_now(struct srnic_vf *vf);
void srnic_vf_update_hw_stats(struct srnic_vf *vf);
void srnic_vf_stats_baseline(struct srnic_vf *vf);

/* srnic_vf_netdev.c */
int srnic_vf_netdev_create(struct srnic_vf *vf);
void srnic_vf_netdev_destroy(struct srnic_vf *vf);
void srnic_vf_down(struct srnic_vf *vf);
int srnic_vf_up(struct srnic_vf *vf);
int srnic_vf_reinit_locked(struct srnic_vf *vf);
int srnic_vf_resize_locked(struct srnic_vf *vf, unsigned int num_qp,
			   u16 tx_count, u16 rx_count);
void srnic_vf_update_link(struct srnic_vf *vf);
void srnic_vf_irq_setup(struct srnic_vf *vf);
void srnic_vf_irq_release(struct srnic_vf *vf);
void srnic_vf_get_stats64(struct net_device *netdev,
			  struct rtnl_link_stats64 *stats);
void srnic_vf_sync_rx_mode(struct srnic_vf *vf);
irqreturn_t srnic_vf_queue_irq(int irq, void *data);
irqreturn_t srnic_vf_mbx_irq(int irq, void *data);

/* srnic_vf_mbx.c */
int srnic_vf_mbx_reset(struct srnic_vf *vf);
int srnic_vf_mbx_first_reset(struct srnic_vf *vf);
void srnic_vf_mbx_poll(struct srnic_vf *vf);
int srnic_vf_mbx_set_mac(struct srnic_vf *vf, const u8 *mac);
int srnic_vf_mbx_set_vlan(struct srnic_vf *vf, u16 vid, bool add);
int srnic_vf_mbx_set_lpe(struct srnic_vf *vf, unsigned int mtu);
int srnic_vf_mbx_set_filters(struct srnic_vf *vf,
			     const struct srnic_vf_filters *want, bool force);
int srnic_vf_mbx_restore(struct srnic_vf *vf);
bool srnic_vf_link_ok_locked(struct srnic_vf *vf);

/* srnic_vf_ethtool.c */
extern const struct ethtool_ops srnic_vf_ethtool_ops;

#endif /* _SRNIC_VF_H_ */
