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

/*
 * Initial netif message level; "ethtool -s DEV msglvl" changes it. Only the
 * link up/down lines are gated by it: errors and refusals always print.
 */
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
			   FIELD_PREP(SRNIC_IVAR_MISC_OTHER,
				      pf->misc_vector | SRNIC_IVAR_VALID));
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

/*
 * Stop everything that touches the device ahead of a reset: the VFs lose
 * CTS and are told, the PF queues stop, and RESETTING keeps the watchdog,
 * the misc interrupt, the statistics readers and the mailbox deferral work
 * off the registers until srnic_pf_rebuild_locked() clears it.
 *
 * Context: rtnl held.
 */
static void srnic_pf_quiesce_locked(struct srnic_pf *pf)
{
	ASSERT_RTNL();
	if (pf->num_vfs) {
		srnic_pf_sriov_reset_prepare(pf);
		/* the per-pool counters restart from zero */
		srnic_pf_update_vf_stats(pf);
	}
	/* netif_running() stays true: the rebuild reopens what was open */
	if (netif_running(pf->netdev))
		srnic_pf_close(pf->netdev);
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
}

/*
 * Reset the MAC and program everything but the PF queues again: the PHY,
 * the misc interrupt, the whole switch (every VPort's admin policy) and
 * the mailbox, with CTRL_EXT.PFRSTD telling the VFs to redo their
 * handshake. Ends what srnic_pf_quiesce_locked() began.
 *
 * Context: rtnl held.
 *
 * Return: 0, or a negative errno if the MAC did not come back.
 */
static int srnic_pf_rebuild_locked(struct srnic_pf *pf)
{
	int err;

	ASSERT_RTNL();
	err = srnic_pf_hw_reset(pf);
	if (!err)
		err = srnic_pf_phy_init(pf);
	clear_bit(SRNIC_PF_RESETTING, pf->state);
	if (err) {
		netdev_err(pf->netdev, "MAC reset failed: %d\n", err);
		srnic_pf_watchdog_kick(pf, 0);
		return err;
	}
	srnic_pf_irq_enable_misc(pf);
	spin_lock_irq(&pf->sw_lock);
	srnic_sw_mark_all_dirty(&pf->sw);
	spin_unlock_irq(&pf->sw_lock);
	srnic_pf_mac_setup(pf);
	if (pf->num_vfs)
		srnic_pf_vf_stats_baseline(pf);
	return 0;
}

/* Reopen the PF netdev if it was up before the quiesce. Context: rtnl. */
static void srnic_pf_reopen_locked(struct srnic_pf *pf)
{
	if (netif_running(pf->netdev) && srnic_pf_open(pf->netdev))
		dev_close(pf->netdev);
	srnic_pf_watchdog_kick(pf, 0);
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
	netdev_info(pf->netdev, "resetting the MAC\n");
	srnic_pf_quiesce_locked(pf);
	if (!srnic_pf_rebuild_locked(pf))
		srnic_pf_reopen_locked(pf);
}

static void srnic_pf_reset_task(struct work_struct *work)
{
	struct srnic_pf *pf = container_of(work, struct srnic_pf, reset_task);

	rtnl_lock();
	/* RESETTING here: a PCI error recovery or reset owns the device */
	if (!test_bit(SRNIC_PF_REMOVING, pf->state) &&
	    !test_bit(SRNIC_PF_GONE, pf->state) &&
	    !test_bit(SRNIC_PF_RESETTING, pf->state))
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
	pf->msg_enable = SRNIC_PF_DEFAULT_MSG;
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
	/* what PCI error recovery restores: decoding and bus mastering on */
	pci_save_state(pdev);
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

/* ---- PCI error recovery and function reset -------------------------------
 *
 * Both end in the MAC reset path (srnic_pf_quiesce_locked(), then
 * srnic_pf_rebuild_locked()), so the VFs keep their admin policy: the
 * switch is replayed from the model and the VFs redo their handshake.
 * Between the callbacks rtnl is not held; RESETTING, set by the quiesce
 * and cleared by the rebuild, keeps the reset task, SR-IOV changes and
 * admin changes to VFs away meanwhile, and the netdev is detached.
 */

/*
 * A reset of the PF (FLR, or the secondary bus reset of a fatal error)
 * resets its VFs too: the SR-IOV capability goes back to VF Enable off,
 * which takes every VF's config space with it. The PCI core gives the PF
 * its capability back (VF Enable and NumVFs from what it recorded at
 * enable time), so the same VFs reappear, but with memory decoding, bus
 * mastering and MSI-X off: igbvf is not told about a PF FLR at all, and
 * on the AER path its slot_reset enables the function and bus mastering
 * but not its MSI-X. So the PF saves each VF's config space before the
 * reset (the kernel's MSI-X vectors are written back from its own
 * descriptors) and puts it back once VF Enable is set again.
 */
static struct pci_dev *srnic_pf_next_vf(struct srnic_pf *pf,
					struct pci_dev *vf)
{
	struct pci_dev *pdev = pf->pdev;

	while ((vf = pci_get_device(pdev->vendor, PCI_ANY_ID, vf)))
		if (vf->is_virtfn && pci_physfn(vf) == pdev)
			return vf;
	return NULL;
}

static void srnic_pf_save_vfs(struct srnic_pf *pf)
{
	struct pci_dev *vf = NULL;

	if (!pf->num_vfs)
		return;
	while ((vf = srnic_pf_next_vf(pf, vf)))
		pci_save_state(vf);
}

static void srnic_pf_restore_vfs(struct srnic_pf *pf)
{
	struct pci_dev *vf = NULL;

	if (!pf->num_vfs)
		return;
	while ((vf = srnic_pf_next_vf(pf, vf))) {
		if (vf->state_saved) {
			pci_restore_state(vf);
			continue;
		}
		/* not saved (a VF added meanwhile): what the kernel holds */
		if (vf->is_busmaster)
			pci_set_master(vf);
		pci_restore_msi_state(vf);
	}
}

/*
 * Map the registers again and check the device answers: a frozen link
 * had them retired (or a read during the reset saw all ones).
 */
static int srnic_pf_rearm_locked(struct srnic_pf *pf)
{
	WRITE_ONCE(pf->hw.hw_addr, pf->bar0);
	if (srnic_rd32_quiet(&pf->hw, SRNIC_STATUS) == ~0U) {
		WRITE_ONCE(pf->hw.hw_addr, NULL);
		set_bit(SRNIC_PF_GONE, pf->state);
		return -ENODEV;
	}
	clear_bit(SRNIC_PF_GONE, pf->state);
	return 0;
}

static pci_ers_result_t srnic_pf_io_error_detected(struct pci_dev *pdev,
						   pci_channel_state_t state)
{
	struct srnic_pf *pf = pci_get_drvdata(pdev);

	pci_warn(pdev, "PCI error detected (channel %s), %s\n",
		 state == pci_channel_io_normal ? "normal" :
		 state == pci_channel_io_frozen ? "frozen" : "failed",
		 state == pci_channel_io_perm_failure ? "giving up" :
		 "resetting the device");
	rtnl_lock();
	netif_device_detach(pf->netdev);
	/*
	 * A frozen link answers reads with all ones until it is reset: keep
	 * off the registers (the accessors turn into no-ops) instead of
	 * letting the first read take the device for removed.
	 */
	if (state != pci_channel_io_normal)
		WRITE_ONCE(pf->hw.hw_addr, NULL);
	/* a second call (perm_failure after a failed recovery) finds it done */
	if (!test_bit(SRNIC_PF_RESETTING, pf->state)) {
		/* before the VF drivers' own error_detected disables them */
		if (state != pci_channel_io_perm_failure)
			srnic_pf_save_vfs(pf);
		srnic_pf_quiesce_locked(pf);
	}
	if (state == pci_channel_io_perm_failure) {
		set_bit(SRNIC_PF_GONE, pf->state);
		rtnl_unlock();
		return PCI_ERS_RESULT_DISCONNECT;
	}
	rtnl_unlock();
	return PCI_ERS_RESULT_NEED_RESET;
}

static pci_ers_result_t srnic_pf_io_slot_reset(struct pci_dev *pdev)
{
	struct srnic_pf *pf = pci_get_drvdata(pdev);
	int err;

	/*
	 * The saved config space (probe, or the last recovery) carries the
	 * command register with memory decoding and bus mastering; the
	 * device was never disabled, so its enable count stays as it is.
	 */
	pci_restore_state(pdev);
	pci_save_state(pdev);
	pci_set_master(pdev);

	rtnl_lock();
	if (!test_bit(SRNIC_PF_RESETTING, pf->state))
		srnic_pf_quiesce_locked(pf);
	err = srnic_pf_rearm_locked(pf);
	if (!err) {
		srnic_pf_restore_vfs(pf);
		/*
		 * The mailbox is live from here: the VFs' own slot_reset
		 * handlers run next and redo their handshake with the PF.
		 */
		err = srnic_pf_rebuild_locked(pf);
	}
	rtnl_unlock();
	if (err) {
		pci_err(pdev, "cannot recover from the PCI error: %pe\n",
			ERR_PTR(err));
		return PCI_ERS_RESULT_DISCONNECT;
	}
	return PCI_ERS_RESULT_RECOVERED;
}

static void srnic_pf_io_resume(struct pci_dev *pdev)
{
	struct srnic_pf *pf = pci_get_drvdata(pdev);

	rtnl_lock();
	srnic_pf_reopen_locked(pf);
	netif_device_attach(pf->netdev);
	rtnl_unlock();
	pci_info(pdev, "recovered from the PCI error\n");
}

/* echo 1 > reset (FLR), also with VFs enabled; the device lock is held */
static void srnic_pf_reset_prepare(struct pci_dev *pdev)
{
	struct srnic_pf *pf = pci_get_drvdata(pdev);

	rtnl_lock();
	netif_device_detach(pf->netdev);
	if (!test_bit(SRNIC_PF_RESETTING, pf->state))
		srnic_pf_quiesce_locked(pf);
	/* the device lock keeps sriov_numvfs still until reset_done */
	srnic_pf_save_vfs(pf);
	rtnl_unlock();
}

static void srnic_pf_reset_done(struct pci_dev *pdev)
{
	struct srnic_pf *pf = pci_get_drvdata(pdev);
	int err;

	/* the PCI core restored the PF's config space, SR-IOV included */
	rtnl_lock();
	err = srnic_pf_rearm_locked(pf);
	if (!err) {
		srnic_pf_restore_vfs(pf);
		err = srnic_pf_rebuild_locked(pf);
	}
	if (!err) {
		srnic_pf_reopen_locked(pf);
		netif_device_attach(pf->netdev);
	}
	rtnl_unlock();
	if (err)
		pci_err(pdev, "the PF did not come back from its reset: %pe\n",
			ERR_PTR(err));
}

static const struct pci_error_handlers srnic_pf_err_handler = {
	.error_detected = srnic_pf_io_error_detected,
	.slot_reset = srnic_pf_io_slot_reset,
	.resume = srnic_pf_io_resume,
	.reset_prepare = srnic_pf_reset_prepare,
	.reset_done = srnic_pf_reset_done,
};

static struct pci_driver srnic_pf_driver = {
	.name = SRNIC_PF_DRV_NAME,
	.id_table = srnic_pf_pci_tbl,
	.probe = srnic_pf_probe,
	.remove = srnic_pf_remove,
	.shutdown = srnic_pf_shutdown,
	.sriov_configure = srnic_pf_sriov_configure,
	.err_handler = &srnic_pf_err_handler,
};
module_pci_driver(srnic_pf_driver);

MODULE_AUTHOR("srnic developers");
MODULE_DESCRIPTION("Intel 82576 SR-IOV physical function driver");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(SRNIC_NS);
