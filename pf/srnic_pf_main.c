// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_pf: PCI probe/remove, interrupts and the link watchdog of the
 * Intel 82576 physical function.
 */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/aer.h>

#include "srnic_pf.h"

static const struct pci_device_id srnic_pf_pci_tbl[] = {
	{ PCI_VDEVICE(INTEL, 0x10C9) },	/* 82576 copper */
	{ PCI_VDEVICE(INTEL, 0x10E6) },	/* 82576 fiber */
	{ PCI_VDEVICE(INTEL, 0x10E7) },	/* 82576 serdes */
	{ PCI_VDEVICE(INTEL, 0x10E8) },	/* 82576 quad copper */
	{ PCI_VDEVICE(INTEL, 0x1526) },	/* 82576 quad copper ET2 */
	{ PCI_VDEVICE(INTEL, 0x150A) },	/* 82576 NS */
	{ PCI_VDEVICE(INTEL, 0x1518) },	/* 82576 NS serdes */
	{ PCI_VDEVICE(INTEL, 0x150D) },	/* 82576 serdes quad */
	{ }
};
MODULE_DEVICE_TABLE(pci, srnic_pf_pci_tbl);

static int debug = -1;
module_param(debug, int, 0);
MODULE_PARM_DESC(debug, "netif message level (0=none,...,16=all; -1 default)");

#define SRNIC_PF_DEFAULT_MSG (NETIF_MSG_DRV | NETIF_MSG_PROBE | NETIF_MSG_LINK)

static void srnic_pf_hw_removed(struct srnic_hw *hw)
{
	struct srnic_pf *pf = container_of(hw, struct srnic_pf, hw);

	set_bit(SRNIC_PF_GONE, pf->state);
	pci_err(pf->pdev, "device no longer responds, detaching\n");
	if (pf->netdev)
		netif_device_detach(pf->netdev);
}

/**
 * srnic_pf_irq_enable_misc - unmask the link (and later mailbox) causes
 * @pf: the PF
 */
void srnic_pf_irq_enable_misc(struct srnic_pf *pf)
{
	struct srnic_hw *hw = &pf->hw;

	if (pf->irq_mode == SRNIC_IRQ_MSIX) {
		srnic_wr32(hw, SRNIC_EITR(pf->misc_vector), SRNIC_PF_MISC_EITR);
		srnic_wr32(hw, SRNIC_IVAR_MISC,
			   (pf->misc_vector | SRNIC_IVAR_VALID) << 8);
		srnic_wr32(hw, SRNIC_GPIE, SRNIC_GPIE_MSIX_MODE |
			   SRNIC_GPIE_PBA | SRNIC_GPIE_EIAME |
			   SRNIC_GPIE_NSICR);
		srnic_wr32(hw, SRNIC_EIAC, pf->eims_queues | pf->eims_misc);
		srnic_wr32(hw, SRNIC_EIAM, pf->eims_queues);
		srnic_wr32(hw, SRNIC_EIMS, pf->eims_misc);
	}
	srnic_wr32(hw, SRNIC_IMS, SRNIC_ICR_LSC);
	srnic_wr_flush(hw);
}

static void srnic_pf_irq_disable_all(struct srnic_pf *pf)
{
	srnic_wr32(&pf->hw, SRNIC_IMC, ~0U);
	if (pf->irq_mode == SRNIC_IRQ_MSIX) {
		srnic_wr32(&pf->hw, SRNIC_EIMC, ~0U);
		srnic_wr32(&pf->hw, SRNIC_EIAC, 0);
	}
	srnic_wr_flush(&pf->hw);
}

static irqreturn_t srnic_pf_misc_irq(int irq, void *data)
{
	struct srnic_pf *pf = data;
	u32 icr;

	/*
	 * A MAC reset owns the device: a read now may return all ones from a
	 * live device and retire the window. The reset re-arms this vector.
	 */
	if (test_bit(SRNIC_PF_RESETTING, pf->state))
		return IRQ_HANDLED;
	icr = srnic_rd32(&pf->hw, SRNIC_ICR);
	if (icr == ~0U)
		return IRQ_NONE;
	WRITE_ONCE(pf->misc_irqs, pf->misc_irqs + 1);

	if (icr & SRNIC_ICR_LSC)
		srnic_pf_watchdog_kick(pf, 0);
	if (icr & SRNIC_ICR_VMMB) {
		spin_lock(&pf->sw_lock);
		srnic_pf_mbx_service_locked(pf);
		spin_unlock(&pf->sw_lock);
	}

	if (!test_bit(SRNIC_PF_REMOVING, pf->state))
		srnic_wr32(&pf->hw, SRNIC_EIMS, pf->eims_misc);
	return IRQ_HANDLED;
}

static int srnic_pf_init_interrupts(struct srnic_pf *pf)
{
	struct pci_dev *pdev = pf->pdev;
	unsigned int want;
	int nvec, err;

	want = min_t(unsigned int, num_online_cpus(), SRNIC_PF_MAX_QP) + 1;
	nvec = pci_alloc_irq_vectors(pdev, 2, want, PCI_IRQ_MSIX);
	if (nvec > 0) {
		pf->irq_mode = SRNIC_IRQ_MSIX;
		pf->num_vectors = nvec;
		pf->max_qp = nvec - 1;
		pf->misc_vector = nvec - 1;
		pf->eims_misc = BIT(pf->misc_vector);
		snprintf(pf->misc_name, sizeof(pf->misc_name), "%s-misc",
			 pci_name(pdev));
		err = request_irq(pci_irq_vector(pdev, pf->misc_vector),
				  srnic_pf_misc_irq, 0, pf->misc_name, pf);
		if (err) {
			pci_free_irq_vectors(pdev);
			return err;
		}
		return 0;
	}

	/* MSI or INTx: one vector serves the queue pair and the link */
	nvec = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI | PCI_IRQ_INTX);
	if (nvec < 0)
		return nvec;
	pf->irq_mode = pdev->msi_enabled ? SRNIC_IRQ_MSI : SRNIC_IRQ_INTX;
	pf->num_vectors = 1;
	pf->max_qp = 1;
	pci_info(pdev, "MSI-X unavailable, using %s\n",
		 pf->irq_mode == SRNIC_IRQ_MSI ? "MSI" : "INTx");
	return 0;
}

static void srnic_pf_free_interrupts(struct srnic_pf *pf)
{
	if (pf->irq_mode == SRNIC_IRQ_MSIX)
		free_irq(pci_irq_vector(pf->pdev, pf->misc_vector), pf);
	pci_free_irq_vectors(pf->pdev);
}

/**
 * srnic_pf_watchdog_kick - run the watchdog after @delay jiffies
 * @pf: the PF
 * @delay: jiffies
 *
 * Nothing queues it once remove started: remove sets REMOVING before it
 * stops, in order, everything that calls this and cancels the watchdog
 * last, so a caller that saw the bit clear is always waited for.
 */
void srnic_pf_watchdog_kick(struct srnic_pf *pf, unsigned long delay)
{
	if (!test_bit(SRNIC_PF_REMOVING, pf->state))
		mod_delayed_work(system_wq, &pf->watchdog, delay);
}

static void srnic_pf_watchdog(struct work_struct *work)
{
	struct srnic_pf *pf = container_of(to_delayed_work(work),
					   struct srnic_pf, watchdog);

	bool was_up = pf->link_up;

	/* a reset in progress requeues the watchdog when it is done */
	if (test_bit(SRNIC_PF_GONE, pf->state) ||
	    test_bit(SRNIC_PF_RESETTING, pf->state))
		return;
	srnic_pf_update_link(pf);
	srnic_pf_update_hw_stats(pf);
	if (pf->num_vfs) {
		if (was_up != pf->link_up)
			srnic_pf_sriov_link_change(pf);
		srnic_pf_update_vf_stats(pf);
		srnic_pf_check_spoof(pf);
		/* catch a mailbox event whose interrupt got lost */
		srnic_pf_mbx_service(pf);
	}
	srnic_pf_watchdog_kick(pf, SRNIC_PF_WATCHDOG);
}

/**
 * srnic_pf_reset_locked - reset the MAC and bring everything back
 * @pf: the PF
 *
 * The VFs lose CTS and see RSTI; the switch model is replayed in full,
 * so every VPort keeps the policy the admin set, and PFRSTD tells the
 * VFs to redo their handshake.
 *
 * Context: rtnl held.
 */
void srnic_pf_reset_locked(struct srnic_pf *pf)
{
	struct net_device *netdev = pf->netdev;
	bool running = netif_running(netdev);
	int err;

	ASSERT_RTNL();
	netdev_info(netdev, "resetting the MAC\n");
	if (pf->num_vfs) {
		srnic_pf_sriov_reset_prepare(pf);
		/* the per-pool counters restart from zero */
		srnic_pf_update_vf_stats(pf);
	}
	if (running)
		srnic_pf_close(netdev);
	/*
	 * From here until the MAC is programmed again a register may read
	 * all ones (CTRL.RST on silicon): the watchdog, the misc interrupt
	 * and the statistics readers keep off the device. The watchdog does
	 * not take rtnl, so waiting for a running one here is safe.
	 */
	set_bit(SRNIC_PF_RESETTING, pf->state);
	/*
	 * A statistics reader or the mailbox deferral work that saw the bit
	 * clear holds one of these locks; it is done after this.
	 */
	spin_lock_irq(&pf->stats_lock);
	spin_unlock_irq(&pf->stats_lock);
	spin_lock_irq(&pf->sw_lock);
	spin_unlock_irq(&pf->sw_lock);
	cancel_delayed_work_sync(&pf->watchdog);
	if (pf->irq_mode == SRNIC_IRQ_MSIX)
		synchronize_irq(pci_irq_vector(pf->pdev, pf->misc_vector));
	err = srnic_pf_hw_reset(pf);
	if (!err)
		err = srnic_pf_phy_init(pf);
	clear_bit(SRNIC_PF_RESETTING, pf->state);
	if (err) {
		netdev_err(netdev, "MAC reset failed: %d\n", err);
		srnic_pf_watchdog_kick(pf, 0);
		return;
	}
	srnic_pf_irq_enable_misc(pf);
	spin_lock_irq(&pf->sw_lock);
	srnic_sw_mark_all_dirty(&pf->sw);
	spin_unlock_irq(&pf->sw_lock);
	srnic_pf_mac_setup(pf);
	if (pf->num_vfs)
		srnic_pf_vf_stats_baseline(pf);
	if (running && srnic_pf_open(netdev))
		dev_close(netdev);
	srnic_pf_watchdog_kick(pf, 0);
}

static void srnic_pf_reset_task(struct work_struct *work)
{
	struct srnic_pf *pf = container_of(work, struct srnic_pf, reset_task);

	rtnl_lock();
	if (!test_bit(SRNIC_PF_REMOVING, pf->state) &&
	    !test_bit(SRNIC_PF_GONE, pf->state))
		srnic_pf_reset_locked(pf);
	rtnl_unlock();
}

static int srnic_pf_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct srnic_pf *pf;
	int err;

	err = srnic_port_pci_enable(pdev, SRNIC_PF_DRV_NAME);
	if (err)
		return err;

	pf = srnic_pf_devlink_alloc(pdev);
	if (!pf) {
		err = -ENOMEM;
		goto err_pci_disable;
	}
	pf->pdev = pdev;
	pci_set_drvdata(pdev, pf);
	pf->msg_enable = netif_msg_init(debug, SRNIC_PF_DEFAULT_MSG);
	spin_lock_init(&pf->stats_lock);
	spin_lock_init(&pf->sw_lock);
	set_bit(SRNIC_PF_DOWN, pf->state);
	INIT_DELAYED_WORK(&pf->watchdog, srnic_pf_watchdog);
	INIT_WORK(&pf->reset_task, srnic_pf_reset_task);
	INIT_DELAYED_WORK(&pf->mbx_defer, srnic_pf_mbx_defer_work);

	err = srnic_port_map(&pf->port);
	if (err)
		goto err_free_pf;
	pf->hw.removed = srnic_pf_hw_removed;

	err = srnic_pf_hw_reset(pf);
	if (err) {
		pci_err(pdev, "MAC reset failed: %d\n", err);
		goto err_unmap;
	}

	err = srnic_pf_nvm_validate(pf);
	if (err) {
		pci_err(pdev, "NVM checksum is not valid: %d\n", err);
		goto err_unmap;
	}
	err = srnic_pf_read_identity(pf);
	if (err) {
		pci_err(pdev, "cannot read the NVM: %d\n", err);
		goto err_unmap;
	}
	if (!is_valid_ether_addr(pf->perm_addr)) {
		pci_err(pdev, "NVM holds an invalid MAC address %pM\n",
			pf->perm_addr);
		err = -EIO;
		goto err_unmap;
	}

	err = srnic_pf_init_interrupts(pf);
	if (err) {
		pci_err(pdev, "cannot set up interrupts: %d\n", err);
		goto err_unmap;
	}

	err = srnic_pf_phy_init(pf);
	if (err)
		goto err_free_irqs;

	err = srnic_pf_netdev_create(pf);
	if (err)
		goto err_free_irqs;

	srnic_pf_irq_enable_misc(pf);
	pci_sriov_set_totalvfs(pdev, SRNIC_MAX_VFS);
	srnic_pf_devlink_register(pf);
	srnic_pf_watchdog_kick(pf, 0);

	netdev_info(pf->netdev, "Intel 82576 at %s, %pM, PBA %s, %u queue pairs, %s\n",
		    pci_name(pdev), pf->perm_addr, pf->pba, pf->max_qp,
		    pf->irq_mode == SRNIC_IRQ_MSIX ? "MSI-X" :
		    pf->irq_mode == SRNIC_IRQ_MSI ? "MSI" : "INTx");
	return 0;

err_free_irqs:
	srnic_pf_irq_disable_all(pf);
	srnic_pf_free_interrupts(pf);
err_unmap:
	srnic_port_unmap(&pf->port);
err_free_pf:
	srnic_pf_devlink_free(pf);
err_pci_disable:
	srnic_port_pci_disable(pdev);
	return err;
}

static void srnic_pf_remove(struct pci_dev *pdev)
{
	struct srnic_pf *pf = pci_get_drvdata(pdev);

	if (pf->num_vfs) {
		struct srnic_pf_vf_stats *stats = pf->vf_stats;

		if (pci_vfs_assigned(pdev))
			pci_warn(pdev, "removing the PF under VFs assigned to guests\n");
		pci_disable_sriov(pdev);
		rtnl_lock();
		srnic_pf_set_num_vfs(pf, 0, NULL);
		rtnl_unlock();
		kfree(stats);
	}
	/*
	 * The flag first: from now on nothing queues the watchdog or starts
	 * a reset (srnic_pf_watchdog_kick(), srnic_pf_reset_task()). Then,
	 * in dependency order, stop each thing that may still queue them,
	 * having seen the flag clear a moment ago, and cancel the watchdog
	 * last:
	 *  - the netdev: ndo_open, ethtool --reset and the tx timeout run
	 *    under rtnl, and none runs once unregister_netdev() returns;
	 *  - the reset task: it may be halfway through a reset, which ends
	 *    by re-arming the misc interrupt and kicking the watchdog;
	 *  - the misc interrupt (link changes kick the watchdog);
	 *  - the watchdog (it no longer requeues itself);
	 *  - the mailbox deferral work (queued by those two).
	 * The netdev is freed only after the watchdog, which uses it.
	 */
	set_bit(SRNIC_PF_REMOVING, pf->state);
	srnic_pf_devlink_unregister(pf);
	srnic_pf_netdev_unregister(pf);
	cancel_work_sync(&pf->reset_task);
	srnic_pf_irq_disable_all(pf);
	if (pf->irq_mode == SRNIC_IRQ_MSIX)
		synchronize_irq(pci_irq_vector(pdev, pf->misc_vector));
	cancel_delayed_work_sync(&pf->watchdog);
	/* queued by the interrupt and the watchdog only, both stopped */
	cancel_delayed_work_sync(&pf->mbx_defer);
	srnic_pf_netdev_free(pf);
	srnic_pf_free_interrupts(pf);
	/* give the hardware back in its reset state */
	srnic_pf_hw_reset(pf);
	srnic_port_unmap(&pf->port);
	srnic_pf_devlink_free(pf);
	srnic_port_pci_disable(pdev);
}

static void srnic_pf_shutdown(struct pci_dev *pdev)
{
	struct srnic_pf *pf = pci_get_drvdata(pdev);

	srnic_port_shutdown(&pf->port);
	srnic_pf_irq_disable_all(pf);
	pci_disable_device(pdev);
}

static struct pci_driver srnic_pf_driver = {
	.name = SRNIC_PF_DRV_NAME,
	.id_table = srnic_pf_pci_tbl,
	.probe = srnic_pf_probe,
	.remove = srnic_pf_remove,
	.shutdown = srnic_pf_shutdown,
	.sriov_configure = srnic_pf_sriov_configure,
};
module_pci_driver(srnic_pf_driver);

MODULE_AUTHOR("srnic developers");
MODULE_DESCRIPTION("Intel 82576 SR-IOV physical function driver");
MODULE_LICENSE("GPL");
