// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_vf: driver for the Intel 82576 SR-IOV virtual function.
 *
 * PCI probe and remove, MSI-X, the service task (watchdog), FLR hooks and
 * the VF statistics counters. The VF owns BAR0 (registers) and BAR3
 * (MSI-X, three vectors); it has no MSI or INTx.
 */
#include <linux/module.h>
#include <linux/interrupt.h>

#include "srnic_vf.h"

static const struct pci_device_id srnic_vf_pci_tbl[] = {
	{ PCI_VDEVICE(INTEL, 0x10ca) },	/* 82576 virtual function */
	{ }
};
MODULE_DEVICE_TABLE(pci, srnic_vf_pci_tbl);

/*
 * Initial netif message level; "ethtool -s DEV msglvl" changes it. Only the
 * link up/down lines are gated by it: errors and refusals always print.
 */
#define SRNIC_VF_MSG_DEFAULT	(NETIF_MSG_DRV | NETIF_MSG_PROBE | NETIF_MSG_LINK)

/* register read back to tell a live window from a dead one */
#define SRNIC_VF_PROBE_EITR	0x0ff0

/* ---- statistics ---------------------------------------------------------- */

static void srnic_vf_ctr(struct srnic_vf *vf, struct srnic_port_ctr *c,
			 u32 reg)
{
	srnic_port_ctr_fold(c, vf_rd(vf, reg));
}

/**
 * srnic_vf_update_hw_stats - fold the 32-bit VF counters into 64-bit ones
 * @vf: the VF
 *
 * Must run more often than a counter can wrap (the service task does, at
 * most every second; 4 GB take 34 s at line rate). Context: any.
 */
void srnic_vf_update_hw_stats(struct srnic_vf *vf)
{
	struct srnic_vf_hw_stats *s = &vf->hw_stats;
	unsigned long flags;

	if (srnic_removed(&vf->hw))
		return;
	spin_lock_irqsave(&vf->stats_lock, flags);
	srnic_vf_ctr(vf, &s->gprc, SRNIC_VF_GPRC);
	srnic_vf_ctr(vf, &s->gptc, SRNIC_VF_GPTC);
	srnic_vf_ctr(vf, &s->gorc, SRNIC_VF_GORC);
	srnic_vf_ctr(vf, &s->gotc, SRNIC_VF_GOTC);
	srnic_vf_ctr(vf, &s->mprc, SRNIC_VF_MPRC);
	spin_unlock_irqrestore(&vf->stats_lock, flags);
}

/**
 * srnic_vf_stats_baseline - restart counting from the current values
 * @vf: the VF
 *
 * A VF reset may clear the counters on silicon (QEMU keeps them); either
 * way the totals continue from here without a jump. Context: any.
 */
void srnic_vf_stats_baseline(struct srnic_vf *vf)
{
	struct srnic_vf_hw_stats *s = &vf->hw_stats;
	unsigned long flags;

	spin_lock_irqsave(&vf->stats_lock, flags);
	s->gprc.last = vf_rd(vf, SRNIC_VF_GPRC);
	s->gptc.last = vf_rd(vf, SRNIC_VF_GPTC);
	s->gorc.last = vf_rd(vf, SRNIC_VF_GORC);
	s->gotc.last = vf_rd(vf, SRNIC_VF_GOTC);
	s->mprc.last = vf_rd(vf, SRNIC_VF_MPRC);
	spin_unlock_irqrestore(&vf->stats_lock, flags);
}

/* ---- service task ----------------------------------------------------- */

/* A queue the device stopped behind our back (an FLR nobody announced). */
static bool srnic_vf_queues_lost(struct srnic_vf *vf)
{
	u32 v;

	if (!test_bit(SRNIC_VF_DP_UP, vf->state))
		return false;
	v = vf_rd(vf, SRNIC_VF_RXQ_BASE(0) + SRNIC_Q_DCTL);
	return v != ~0U && !(v & SRNIC_DCTL_ENABLE);
}

/*
 * Completions that did not move since the last run: the interrupt went
 * missing, so raise it by software. A safety net on any device (it costs
 * nothing while completions move); on one that routes no queue 1 cause
 * (srnic_vf_irq_quirk()) it is what reaps an idle queue 1.
 */
static void srnic_vf_tx_kick(struct srnic_vf *vf)
{
	unsigned int i;
	u32 eics = 0;

	if (!test_bit(SRNIC_VF_DP_UP, vf->state))
		return;
	for (i = 0; i < vf->num_qp; i++) {
		struct srnic_ring *r = vf->tx_ring[i];
		u16 ntc = READ_ONCE(r->next_to_clean);

		if (ntc != READ_ONCE(r->next_to_use) && ntc == vf->tx_stall[i])
			eics |= BIT(i);
		vf->tx_stall[i] = ntc;
	}
	if (eics)
		vf_wr(vf, SRNIC_VF_EICS, eics);
}

static void srnic_vf_recover(struct srnic_vf *vf)
{
	int err;

	if (time_before(jiffies, vf->next_reset))
		return;
	rtnl_lock();
	if (test_bit(SRNIC_VF_REMOVING, vf->state) ||
	    test_bit(SRNIC_VF_IN_FLR, vf->state)) {
		rtnl_unlock();
		return;
	}
	err = srnic_vf_reinit_locked(vf);
	rtnl_unlock();

	if (!err) {
		if (vf->reset_fails || vf->resetting_logged)
			dev_info(&vf->pdev->dev, "PF answers again, VF restored\n");
		vf->reset_fails = 0;
		vf->resetting_logged = false;
		vf->next_reset = jiffies;
		return;
	}
	if (err == -EAGAIN) {
		/* the PF is resetting (RSTI): cheap to ask again soon */
		if (!vf->resetting_logged)
			dev_info(&vf->pdev->dev,
				 "PF is resetting, waiting for it\n");
		vf->resetting_logged = true;
		vf->next_reset = jiffies;
		return;
	}
	/* a PF that does not answer: back off up to a second */
	vf->reset_fails++;
	vf->next_reset = jiffies +
			 min_t(unsigned long, HZ, (HZ / 20) << vf->reset_fails);
	if (vf->reset_fails == 1 || !(vf->reset_fails % 30))
		dev_warn(&vf->pdev->dev, "reset handshake failed: %d\n", err);
}

static void srnic_vf_service(struct work_struct *work)
{
	struct srnic_vf *vf = container_of(to_delayed_work(work),
					   struct srnic_vf, service);
	unsigned long period;

	if (test_bit(SRNIC_VF_REMOVING, vf->state) ||
	    test_bit(SRNIC_VF_GONE, vf->state))
		return;
	if (test_bit(SRNIC_VF_IN_FLR, vf->state))
		goto resched;

	srnic_vf_mbx_poll(vf);
	if (srnic_vf_queues_lost(vf))
		set_bit(SRNIC_VF_NEED_RESET, vf->state);
	if (test_bit(SRNIC_VF_NEED_RESET, vf->state) ||
	    !test_bit(SRNIC_VF_HW_READY, vf->state))
		srnic_vf_recover(vf);
	else if (test_bit(SRNIC_VF_RX_MODE, vf->state))
		srnic_vf_sync_rx_mode(vf);
	srnic_vf_update_link(vf);
	if (vf->link_up && test_and_clear_bit(SRNIC_VF_NOTIFY_PEERS, vf->state))
		netdev_notify_peers(vf->netdev);
	srnic_vf_update_hw_stats(vf);
	srnic_vf_tx_kick(vf);

resched:
	if (test_bit(SRNIC_VF_GONE, vf->state))
		return;
	if (test_bit(SRNIC_VF_NEED_RESET, vf->state) ||
	    !test_bit(SRNIC_VF_HW_READY, vf->state) ||
	    test_bit(SRNIC_VF_IN_FLR, vf->state))
		period = SRNIC_VF_PERIOD_RECOVER;
	else if (!vf->link_up && netif_running(vf->netdev))
		period = SRNIC_VF_PERIOD_DOWN;
	else
		period = SRNIC_VF_PERIOD_UP;
	if (!test_bit(SRNIC_VF_REMOVING, vf->state))
		queue_delayed_work(system_wq, &vf->service, period);
}

/* ---- surprise removal, FLR ---------------------------------------------- */

static void srnic_vf_hw_removed(struct srnic_hw *hw)
{
	struct srnic_vf *vf = container_of(hw, struct srnic_vf, hw);

	set_bit(SRNIC_VF_GONE, vf->state);
	dev_err(&vf->pdev->dev, "device reads all ones: gone, detaching\n");
	if (vf->netdev) {
		netif_carrier_off(vf->netdev);
		netif_device_detach(vf->netdev);
	}
}

static void srnic_vf_reset_prepare(struct pci_dev *pdev)
{
	struct srnic_vf *vf = pci_get_drvdata(pdev);

	rtnl_lock();
	set_bit(SRNIC_VF_IN_FLR, vf->state);
	vf->flr_start = jiffies;
	vf->sw_stats.flrs++;
	srnic_vf_down(vf);
	clear_bit(SRNIC_VF_HW_READY, vf->state);
	rtnl_unlock();
}

static void srnic_vf_reset_done(struct pci_dev *pdev)
{
	struct srnic_vf *vf = pci_get_drvdata(pdev);
	int err;

	rtnl_lock();
	clear_bit(SRNIC_VF_IN_FLR, vf->state);
	err = srnic_vf_reinit_locked(vf);
	rtnl_unlock();
	if (err)
		srnic_vf_service_now(vf);
	else
		dev_info(&pdev->dev, "function reset: restored %u ms after it began\n",
			 jiffies_to_msecs(jiffies - vf->flr_start));
}

static const struct pci_error_handlers srnic_vf_err_handler = {
	.reset_prepare = srnic_vf_reset_prepare,
	.reset_done = srnic_vf_reset_done,
};

/* ---- probe and remove ------------------------------------------------- */

/*
 * A VF whose BAR was placed where the platform does not decode it reads
 * all zeros (or all ones): fail loudly rather than time out in the
 * handshake. A live VF echoes an EITR interval we write.
 */
static int srnic_vf_check_window(struct srnic_vf *vf)
{
	u32 status, mbx, eitr;

	status = readl(vf->bar0 + SRNIC_VF_STATUS);
	mbx = readl(vf->bar0 + SRNIC_VF_MAILBOX);
	/* read-to-clear: what this read saw is the mailbox's to act on */
	if (mbx != ~0U)
		vf->mbx.shadow |= mbx & SRNIC_VFMB_R2C_BITS;
	if (status == ~0U && mbx == ~0U) {
		dev_err(&vf->pdev->dev,
			"register window reads all ones: VF not responding\n");
		return -EIO;
	}
	writel(SRNIC_VF_PROBE_EITR, vf->bar0 + SRNIC_VF_EITR(2));
	eitr = readl(vf->bar0 + SRNIC_VF_EITR(2)) & SRNIC_EITR_INTERVAL_MASK;
	writel(0, vf->bar0 + SRNIC_VF_EITR(2));
	if (eitr != SRNIC_VF_PROBE_EITR && !status && !mbx) {
		dev_err(&vf->pdev->dev,
			"register window reads all zeros (BAR0 at %pR not decoded?)\n",
			&vf->pdev->resource[0]);
		return -EIO;
	}
	return 0;
}

static int srnic_vf_request_irqs(struct srnic_vf *vf)
{
	unsigned int i;
	int err;

	for (i = 0; i < SRNIC_VF_NUM_VECTORS; i++) {
		if (i < SRNIC_VF_MAX_QP)
			snprintf(vf->irq_name[i], sizeof(vf->irq_name[i]),
				 "srnic_vf-%s-q%u", pci_name(vf->pdev), i);
		else
			snprintf(vf->irq_name[i], sizeof(vf->irq_name[i]),
				 "srnic_vf-%s-mbx", pci_name(vf->pdev));
		if (i < SRNIC_VF_MAX_QP)
			err = request_irq(pci_irq_vector(vf->pdev, i),
					  srnic_vf_queue_irq, 0, vf->irq_name[i],
					  vf->q_vector[i]);
		else
			err = request_irq(pci_irq_vector(vf->pdev, i),
					  srnic_vf_mbx_irq, 0, vf->irq_name[i],
					  vf);
		if (err)
			goto err;
	}
	return 0;
err:
	dev_err(&vf->pdev->dev, "cannot request irq %u: %d\n", i, err);
	while (i--)
		free_irq(pci_irq_vector(vf->pdev, i),
			 i < SRNIC_VF_MAX_QP ? (void *)vf->q_vector[i] : vf);
	return err;
}

static void srnic_vf_free_irqs(struct srnic_vf *vf)
{
	unsigned int i;

	for (i = 0; i < SRNIC_VF_NUM_VECTORS; i++)
		free_irq(pci_irq_vector(vf->pdev, i),
			 i < SRNIC_VF_MAX_QP ? (void *)vf->q_vector[i] : vf);
}

static int srnic_vf_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct net_device *netdev;
	struct srnic_vf *vf;
	int err;

	err = srnic_port_pci_enable(pdev, SRNIC_VF_DRV_NAME);
	if (err)
		return err;

	vf = kzalloc(sizeof(*vf), GFP_KERNEL);
	if (!vf) {
		err = -ENOMEM;
		goto err_pci_disable;
	}
	vf->pdev = pdev;
	vf->msg_enable = SRNIC_VF_MSG_DEFAULT;
	mutex_init(&vf->mbx_lock);
	spin_lock_init(&vf->stats_lock);
	INIT_DELAYED_WORK(&vf->service, srnic_vf_service);
	pci_set_drvdata(pdev, vf);

	err = srnic_port_map(&vf->port);
	if (err)
		goto err_free;
	srnic_mbx_vf_init(&vf->mbx, &vf->hw, true);
	err = srnic_vf_check_window(vf);
	if (err)
		goto err_unmap;
	vf->hw.removed = srnic_vf_hw_removed;
	vf->next_reset = jiffies;

	err = srnic_vf_netdev_create(vf);
	if (err)
		goto err_unmap;
	netdev = vf->netdev;

	err = pci_alloc_irq_vectors(pdev, SRNIC_VF_NUM_VECTORS,
				    SRNIC_VF_NUM_VECTORS, PCI_IRQ_MSIX);
	if (err < 0) {
		dev_err(&pdev->dev, "cannot get %u MSI-X vectors: %d\n",
			SRNIC_VF_NUM_VECTORS, err);
		goto err_netdev;
	}
	err = srnic_vf_request_irqs(vf);
	if (err)
		goto err_vectors;

	/* bounded: a PF that does not answer costs one mailbox timeout */
	err = srnic_vf_mbx_first_reset(vf);
	if (err == -ENODEV || err == -EPROTO)
		goto err_irqs;
	if (err)
		dev_warn(&pdev->dev,
			 "PF does not answer yet (%d); no carrier, will keep trying\n",
			 err);
	if (vf->pf_mac) {
		eth_hw_addr_set(netdev, vf->perm_addr);
		ether_addr_copy(netdev->perm_addr, vf->perm_addr);
	} else {
		/* srnic_vf_mbx_restore() asks the PF for it */
		eth_hw_addr_random(netdev);
	}
	if (!err) {
		rtnl_lock();
		srnic_vf_irq_setup(vf);
		err = srnic_vf_mbx_restore(vf);
		rtnl_unlock();
		if (err)
			dev_warn(&pdev->dev, "restoring filters: %d\n", err);
		srnic_vf_stats_baseline(vf);
	}

	err = register_netdev(netdev);
	if (err)
		goto err_irqs;

	dev_info(&pdev->dev, "%s: %pM, %s MAC, mailbox API %u.%u\n",
		 netdev->name, netdev->dev_addr,
		 vf->pf_mac ? "PF-assigned" : "random",
		 vf->mbx.api >> 8, vf->mbx.api & 0xff);
	/*
	 * Nothing can fail from here on: only now may the service task run
	 * (srnic_vf_service_now() was a no-op until this bit), so no error
	 * path above has a work item to cancel.
	 */
	set_bit(SRNIC_VF_SERVICE_ON, vf->state);
	queue_delayed_work(system_wq, &vf->service, SRNIC_VF_PERIOD_RECOVER);
	return 0;

err_irqs:
	srnic_vf_free_irqs(vf);
err_vectors:
	pci_free_irq_vectors(pdev);
err_netdev:
	srnic_vf_netdev_destroy(vf);
err_unmap:
	srnic_port_unmap(&vf->port);
err_free:
	pci_set_drvdata(pdev, NULL);
	mutex_destroy(&vf->mbx_lock);
	kfree(vf);
err_pci_disable:
	srnic_port_pci_disable(pdev);
	return err;
}

static void srnic_vf_remove(struct pci_dev *pdev)
{
	struct srnic_vf *vf = pci_get_drvdata(pdev);

	set_bit(SRNIC_VF_REMOVING, vf->state);
	clear_bit(SRNIC_VF_SERVICE_ON, vf->state);
	cancel_delayed_work_sync(&vf->service);
	unregister_netdev(vf->netdev);
	srnic_vf_irq_release(vf);
	srnic_vf_free_irqs(vf);
	pci_free_irq_vectors(pdev);
	/* an interrupt may have requeued it before its vector went away */
	cancel_delayed_work_sync(&vf->service);
	srnic_vf_netdev_destroy(vf);
	srnic_port_unmap(&vf->port);
	mutex_destroy(&vf->mbx_lock);
	kfree(vf);
	srnic_port_pci_disable(pdev);
}

static void srnic_vf_shutdown(struct pci_dev *pdev)
{
	struct srnic_vf *vf = pci_get_drvdata(pdev);

	/* stops the datapath and frees the rings, as ip link down does */
	srnic_port_shutdown(&vf->port);
	pci_disable_device(pdev);
}

static struct pci_driver srnic_vf_driver = {
	.name = SRNIC_VF_DRV_NAME,
	.id_table = srnic_vf_pci_tbl,
	.probe = srnic_vf_probe,
	.remove = srnic_vf_remove,
	.shutdown = srnic_vf_shutdown,
	.err_handler = &srnic_vf_err_handler,
};
module_pci_driver(srnic_vf_driver);

MODULE_DESCRIPTION("srnic: Intel 82576 SR-IOV virtual function driver");
MODULE_AUTHOR("srnic developers");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(SRNIC_NS);
