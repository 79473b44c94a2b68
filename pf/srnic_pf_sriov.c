// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_pf: SR-IOV. Enabling VFs, the mailbox server and the per-VF admin
 * policy (ndo_set_vf_*). The decisions are made by the pure policy and
 * switch models (srnic_pf_policy.c, srnic_pf_switch.c); this file moves
 * words between them and the hardware.
 *
 * Locking: pf->sw_lock covers the switch model, the policy and every
 * access to a VF mailbox. The mailbox is served in hard interrupt context
 * (the misc vector) so that a VF driver spinning on its mailbox with
 * preemption off, on the same CPU, still gets its answer; everything else
 * takes the lock with interrupts off.
 */
#include <linux/err.h>
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>

#include "srnic_pf.h"
#include "srnic_mbx.h"

static void srnic_pf_sw_write(void *ctx, u32 reg, u32 val)
{
	srnic_wr32(ctx, reg, val);
}

/**
 * srnic_pf_sw_flush - write what the switch model changed to the hardware
 * @pf: the PF
 *
 * Context: sw_lock held.
 */
void srnic_pf_sw_flush(struct srnic_pf *pf)
{
	lockdep_assert_held(&pf->sw_lock);
	srnic_sw_flush(&pf->sw, srnic_pf_sw_write, &pf->hw);
}

static u32 srnic_pf_now_ms(void)
{
	return jiffies_to_msecs(jiffies);
}

/*
 * IVAR0[vf] routes the causes of queues vf and vf + 8, both the VF's. A VF
 * maps them to its own vectors after every VF_RESET handshake; whatever a
 * previous driver or the PF's own queue layout before SR-IOV left there
 * must not survive into the new mapping. (The emulated 82576 merges a VF's
 * VTIVAR write into these entries instead of replacing them: a stale
 * entry there sends the VF's RX interrupt to its mailbox vector.)
 */
static void srnic_pf_vf_ivar_reset(struct srnic_pf *pf, unsigned int vf)
{
	srnic_wr32(&pf->hw, SRNIC_IVAR0(vf), 0);
}

static void srnic_pf_mbx_rcv(struct srnic_pf *pf, unsigned int vf, u32 now)
{
	struct srnic_pol_result res;
	u32 msg[SRNIC_MBX_WORDS];
	unsigned int tries, waits;
	int err;

	/* a VF sitting on VFU pays for the busy-wait out of its budget */
	tries = srnic_pol_ev_units(&pf->pol, vf, now);
	err = srnic_mbx_pf_lock_tries(&pf->hw, vf, tries, &waits);
	srnic_pol_ev_charge(&pf->pol, vf, SRNIC_POL_EV_REQ + waits);
	if (err) {
		dev_warn_ratelimited(&pf->pdev->dev,
				     "VF %u holds its mailbox, message dropped\n",
				     vf);
		return;
	}
	srnic_mbx_pf_read(&pf->hw, vf, msg, SRNIC_MBX_WORDS);
	srnic_mbx_pf_ack_hold(&pf->hw, vf);
	/* the VF programs its interrupts only once it has the reply */
	if (srnic_mbx_msgid(msg[0]) == SRNIC_MBX_VF_RESET)
		srnic_pf_vf_ivar_reset(pf, vf);
	srnic_pol_handle_msg(&pf->pol, vf, msg, now, &res);
	srnic_pf_health_mbx_msg(pf, vf, msg, res.rule, res.err, now);
	/* program the switch before the VF learns the outcome */
	srnic_pf_sw_flush(pf);
	if (res.reply_len)
		srnic_mbx_pf_post(&pf->hw, vf, res.reply, res.reply_len);
	else
		srnic_mbx_pf_unlock(&pf->hw, vf);
	if (res.err && res.report)
		dev_warn_ratelimited(&pf->pdev->dev,
				     "VF %u: %s (0x%08x) refused by policy %s: %pe\n",
				     vf, srnic_pol_msg_name(msg[0]), msg[0],
				     srnic_pol_rule_name(res.rule),
				     ERR_PTR(res.err));
}

/*
 * VF @vf is over its work budget: leave its events pending, mask it in
 * MBVFIMR (silicon then stops interrupting for it; QEMU ignores the mask,
 * so the budget check alone bounds the work there) and serve it from
 * mbx_defer once the penalty is over.
 */
static void srnic_pf_mbx_defer(struct srnic_pf *pf, unsigned int vf,
			       bool report, u32 now)
{
	u32 ms = srnic_pol_ev_resume_ms(&pf->pol, vf);

	if (report) {
		srnic_pf_health_mbx_over(pf, vf, now);
		dev_warn_ratelimited(&pf->pdev->dev,
				     "VF %u: mailbox events deferred %u ms by policy %s\n",
				     vf, ms,
				     srnic_pol_rule_name(SRNIC_POL_THROTTLED));
	}
	if (pf->mbx_deferred & BIT(vf))
		return;
	pf->mbx_deferred |= BIT(vf);
	srnic_wr32(&pf->hw, SRNIC_MBVFIMR,
		   GENMASK(pf->num_vfs - 1, 0) & ~pf->mbx_deferred);
	if (!test_bit(SRNIC_PF_REMOVING, pf->state))
		mod_delayed_work(system_wq, &pf->mbx_defer,
				 msecs_to_jiffies(ms) + 1);
}

/*
 * Serve one VF's pending reset, request and ack events, within the VF's
 * work budget: each event, and each PFU busy-wait step, is charged; once
 * the budget is spent the rest waits (srnic_pf_mbx_defer()).
 */
static void srnic_pf_mbx_service_vf(struct srnic_pf *pf, unsigned int vf,
				    u32 now)
{
	bool report = false;
	u32 w;

	lockdep_assert_held(&pf->sw_lock);
	if (pf->mbx_deferred & BIT(vf))
		return;
	if (!srnic_pol_ev_may_serve(&pf->pol, vf, now, &report))
		goto defer;
	if (srnic_mbx_pf_test_and_clear_vflr(&pf->hw, vf)) {
		srnic_pol_ev_charge(&pf->pol, vf, SRNIC_POL_EV_VFLR);
		srnic_pol_vf_flr(&pf->pol, vf);
		srnic_pf_sw_flush(pf);
		if (!srnic_pol_ev_may_serve(&pf->pol, vf, now, &report))
			goto defer;
	}
	if (srnic_mbx_pf_test_and_clear_req(&pf->hw, vf)) {
		srnic_pf_mbx_rcv(pf, vf, now);
		if (!srnic_pol_ev_may_serve(&pf->pol, vf, now, &report))
			goto defer;
	}
	if (srnic_mbx_pf_test_and_clear_ack(&pf->hw, vf)) {
		srnic_pol_ev_charge(&pf->pol, vf, SRNIC_POL_EV_ACK);
		if (srnic_pol_vf_ack(&pf->pol, vf, now, &w)) {
			srnic_pol_ev_charge(&pf->pol, vf,
					    SRNIC_MBX_PF_LOCK_TRIES);
			srnic_mbx_pf_send(&pf->hw, vf, &w, 1);
		}
	}
	return;
defer:
	srnic_pf_mbx_defer(pf, vf, report, now);
}

/**
 * srnic_pf_mbx_defer_work - serve the VFs whose penalty is over
 * @work: pf->mbx_defer
 *
 * Re-enables each such VF in MBVFIMR and serves what it left pending; a
 * VF still over budget waits again.
 */
void srnic_pf_mbx_defer_work(struct work_struct *work)
{
	struct srnic_pf *pf = container_of(to_delayed_work(work),
					   struct srnic_pf, mbx_defer);
	u32 now = srnic_pf_now_ms();
	unsigned long pending;
	unsigned int vf;

	spin_lock_irq(&pf->sw_lock);
	/* a MAC reset owns the registers; it replays everything after */
	if (test_bit(SRNIC_PF_RESETTING, pf->state)) {
		if (!test_bit(SRNIC_PF_REMOVING, pf->state))
			mod_delayed_work(system_wq, &pf->mbx_defer, HZ / 10);
		goto out;
	}
	pending = pf->mbx_deferred;
	pf->mbx_deferred = 0;
	for_each_set_bit(vf, &pending, pf->num_vfs)
		srnic_pf_mbx_service_vf(pf, vf, now);
	srnic_wr32(&pf->hw, SRNIC_MBVFIMR,
		   pf->num_vfs ? GENMASK(pf->num_vfs - 1, 0) & ~pf->mbx_deferred :
		   0);
out:
	spin_unlock_irq(&pf->sw_lock);
}

/* A VF that posts again every time the PF is about to send is flooding */
#define SRNIC_PF_SEND_TRIES	3

/*
 * Send an unsolicited word to a VF: the ping word of the moment if @ping,
 * else @w. The mailbox buffer holds one message, so a request the VF
 * posted is served first; srnic_mbx_pf_send() backs off when one arrived
 * after that, and it is served and the send tried again. The ping is
 * recomputed each time: the request served may have been VF_RESET.
 */
static void srnic_pf_vf_send(struct srnic_pf *pf, unsigned int vf, bool ping,
			     u32 w)
{
	unsigned int i;

	lockdep_assert_held(&pf->sw_lock);
	for (i = 0; i < SRNIC_PF_SEND_TRIES; i++) {
		srnic_pf_mbx_service_vf(pf, vf, srnic_pf_now_ms());
		if (ping)
			w = srnic_pol_ping(&pf->pol, vf);
		if (srnic_mbx_pf_send(&pf->hw, vf, &w, 1) != -EAGAIN)
			return;
	}
	dev_warn_ratelimited(&pf->pdev->dev,
			     "VF %u keeps its mailbox busy, PF message 0x%08x dropped by policy mailbox-flood\n",
			     vf, w);
}

/* Tell every VF about a PF event (link change, reset). */
static void srnic_pf_ping_vfs(struct srnic_pf *pf)
{
	unsigned int vf;

	lockdep_assert_held(&pf->sw_lock);
	for (vf = 0; vf < pf->num_vfs; vf++)
		srnic_pf_vf_send(pf, vf, true, 0);
}

/**
 * srnic_pf_mbx_service_locked - serve VF resets, requests and acks
 * @pf: the PF
 *
 * Context: sw_lock held with interrupts off (the misc interrupt handler).
 */
void srnic_pf_mbx_service_locked(struct srnic_pf *pf)
{
	u32 now = srnic_pf_now_ms();
	unsigned int vf;

	lockdep_assert_held(&pf->sw_lock);
	for (vf = 0; vf < pf->num_vfs; vf++)
		srnic_pf_mbx_service_vf(pf, vf, now);
}

/**
 * srnic_pf_mbx_service - serve VF mailbox events from process context
 * @pf: the PF
 *
 * Context: process context (the watchdog's catch-up for a lost interrupt).
 */
void srnic_pf_mbx_service(struct srnic_pf *pf)
{
	spin_lock_irq(&pf->sw_lock);
	srnic_pf_mbx_service_locked(pf);
	spin_unlock_irq(&pf->sw_lock);
}

/**
 * srnic_pf_sriov_link_change - report a PF link change to the VFs
 * @pf: the PF
 *
 * Re-encodes the rate limiters for the new speed and pings every VF.
 */
void srnic_pf_sriov_link_change(struct srnic_pf *pf)
{
	spin_lock_irq(&pf->sw_lock);
	srnic_pol_set_link(&pf->pol, pf->link_up, pf->link_speed);
	srnic_pf_sw_flush(pf);
	srnic_pf_ping_vfs(pf);
	spin_unlock_irq(&pf->sw_lock);
}

/**
 * srnic_pf_sriov_reset_prepare - the MAC is about to be reset
 * @pf: the PF
 *
 * VFs lose CTS and are told; the switch is marked for a full replay.
 */
void srnic_pf_sriov_reset_prepare(struct srnic_pf *pf)
{
	spin_lock_irq(&pf->sw_lock);
	srnic_pol_pf_reset(&pf->pol);
	srnic_pf_ping_vfs(pf);
	spin_unlock_irq(&pf->sw_lock);
}

/**
 * srnic_pf_check_spoof - report VFs whose forged frames the MAC dropped
 * @pf: the PF
 *
 * WVBR has one bit per queue; VF n owns queues n and n + 8.
 */
void srnic_pf_check_spoof(struct srnic_pf *pf)
{
	u32 wvbr = srnic_rd32(&pf->hw, SRNIC_WVBR);
	unsigned int vf;

	if (!wvbr || wvbr == ~0U)
		return;
	for (vf = 0; vf < pf->num_vfs; vf++)
		if (wvbr & (BIT(vf) | BIT(vf + 8)))
			dev_warn_ratelimited(&pf->pdev->dev,
					     "VF %u sent frames with a forged source MAC or VLAN; dropped by policy spoofchk\n",
					     vf);
}

/* ---- per-VF statistics ------------------------------------------------- */

static void srnic_pf_vf_ctr(struct srnic_pf *pf, struct srnic_port_ctr *c,
			    u32 reg)
{
	srnic_port_ctr_fold(c, srnic_rd32(&pf->hw, reg));
}

/**
 * srnic_pf_update_vf_stats - fold the per-pool counters into 64-bit ones
 * @pf: the PF
 *
 * Context: takes stats_lock.
 */
void srnic_pf_update_vf_stats(struct srnic_pf *pf)
{
	struct srnic_pf_vf_stats *s;
	unsigned long flags;
	unsigned int vf;

	spin_lock_irqsave(&pf->stats_lock, flags);
	for (vf = 0; vf < pf->num_vfs && pf->vf_stats; vf++) {
		s = &pf->vf_stats[vf];
		srnic_pf_vf_ctr(pf, &s->gprc, SRNIC_PVFGPRC(vf));
		srnic_pf_vf_ctr(pf, &s->gptc, SRNIC_PVFGPTC(vf));
		srnic_pf_vf_ctr(pf, &s->gorc, SRNIC_PVFGORC(vf));
		srnic_pf_vf_ctr(pf, &s->gotc, SRNIC_PVFGOTC(vf));
		srnic_pf_vf_ctr(pf, &s->mprc, SRNIC_PVFMPRC(vf));
	}
	spin_unlock_irqrestore(&pf->stats_lock, flags);
}

/**
 * srnic_pf_vf_stats_baseline - start the per-VF counters from zero
 * @pf: the PF
 */
void srnic_pf_vf_stats_baseline(struct srnic_pf *pf)
{
	unsigned long flags;
	unsigned int vf;

	/* the counters do not clear on reset: start from what they hold */
	spin_lock_irqsave(&pf->stats_lock, flags);
	for (vf = 0; vf < pf->num_vfs && pf->vf_stats; vf++) {
		struct srnic_pf_vf_stats *s = &pf->vf_stats[vf];

		s->gprc.last = srnic_rd32(&pf->hw, SRNIC_PVFGPRC(vf));
		s->gptc.last = srnic_rd32(&pf->hw, SRNIC_PVFGPTC(vf));
		s->gorc.last = srnic_rd32(&pf->hw, SRNIC_PVFGORC(vf));
		s->gotc.last = srnic_rd32(&pf->hw, SRNIC_PVFGOTC(vf));
		s->mprc.last = srnic_rd32(&pf->hw, SRNIC_PVFMPRC(vf));
	}
	spin_unlock_irqrestore(&pf->stats_lock, flags);
}

/* ---- enabling and disabling VFs ----------------------------------------- */

/* The NIC switch: pools, replication, loopback, mailbox interrupts. */
void srnic_pf_setup_vmdq(struct srnic_pf *pf)
{
	u32 ctrl_ext;

	if (!pf->num_vfs) {
		pf_wr(pf, SRNIC_VT_CTL, 0);
		pf_wr(pf, SRNIC_MBVFIMR, 0);
		pf_wr(pf, SRNIC_QDE, 0);
		return;
	}
	pf_wr(pf, SRNIC_MRQC, SRNIC_MRQC_MODE_VMDQ);
	pf_wr(pf, SRNIC_VT_CTL, FIELD_PREP(SRNIC_VT_CTL_DEF_PL_MASK, pf->num_vfs) |
	      SRNIC_VT_CTL_REPL_EN);
	pf_wr(pf, SRNIC_DTXCTL, pf_rd(pf, SRNIC_DTXCTL) |
	      SRNIC_DTXCTL_VLAN_ADDED);
	pf_wr(pf, SRNIC_RPLOLR, SRNIC_RPLOLR_STRVLAN);
	/* a VF that posts no buffers must not stall the shared RX FIFO */
	pf_wr(pf, SRNIC_QDE, 0xFFFF);
	/* a VF serving a flood penalty stays masked (srnic_pf_mbx_defer) */
	pf_wr(pf, SRNIC_MBVFIMR, 0xFF & ~READ_ONCE(pf->mbx_deferred));
	pf_wr(pf, SRNIC_IMS, SRNIC_ICR_VMMB);
	/*
	 * Tell the VFs the PF is done resetting: clears RSTI, sets RSTD.
	 * Only after a real MAC reset; RSTD makes every VF redo its
	 * handshake, which a PF MTU change must not cost them.
	 */
	if (pf->pfrstd_pending) {
		ctrl_ext = pf_rd(pf, SRNIC_CTRL_EXT);
		pf_wr(pf, SRNIC_CTRL_EXT, ctrl_ext | SRNIC_CTRL_EXT_PFRSTD);
		pf->pfrstd_pending = false;
	}
}

/**
 * srnic_pf_set_num_vfs - switch the PF between plain and VMDq operation
 * @pf: the PF
 * @num_vfs: VFs about to be enabled, or 0 after they were disabled
 * @stats: per-VF counters for @num_vfs VFs (NULL for none)
 *
 * The PF moves its queue to its pool (num_vfs) and the switch model
 * starts over with the PF's own VPort.
 *
 * Context: rtnl held.
 */
void srnic_pf_set_num_vfs(struct srnic_pf *pf, unsigned int num_vfs,
			  struct srnic_pf_vf_stats *stats)
{
	struct net_device *netdev = pf->netdev;
	bool running = netif_running(netdev);
	unsigned long flags;
	unsigned int i;

	ASSERT_RTNL();
	if (running)
		srnic_pf_close(netdev);

	spin_lock_irq(&pf->sw_lock);
	pf->num_vfs = num_vfs;
	pf->mbx_deferred = 0;
	/* the health log speaks of VFs that are gone; their counters go too */
	memset(pf->mbx_log, 0, sizeof(pf->mbx_log));
	srnic_sw_init(&pf->sw, num_vfs);
	srnic_pol_init(&pf->pol, &pf->sw, num_vfs, jiffies_to_msecs(jiffies));
	srnic_pol_set_link(&pf->pol, pf->link_up, pf->link_speed);
	spin_unlock_irq(&pf->sw_lock);

	/* nothing is deferred any more, and no VF is left to defer */
	if (!num_vfs)
		cancel_delayed_work_sync(&pf->mbx_defer);

	spin_lock_irqsave(&pf->stats_lock, flags);
	pf->vf_stats = stats;
	spin_unlock_irqrestore(&pf->stats_lock, flags);
	if (stats)
		srnic_pf_vf_stats_baseline(pf);

	/*
	 * VFs own queues 0..num_vfs-1 and 8..: the PF keeps its pool's. The
	 * PF's interrupt routing of its old queues goes, or the queues'
	 * next owner (a VF) inherits the PF's vectors. No VF is enabled
	 * here: they come after, or went before.
	 */
	for (i = 0; i < SRNIC_IVAR0_NUM; i++)
		pf_wr(pf, SRNIC_IVAR0(i), 0);
	pf->num_qp = num_vfs ? 1 : pf->max_qp;
	if (!num_vfs)
		pf_wr(pf, SRNIC_IOVCTL, SRNIC_IOVCTL_REUSE_VFQ);
	srnic_pf_mac_setup(pf);
	if (running && srnic_pf_open(netdev))
		dev_close(netdev);
}

static int srnic_pf_sriov_enable(struct srnic_pf *pf, unsigned int num_vfs)
{
	struct net_device *netdev = pf->netdev;
	struct srnic_pf_vf_stats *stats;
	int err;

	stats = kcalloc(num_vfs, sizeof(*stats), GFP_KERNEL);
	if (!stats)
		return -ENOMEM;

	rtnl_lock();
	srnic_pf_set_num_vfs(pf, num_vfs, stats);
	rtnl_unlock();

	/* the mailbox interrupt is live before any VF can send VF_RESET */
	err = pci_enable_sriov(pf->pdev, num_vfs);
	if (err) {
		netdev_err(netdev, "cannot enable %u VFs: %d\n", num_vfs, err);
		rtnl_lock();
		srnic_pf_set_num_vfs(pf, 0, NULL);
		rtnl_unlock();
		kfree(stats);
		return err;
	}
	netdev_info(netdev, "%u VFs enabled\n", num_vfs);
	return num_vfs;
}

/**
 * srnic_pf_sriov_disable - disable every VF
 * @pf: the PF
 *
 * Return: 0, or -EPERM if a VF is assigned to a guest.
 */
int srnic_pf_sriov_disable(struct srnic_pf *pf)
{
	struct srnic_pf_vf_stats *stats;

	if (!pf->num_vfs)
		return 0;
	if (pci_vfs_assigned(pf->pdev)) {
		netdev_err(pf->netdev,
			   "cannot disable VFs while a VF is assigned to a guest\n");
		return -EPERM;
	}
	pci_disable_sriov(pf->pdev);
	stats = pf->vf_stats;
	rtnl_lock();
	srnic_pf_set_num_vfs(pf, 0, NULL);
	rtnl_unlock();
	kfree(stats);
	netdev_info(pf->netdev, "VFs disabled\n");
	return 0;
}

/**
 * srnic_pf_sriov_configure - sriov_numvfs handler
 * @pdev: the PF
 * @num_vfs: VFs wanted, 0 to disable
 *
 * Return: @num_vfs on success or a negative errno.
 */
int srnic_pf_sriov_configure(struct pci_dev *pdev, int num_vfs)
{
	struct srnic_pf *pf = pci_get_drvdata(pdev);

	if (test_bit(SRNIC_PF_GONE, pf->state))
		return -ENODEV;
	/* set by a PCI error recovery or reset under the same device lock */
	if (test_bit(SRNIC_PF_RESETTING, pf->state)) {
		pci_warn(pdev, "cannot change the number of VFs while the PF recovers from a PCI error or reset\n");
		return -EBUSY;
	}
	if (num_vfs == 0)
		return srnic_pf_sriov_disable(pf);
	if (num_vfs > SRNIC_MAX_VFS)
		return -ERANGE;
	if (pf->irq_mode != SRNIC_IRQ_MSIX) {
		netdev_err(pf->netdev, "SR-IOV needs MSI-X for the mailbox\n");
		return -EOPNOTSUPP;
	}
	if (pf->num_vfs) {
		netdev_err(pf->netdev,
			   "%u VFs are enabled; write 0 before changing the count\n",
			   pf->num_vfs);
		return -EBUSY;
	}
	return srnic_pf_sriov_enable(pf, num_vfs);
}

/* ---- ndo_set_vf_* ------------------------------------------------------- */

static int srnic_pf_vf_check(struct srnic_pf *pf, int vf)
{
	if (vf < 0 || vf >= pf->num_vfs)
		return -EINVAL;
	return 0;
}

/*
 * An admin change programs the switch and talks to the VF: not while a
 * PCI error recovery or reset owns the device (rtnl is not held between
 * its callbacks; the bit changes under rtnl, which the caller holds).
 */
static int srnic_pf_vf_check_set(struct srnic_pf *pf, int vf)
{
	int err = srnic_pf_vf_check(pf, vf);

	if (err)
		return err;
	if (test_bit(SRNIC_PF_RESETTING, pf->state)) {
		if (net_ratelimit())
			netdev_warn(pf->netdev,
				    "VF %d: admin change refused while the PF recovers from a PCI error or reset: %pe\n",
				    vf, ERR_PTR(-EBUSY));
		return -EBUSY;
	}
	return 0;
}

/*
 * Make an API 1.0 VF look at its mailbox. An igbvf-style driver reads the
 * PF's word only from its "other" (mailbox) interrupt or after it saw
 * RSTI/RSTD; where the mailbox interrupt is lost (QEMU routes it by the
 * VF's IVAR_MISC value as a bitmask, so igbvf's lands on its RX vector)
 * a kick would sit unread. CTRL_EXT.PFRSTD would make it look, but it
 * raises RSTD in every VF mailbox, and a VF that polls (srnic_vf) takes
 * RSTD for a PF reset and reinitialises: one admin change would disturb
 * every other VF. Instead fire this VF's own vectors through the PF's
 * mirror of its EICS. Whichever vector the VF's driver uses for the
 * mailbox runs (igbvf's "other" handler re-checks the link and reads the
 * word at once); an extra run of its queue vectors only polls empty
 * rings. No other VF sees anything. (An API 1.1 VF polls its mailbox and
 * needs no doorbell.) Where the mailbox interrupt is routed right it is
 * redundant and costs the VF one spurious interrupt per admin change.
 */
static void srnic_pf_vf_doorbell(struct srnic_pf *pf, unsigned int vf)
{
	srnic_wr32(&pf->hw, SRNIC_PVTEICS(vf), SRNIC_PVTEICS_ALL);
}

/* Carry out what an admin change asks for a running VF. */
static void srnic_pf_vf_act(struct srnic_pf *pf, unsigned int vf, int act)
{
	bool legacy = srnic_pol_vf_state(&pf->pol, vf)->api <
		      SRNIC_MBX_API_1_1;
	u32 w;

	srnic_pf_sw_flush(pf);
	if (act != SRNIC_POL_ACT_RESET && act != SRNIC_POL_ACT_PING)
		return;
	/* a request the VF posted before the change is answered first */
	srnic_pf_mbx_service_vf(pf, vf, srnic_pf_now_ms());
	if (act == SRNIC_POL_ACT_RESET) {
		w = srnic_pol_kick(&pf->pol, vf, srnic_pf_now_ms());
		srnic_pf_sw_flush(pf);	/* the kick closed the VF's pool */
		srnic_pf_vf_send(pf, vf, false, w);
	} else {
		srnic_pf_vf_send(pf, vf, true, 0);
	}
	if (legacy)
		srnic_pf_vf_doorbell(pf, vf);
}

static int srnic_pf_vf_apply(struct srnic_pf *pf, int vf, int ret)
{
	if (ret < 0)
		return ret;
	srnic_pf_vf_act(pf, vf, ret);
	return 0;
}

int srnic_pf_set_vf_mac(struct net_device *netdev, int vf, u8 *mac)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	int err;

	err = srnic_pf_vf_check_set(pf, vf);
	if (err)
		return err;
	if (!is_zero_ether_addr(mac) && !is_valid_ether_addr(mac))
		return -EINVAL;
	spin_lock_irq(&pf->sw_lock);
	err = srnic_pf_vf_apply(pf, vf, srnic_pol_set_vf_mac(&pf->pol, vf, mac));
	spin_unlock_irq(&pf->sw_lock);
	if (err == -EADDRINUSE)
		netdev_err(netdev, "VF %d: %pM is in use by another port\n",
			   vf, mac);
	else if (!err && !is_zero_ether_addr(mac))
		netdev_info(netdev, "VF %d: MAC set to %pM\n", vf, mac);
	return err;
}

int srnic_pf_set_vf_vlan(struct net_device *netdev, int vf, u16 vlan, u8 qos,
			 __be16 proto)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	int err;

	err = srnic_pf_vf_check_set(pf, vf);
	if (err)
		return err;
	if (proto != htons(ETH_P_8021Q))
		return -EPROTONOSUPPORT;
	if (vlan >= VLAN_N_VID - 1 || qos > 7)
		return -EINVAL;
	spin_lock_irq(&pf->sw_lock);
	err = srnic_pf_vf_apply(pf, vf,
				srnic_pol_set_vf_vlan(&pf->pol, vf, vlan, qos));
	spin_unlock_irq(&pf->sw_lock);
	if (err == -ENOSPC)
		netdev_err(netdev, "VF %d: no VLAN filter entry left for VLAN %u\n",
			   vf, vlan);
	return err;
}

int srnic_pf_set_vf_rate(struct net_device *netdev, int vf, int min_rate,
			 int max_rate)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	int err;

	err = srnic_pf_vf_check_set(pf, vf);
	if (err)
		return err;
	if (min_rate < 0 || max_rate < 0)
		return -EINVAL;
	spin_lock_irq(&pf->sw_lock);
	err = srnic_pf_vf_apply(pf, vf,
				srnic_pol_set_vf_rate(&pf->pol, vf, min_rate,
						      max_rate));
	spin_unlock_irq(&pf->sw_lock);
	if (err == -EOPNOTSUPP)
		netdev_err(netdev, "VF %d: the 82576 has no minimum TX rate\n",
			   vf);
	return err;
}

int srnic_pf_set_vf_spoofchk(struct net_device *netdev, int vf, bool on)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	int err;

	err = srnic_pf_vf_check_set(pf, vf);
	if (err)
		return err;
	spin_lock_irq(&pf->sw_lock);
	err = srnic_pf_vf_apply(pf, vf,
				srnic_pol_set_vf_spoofchk(&pf->pol, vf, on));
	spin_unlock_irq(&pf->sw_lock);
	return err;
}

int srnic_pf_set_vf_trust(struct net_device *netdev, int vf, bool on)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	int err;

	err = srnic_pf_vf_check_set(pf, vf);
	if (err)
		return err;
	spin_lock_irq(&pf->sw_lock);
	err = srnic_pf_vf_apply(pf, vf,
				srnic_pol_set_vf_trust(&pf->pol, vf, on));
	/* the VF lost its address: program that and make it reset */
	if (err == -EADDRINUSE)
		srnic_pf_vf_act(pf, vf, SRNIC_POL_ACT_RESET);
	spin_unlock_irq(&pf->sw_lock);
	if (err == -EADDRINUSE)
		netdev_err(netdev, "VF %d: trust off: its admin MAC is taken, the VF has no address\n",
			   vf);
	return err;
}

int srnic_pf_set_vf_link_state(struct net_device *netdev, int vf, int state)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	int err;

	err = srnic_pf_vf_check_set(pf, vf);
	if (err)
		return err;
	switch (state) {
	case IFLA_VF_LINK_STATE_AUTO:
	case IFLA_VF_LINK_STATE_ENABLE:
	case IFLA_VF_LINK_STATE_DISABLE:
		break;
	default:
		return -EINVAL;
	}
	spin_lock_irq(&pf->sw_lock);
	err = srnic_pf_vf_apply(pf, vf,
				srnic_pol_set_vf_link_state(&pf->pol, vf,
							    state));
	spin_unlock_irq(&pf->sw_lock);
	return err;
}

int srnic_pf_get_vf_config(struct net_device *netdev, int vf,
			   struct ifla_vf_info *ivi)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	const struct srnic_pol_vf *v;
	int err;

	err = srnic_pf_vf_check(pf, vf);
	if (err)
		return err;
	spin_lock_irq(&pf->sw_lock);
	v = srnic_pol_vf_state(&pf->pol, vf);
	ivi->vf = vf;
	/* what the hardware filters: a trusted VF may have moved away */
	ether_addr_copy(ivi->mac, is_zero_ether_addr(v->mac) ?
			v->admin.mac : v->mac);
	ivi->vlan = v->admin.vlan;
	ivi->qos = v->admin.qos;
	ivi->vlan_proto = htons(ETH_P_8021Q);
	ivi->max_tx_rate = v->admin.max_tx_rate;
	ivi->min_tx_rate = 0;
	ivi->spoofchk = v->admin.spoofchk;
	ivi->trusted = v->admin.trusted;
	ivi->linkstate = v->admin.link_state;
	spin_unlock_irq(&pf->sw_lock);
	return 0;
}

int srnic_pf_get_vf_stats(struct net_device *netdev, int vf,
			  struct ifla_vf_stats *vs)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	struct srnic_pf_vf_stats *s;
	unsigned long flags;
	int err;

	err = srnic_pf_vf_check(pf, vf);
	if (err)
		return err;
	/* during a PCI recovery the counters read so far are reported */
	if (!test_bit(SRNIC_PF_RESETTING, pf->state))
		srnic_pf_update_vf_stats(pf);
	spin_lock_irqsave(&pf->stats_lock, flags);
	s = &pf->vf_stats[vf];
	vs->rx_packets = s->gprc.total;
	vs->tx_packets = s->gptc.total;
	vs->rx_bytes = s->gorc.total;
	vs->tx_bytes = s->gotc.total;
	vs->multicast = s->mprc.total;
	spin_unlock_irqrestore(&pf->stats_lock, flags);
	return 0;
}
