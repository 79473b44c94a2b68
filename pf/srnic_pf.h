/* SPDX-License-Identifier: GPL-2.0 */
/*
 * srnic_pf: private state of the 82576 physical function driver.
 *
 * Contexts and locks:
 *   rtnl        - netdev configuration, ndo_set_vf_*, VF count changes
 *                 (srnic_pf_set_num_vfs()), srnic_pf_mac_setup() and the
 *                 MAC reset (srnic_pf_reset_locked()).
 *   sw_lock     - spinlock: the switch model, the policy, every VF mailbox
 *                 access, the mailbox deferral and health report state.
 *                 The misc interrupt serves the mailbox in hard irq context
 *                 (request_irq(), no thread) under plain spin_lock();
 *                 process context takes it with spin_lock_irq(), the
 *                 netdev watchdog timer (ndo_tx_timeout) with irqsave.
 *                 Taken after rtnl and after the netdev address lock
 *                 (ndo_set_rx_mode); nothing under it sleeps.
 *   stats_lock  - spinlock, irqsave: the MAC and per-VF hardware counters
 *                 and vf_stats. Never nested with sw_lock.
 *
 * Work items (system_wq, process context): the watchdog (link, counters,
 * spoof events, and a mailbox scan in case an interrupt was lost), the
 * reset task (takes rtnl), mbx_defer (serves VFs whose flood penalty is
 * over) and health_work (devlink health reports, which may sleep).
 * SRNIC_PF_RESETTING keeps the interrupt handlers, the watchdog and the
 * counter readers off the registers while the MAC resets.
 */
#ifndef _SRNIC_PF_H_
#define _SRNIC_PF_H_

#include <linux/bitfield.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/workqueue.h>
#include <linux/spinlock.h>
#include <linux/if_vlan.h>
#include <linux/ethtool.h>

#include "srnic_compat.h"
#include "srnic_hw.h"
#include "srnic_regs.h"
#include "srnic_txrx.h"
#include "srnic_port.h"
#include "srnic_pf_switch.h"
#include "srnic_pf_policy.h"

struct devlink_health_reporter;

#define SRNIC_PF_DRV_NAME	"srnic_pf"
/*
 * RSS queue pairs without VFs. With VFs the emulated and the real 82576
 * leave the PF interrupt causes 0..3 only, so queues + misc fit in four.
 */
#define SRNIC_PF_MAX_QP		3
#define SRNIC_PF_WATCHDOG	(2 * HZ)
/*
 * The misc vector (link, mailbox) at most every 122 us (about 8000/s; the
 * EITR interval counts 0.25 us on the 82576, ~1 us under QEMU): a VF that
 * writes its mailbox in a loop cannot make the PF take more interrupts.
 */
#define SRNIC_PF_MISC_EITR	488

enum srnic_pf_irq_mode {
	SRNIC_IRQ_MSIX,
	SRNIC_IRQ_MSI,
	SRNIC_IRQ_INTX,
};

/* bits in srnic_pf::state */
enum srnic_pf_state {
	SRNIC_PF_DOWN,		/* queues not running */
	SRNIC_PF_RESETTING,	/* reset task owns the device */
	SRNIC_PF_REMOVING,	/* pci remove in progress */
	SRNIC_PF_GONE,		/* surprise removal seen */
	SRNIC_PF_NBITS,
};

/* Hardware MAC counters, accumulated from the clear-on-read registers. */
struct srnic_pf_hw_stats {
	u64 crcerrs;
	u64 algnerrc;
	u64 symerrs;
	u64 rxerrc;
	u64 mpc;
	u64 colc;
	u64 latecol;
	u64 dc;
	u64 rlec;
	u64 xonrxc;
	u64 xontxc;
	u64 xoffrxc;
	u64 xofftxc;
	u64 gprc;
	u64 bprc;
	u64 mprc;
	u64 gptc;
	u64 gorc;
	u64 gotc;
	u64 rnbc;
	u64 ruc;
	u64 rfc;
	u64 roc;
	u64 rjc;
	u64 tpr;
	u64 tpt;
	u64 mptc;
	u64 bptc;
	u64 tsctc;
};

/* the per-pool counters of one VF */
struct srnic_pf_vf_stats {
	struct srnic_port_ctr gprc;
	struct srnic_port_ctr gptc;
	struct srnic_port_ctr gorc;
	struct srnic_port_ctr gotc;
	struct srnic_port_ctr mprc;
};

/*
 * What the "mailbox" devlink health reporter keeps per VF (sw_lock): the
 * last SRNIC_PF_MBX_LOG offending messages (refused by policy, or the last
 * one served before the VF went over its work budget) and the flood
 * episodes. An episode starts when the VF goes over budget and ends once
 * it stayed within it for SRNIC_PF_FLOOD_QUIET_MS; it is reported once.
 */
#define SRNIC_PF_MBX_LOG	8
#define SRNIC_PF_FLOOD_QUIET_MS	5000

struct srnic_pf_mbx_ent {
	u32 ms;				/* jiffies_to_msecs() when seen */
	u8 rule;			/* enum srnic_pol_rule */
	s16 err;			/* the refusal's errno, 0 for a flood */
	u32 msg[SRNIC_MBX_WORDS];
};

struct srnic_pf_mbx_log {
	struct srnic_pf_mbx_ent ent[SRNIC_PF_MBX_LOG];
	u32 count;			/* entries ever logged */
	u32 last[SRNIC_MBX_WORDS];	/* the last message read */
	u32 last_over_ms;		/* last time over budget */
	bool in_episode;
	u64 episodes;
};

struct srnic_pf {
	/* first: hw, the MMIO accessors; netdev, pdev, queues, msg_enable */
	srnic_port_group(port);
	struct devlink *devlink;
	unsigned long state[BITS_TO_LONGS(SRNIC_PF_NBITS)];

	/* identity from the NVM */
	u8 perm_addr[ETH_ALEN];
	u16 nvm_version;
	unsigned int nvm_words;		/* NVM size announced by EECD */
	u16 nvm_image_id;
	char pba[16];
	u64 serial;

	/* interrupts */
	enum srnic_pf_irq_mode irq_mode;
	unsigned int num_vectors;	/* allocated (MSI-X: qp + misc) */
	unsigned int misc_vector;	/* MSI-X entry of the link/misc cause */
	u32 eims_misc;
	u32 eims_queues;
	u64 misc_irqs;			/* misc interrupts taken */
	char misc_name[IFNAMSIZ + 16];

	/* SR-IOV: sw_lock covers the switch model, the policy, the mailbox */
	unsigned int num_vfs;		/* VFs enabled; also the PF's pool */
	spinlock_t sw_lock;
	struct srnic_sw sw;
	struct srnic_pol pol;
	struct srnic_pf_vf_stats *vf_stats;	/* [num_vfs], stats_lock */
	unsigned long active_vlans[BITS_TO_LONGS(VLAN_N_VID)];
	bool pfrstd_pending;		/* MAC reset, VFs not yet told */
	unsigned long mbx_deferred;	/* VFs over budget, sw_lock */
	struct delayed_work mbx_defer;	/* serves them after the penalty */

	/* devlink health (srnic_pf_devlink.c); the flags under sw_lock */
	struct devlink_health_reporter *mbx_reporter;
	struct devlink_health_reporter *tx_reporter;
	struct delayed_work health_work;
	bool health_on;			/* reporters live, work may queue */
	unsigned long mbx_report;	/* VFs whose episode is unreported */
	bool tx_report;			/* a TX timeout is unreported */
	unsigned int tx_report_q;
	struct srnic_pf_mbx_log mbx_log[SRNIC_MAX_VFS];

	/* RSS without VFs; port.max_qp is limited by the vectors */
	u32 rss_key[SRNIC_RSSRK_NUM];

	/* link */
	bool link_up;
	u16 link_speed;			/* Mbps */
	u8 link_duplex;
	u32 ledctl_saved;		/* LED modes before ethtool -p, RTNL */
	struct delayed_work watchdog;
	struct work_struct reset_task;
	u64 tx_timeouts;

	/* statistics, port.stats_lock: these and their reads */
	struct srnic_pf_hw_stats hw_stats;
};

static inline struct srnic_pf *srnic_netdev_to_pf(struct net_device *netdev)
{
	return container_of(srnic_netdev_to_port(netdev), struct srnic_pf, port);
}

/* register access through the port's window */
#define pf_rd(pf, reg)		srnic_rd32(&(pf)->hw, reg)
#define pf_wr(pf, reg, val)	srnic_wr32(&(pf)->hw, reg, val)

/* srnic_pf_hw.c */
int srnic_pf_hw_reset(struct srnic_pf *pf);
int srnic_pf_nvm_read(struct srnic_pf *pf, u16 word, u16 *data);
int srnic_pf_nvm_validate(struct srnic_pf *pf);
int srnic_pf_read_identity(struct srnic_pf *pf);
int srnic_pf_phy_read(struct srnic_pf *pf, u32 reg, u16 *val);
int srnic_pf_phy_write(struct srnic_pf *pf, u32 reg, u16 val);
int srnic_pf_phy_init(struct srnic_pf *pf);
void srnic_pf_update_hw_stats(struct srnic_pf *pf);
bool srnic_pf_check_link(struct srnic_pf *pf);

/* srnic_pf_netdev.c */
int srnic_pf_netdev_create(struct srnic_pf *pf);
void srnic_pf_netdev_unregister(struct srnic_pf *pf);
void srnic_pf_netdev_free(struct srnic_pf *pf);
int srnic_pf_open(struct net_device *netdev);
int srnic_pf_close(struct net_device *netdev);
void srnic_pf_reinit_locked(struct srnic_pf *pf);
void srnic_pf_get_stats64(struct net_device *netdev,
			  struct rtnl_link_stats64 *stats);
void srnic_pf_update_link(struct srnic_pf *pf);

void srnic_pf_mac_setup(struct srnic_pf *pf);

/* srnic_pf_main.c */
void srnic_pf_irq_enable_misc(struct srnic_pf *pf);
void srnic_pf_reset_locked(struct srnic_pf *pf);
void srnic_pf_watchdog_kick(struct srnic_pf *pf, unsigned long delay);

/* srnic_pf_sriov.c */
void srnic_pf_setup_vmdq(struct srnic_pf *pf);
void srnic_pf_set_num_vfs(struct srnic_pf *pf, unsigned int num_vfs,
			  struct srnic_pf_vf_stats *stats);
void srnic_pf_sw_flush(struct srnic_pf *pf);
void srnic_pf_mbx_service(struct srnic_pf *pf);
void srnic_pf_mbx_service_locked(struct srnic_pf *pf);
void srnic_pf_mbx_defer_work(struct work_struct *work);
void srnic_pf_sriov_link_change(struct srnic_pf *pf);
void srnic_pf_sriov_reset_prepare(struct srnic_pf *pf);
void srnic_pf_update_vf_stats(struct srnic_pf *pf);
void srnic_pf_check_spoof(struct srnic_pf *pf);
void srnic_pf_vf_stats_baseline(struct srnic_pf *pf);
int srnic_pf_sriov_configure(struct pci_dev *pdev, int num_vfs);
int srnic_pf_sriov_disable(struct srnic_pf *pf);
int srnic_pf_set_vf_mac(struct net_device *netdev, int vf, u8 *mac);
int srnic_pf_set_vf_vlan(struct net_device *netdev, int vf, u16 vlan, u8 qos,
			 __be16 proto);
int srnic_pf_set_vf_rate(struct net_device *netdev, int vf, int min_rate,
			 int max_rate);
int srnic_pf_set_vf_spoofchk(struct net_device *netdev, int vf, bool on);
int srnic_pf_set_vf_trust(struct net_device *netdev, int vf, bool on);
int srnic_pf_set_vf_link_state(struct net_device *netdev, int vf, int state);
int srnic_pf_get_vf_config(struct net_device *netdev, int vf,
			   struct ifla_vf_info *ivi);
int srnic_pf_get_vf_stats(struct net_device *netdev, int vf,
			  struct ifla_vf_stats *vs);

/* srnic_pf_ethtool.c */
extern const struct ethtool_ops srnic_pf_ethtool_ops;

/* srnic_pf_devlink.c */
struct srnic_pf *srnic_pf_devlink_alloc(struct pci_dev *pdev);
void srnic_pf_devlink_register(struct srnic_pf *pf);
void srnic_pf_devlink_unregister(struct srnic_pf *pf);
void srnic_pf_devlink_free(struct srnic_pf *pf);
void srnic_pf_health_mbx_msg(struct srnic_pf *pf, unsigned int vf,
			     const u32 *msg, u8 rule, int err, u32 now);
void srnic_pf_health_mbx_over(struct srnic_pf *pf, unsigned int vf, u32 now);
void srnic_pf_health_tx_timeout(struct srnic_pf *pf, unsigned int txq);

#endif /* _SRNIC_PF_H_ */
