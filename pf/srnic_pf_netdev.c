// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_pf: the PF network device: queues, interrupts, rx filters, ndo ops.
 */
#include <linux/interrupt.h>
#include <linux/if_vlan.h>

#include "srnic_pf.h"
#include "srnic_pf_selftest.h"

#define SRNIC_PF_ITR		196	/* ~20k interrupts/s per vector */
#define SRNIC_PF_QUEUE_IMS	(SRNIC_ICR_RXT0 | SRNIC_ICR_TXDW | \
				 SRNIC_ICR_RXDMT0 | SRNIC_ICR_RXO)

static u32 pf_rd(struct srnic_pf *pf, u32 reg)
{
	return srnic_rd32(&pf->hw, reg);
}

static void pf_wr(struct srnic_pf *pf, u32 reg, u32 val)
{
	srnic_wr32(&pf->hw, reg, val);
}

/* ---- queue and vector objects ------------------------------------------ */

static void srnic_pf_qv_irq_enable(struct srnic_q_vector *qv)
{
	struct srnic_pf *pf = container_of(qv->hw, struct srnic_pf, hw);

	if (test_bit(SRNIC_PF_DOWN, pf->state))
		return;
	if (pf->irq_mode == SRNIC_IRQ_MSIX)
		srnic_wr32(qv->hw, SRNIC_EIMS, qv->eims_value);
	else
		srnic_wr32(qv->hw, SRNIC_IMS, SRNIC_PF_QUEUE_IMS |
			   SRNIC_ICR_LSC);
}

static void srnic_pf_free_queues(struct srnic_pf *pf)
{
	unsigned int i;

	for (i = 0; i < SRNIC_PF_MAX_QP; i++) {
		if (pf->q_vector[i])
			netif_napi_del(&pf->q_vector[i]->napi);
		kfree(pf->q_vector[i]);
		kfree(pf->tx_ring[i]);
		kfree(pf->rx_ring[i]);
		pf->q_vector[i] = NULL;
		pf->tx_ring[i] = NULL;
		pf->rx_ring[i] = NULL;
	}
}

static void srnic_pf_init_ring(struct srnic_pf *pf, struct srnic_ring *ring,
			       struct srnic_q_vector *qv, unsigned int i)
{
	ring->q_vector = qv;
	ring->netdev = pf->netdev;
	ring->dev = &pf->pdev->dev;
	ring->hw = &pf->hw;
	ring->queue_index = i;
	u64_stats_init(&ring->syncp);
}

/*
 * Place ring pair @i on hardware queue @reg_idx. Without VFs the PF owns
 * queues 0..n-1; with VFs it owns the queues of its pool (num_vfs).
 */
static void srnic_pf_place_rings(struct srnic_pf *pf, unsigned int i,
				 unsigned int reg_idx)
{
	struct srnic_ring *tx = pf->tx_ring[i], *rx = pf->rx_ring[i];

	tx->reg_idx = reg_idx;
	tx->regs = pf->bar0 + SRNIC_PF_TXQ_BASE(reg_idx);
	tx->tail = tx->regs + SRNIC_Q_DT;
	tx->count = pf->tx_ring_count;
	rx->reg_idx = reg_idx;
	rx->regs = pf->bar0 + SRNIC_PF_RXQ_BASE(reg_idx);
	rx->tail = rx->regs + SRNIC_Q_DT;
	rx->count = pf->rx_ring_count;
	/* with VFs a stalled PF ring must not block the shared RX FIFO */
	rx->drop_en = pf->num_vfs > 0;
}

static int srnic_pf_alloc_queues(struct srnic_pf *pf)
{
	struct srnic_q_vector *qv;
	unsigned int i;

	for (i = 0; i < pf->max_qp; i++) {
		qv = kzalloc(sizeof(*qv), GFP_KERNEL);
		pf->q_vector[i] = qv;
		pf->tx_ring[i] = kzalloc(sizeof(*pf->tx_ring[i]), GFP_KERNEL);
		pf->rx_ring[i] = kzalloc(sizeof(*pf->rx_ring[i]), GFP_KERNEL);
		if (!qv || !pf->tx_ring[i] || !pf->rx_ring[i])
			goto err;

		qv->hw = &pf->hw;
		qv->v_idx = i;
		qv->itr = SRNIC_PF_ITR;
		qv->eims_value = BIT(i);
		qv->irq_enable = srnic_pf_qv_irq_enable;
		qv->tx_ring = pf->tx_ring[i];
		qv->rx_ring = pf->rx_ring[i];
		srnic_pf_init_ring(pf, pf->tx_ring[i], qv, i);
		srnic_pf_init_ring(pf, pf->rx_ring[i], qv, i);
		netif_napi_add(pf->netdev, &qv->napi, srnic_napi_poll);
	}
	return 0;
err:
	srnic_pf_free_queues(pf);
	return -ENOMEM;
}

static void srnic_pf_free_rings(struct srnic_pf *pf)
{
	unsigned int i;

	for (i = 0; i < pf->num_qp; i++) {
		if (pf->tx_ring[i]->desc)
			srnic_free_tx_ring(pf->tx_ring[i]);
		if (pf->rx_ring[i]->desc)
			srnic_free_rx_ring(pf->rx_ring[i]);
	}
}

static int srnic_pf_setup_rings(struct srnic_pf *pf)
{
	unsigned int i;
	int err;

	for (i = 0; i < pf->num_qp; i++) {
		srnic_pf_place_rings(pf, i, pf->num_vfs + i);
		err = srnic_setup_tx_ring(pf->tx_ring[i]);
		if (err)
			goto err;
		err = srnic_setup_rx_ring(pf->rx_ring[i]);
		if (err)
			goto err;
	}
	return 0;
err:
	netdev_err(pf->netdev, "cannot allocate ring %u: %d\n", i, err);
	srnic_pf_free_rings(pf);
	return err;
}

/* ---- interrupts --------------------------------------------------------- */

static irqreturn_t srnic_pf_queue_irq(int irq, void *data)
{
	struct srnic_q_vector *qv = data;

	napi_schedule_irqoff(&qv->napi);
	return IRQ_HANDLED;
}

/* MSI and INTx: one vector for queue pair 0 and the link. */
static irqreturn_t srnic_pf_single_irq(int irq, void *data)
{
	struct srnic_pf *pf = data;
	u32 icr;

	/* see srnic_pf_misc_irq(); the line may be shared under INTx */
	if (test_bit(SRNIC_PF_RESETTING, pf->state))
		return IRQ_NONE;
	icr = pf_rd(pf, SRNIC_ICR);
	if (!icr || icr == ~0U)
		return IRQ_NONE;
	if (pf->irq_mode == SRNIC_IRQ_INTX && !(icr & SRNIC_ICR_INT_ASSERTED))
		return IRQ_NONE;
	WRITE_ONCE(pf->misc_irqs, pf->misc_irqs + 1);
	if (icr & SRNIC_ICR_LSC)
		srnic_pf_watchdog_kick(pf, 0);
	if (icr & SRNIC_PF_QUEUE_IMS)
		napi_schedule_irqoff(&pf->q_vector[0]->napi);
	else
		srnic_wr32(&pf->hw, SRNIC_IMS, SRNIC_ICR_LSC);
	return IRQ_HANDLED;
}

static void srnic_pf_free_queue_irqs(struct srnic_pf *pf, unsigned int n)
{
	while (n--) {
		if (pf->irq_mode == SRNIC_IRQ_MSIX)
			free_irq(pci_irq_vector(pf->pdev, n), pf->q_vector[n]);
		else
			free_irq(pci_irq_vector(pf->pdev, 0), pf);
	}
}

static int srnic_pf_request_queue_irqs(struct srnic_pf *pf)
{
	unsigned int i;
	int err;

	if (pf->irq_mode != SRNIC_IRQ_MSIX) {
		snprintf(pf->misc_name, sizeof(pf->misc_name), "%s",
			 pf->netdev->name);
		return request_irq(pci_irq_vector(pf->pdev, 0),
				   srnic_pf_single_irq,
				   pf->irq_mode == SRNIC_IRQ_INTX ? IRQF_SHARED : 0,
				   pf->misc_name, pf);
	}
	for (i = 0; i < pf->num_qp; i++) {
		snprintf(pf->q_vector[i]->name, sizeof(pf->q_vector[i]->name),
			 "%s-TxRx-%u", pf->netdev->name, i);
		err = request_irq(pci_irq_vector(pf->pdev, i),
				  srnic_pf_queue_irq, 0, pf->q_vector[i]->name,
				  pf->q_vector[i]);
		if (err) {
			netdev_err(pf->netdev, "cannot request irq %s: %d\n",
				   pf->q_vector[i]->name, err);
			srnic_pf_free_queue_irqs(pf, i);
			return err;
		}
	}
	return 0;
}

static void srnic_pf_configure_msix(struct srnic_pf *pf)
{
	unsigned int i, q, shift;
	u32 ivar;

	/*
	 * The queue causes go through IVAR in every interrupt mode: without
	 * a valid entry a completed descriptor raises neither an EICR bit
	 * nor ICR.TXDW/RXT0.
	 */
	pf->eims_queues = 0;
	for (i = 0; i < pf->num_qp; i++) {
		/*
		 * IVAR0[q & 7] holds four entries: RX and TX of queue q & 7
		 * in bytes 0 and 1, RX and TX of queue (q & 7) + 8 in bytes
		 * 2 and 3. The other entries may belong to VFs: keep them.
		 */
		q = pf->rx_ring[i]->reg_idx;
		shift = q < 8 ? 0 : 16;
		ivar = pf_rd(pf, SRNIC_IVAR0(q & 7));
		ivar &= ~(0xFFFFU << shift);
		ivar |= ((i | SRNIC_IVAR_VALID) |
			 ((i | SRNIC_IVAR_VALID) << 8)) << shift;
		pf_wr(pf, SRNIC_IVAR0(q & 7), ivar);
		pf_wr(pf, SRNIC_EITR(i), pf->q_vector[i]->itr);
		pf->eims_queues |= pf->q_vector[i]->eims_value;
	}
}

static void srnic_pf_irq_enable_queues(struct srnic_pf *pf)
{
	if (pf->irq_mode == SRNIC_IRQ_MSIX) {
		srnic_pf_irq_enable_misc(pf);
		pf_wr(pf, SRNIC_EIMS, pf->eims_queues | pf->eims_misc);
	} else {
		pf_wr(pf, SRNIC_IMS, SRNIC_PF_QUEUE_IMS | SRNIC_ICR_LSC);
	}
	srnic_wr_flush(&pf->hw);
}

static void srnic_pf_irq_disable_queues(struct srnic_pf *pf)
{
	unsigned int i;

	if (pf->irq_mode == SRNIC_IRQ_MSIX) {
		pf_wr(pf, SRNIC_EIMC, pf->eims_queues);
		srnic_wr_flush(&pf->hw);
		for (i = 0; i < pf->num_qp; i++)
			synchronize_irq(pci_irq_vector(pf->pdev, i));
	} else {
		pf_wr(pf, SRNIC_IMC, SRNIC_PF_QUEUE_IMS);
		srnic_wr_flush(&pf->hw);
		synchronize_irq(pci_irq_vector(pf->pdev, 0));
	}
}

/* ---- receive filters ---------------------------------------------------- */

/*
 * The PF's own VPort (pool num_vfs) in the switch model: its address,
 * unicast and multicast lists and rx mode. Without VFs the MAC is not in
 * VMDq mode and ignores VMOLR, so RCTL carries the promiscuous bits too.
 */
static void srnic_pf_set_rx_mode(struct net_device *netdev)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	u16 mc[SRNIC_SW_MC_MAX];
	struct netdev_hw_addr *ha;
	unsigned int pool, n = 0;
	bool uc_promisc = false;
	u32 flags = 0, rctl;

	spin_lock_irq(&pf->sw_lock);
	pool = pf->num_vfs;
	if (srnic_pol_pf_set_mac(&pf->pol, netdev->dev_addr))
		netdev_warn(netdev, "%pM is taken by a VF\n", netdev->dev_addr);
	srnic_sw_uc_clear(&pf->sw, pool);
	/* a VF's address (also an admin MAC it is not using) is not ours */
	netdev_for_each_uc_addr(ha, netdev)
		if (srnic_pol_pf_uc_add(&pf->pol, ha->addr))
			uc_promisc = true;
	netdev_for_each_mc_addr(ha, netdev) {
		if (n < SRNIC_SW_MC_MAX)
			mc[n] = srnic_mc_hash(ha->addr);
		n++;
	}
	srnic_sw_set_mc(&pf->sw, pool, mc, n);

	if (netdev->flags & IFF_PROMISC)
		flags = SRNIC_SW_RX_UC_PROMISC | SRNIC_SW_RX_MC_PROMISC |
			SRNIC_SW_RX_VLAN_PROMISC;
	if (netdev->flags & IFF_ALLMULTI || n > SRNIC_SW_MC_MAX)
		flags |= SRNIC_SW_RX_MC_PROMISC;
	if (uc_promisc)
		flags |= SRNIC_SW_RX_UC_PROMISC;
	if (!(netdev->features & NETIF_F_HW_VLAN_CTAG_FILTER))
		flags |= SRNIC_SW_RX_VLAN_PROMISC;
	srnic_sw_set_rx_mode(&pf->sw, pool, flags);
	srnic_sw_set_vlan_strip(&pf->sw, pool,
				netdev->features & NETIF_F_HW_VLAN_CTAG_RX);
	srnic_pf_sw_flush(pf);
	spin_unlock_irq(&pf->sw_lock);

	rctl = pf_rd(pf, SRNIC_RCTL) & ~(SRNIC_RCTL_UPE | SRNIC_RCTL_MPE);
	if (!pf->num_vfs) {
		if (flags & SRNIC_SW_RX_UC_PROMISC)
			rctl |= SRNIC_RCTL_UPE;
		if (flags & SRNIC_SW_RX_MC_PROMISC)
			rctl |= SRNIC_RCTL_MPE;
	}
	pf_wr(pf, SRNIC_RCTL, rctl);
}

static void srnic_pf_sync_rx_mode(struct srnic_pf *pf)
{
	netif_addr_lock_bh(pf->netdev);
	srnic_pf_set_rx_mode(pf->netdev);
	netif_addr_unlock_bh(pf->netdev);
}

static void srnic_pf_restore_vlans(struct srnic_pf *pf)
{
	struct net_device *netdev = pf->netdev;
	u32 ctrl = pf_rd(pf, SRNIC_CTRL);
	u32 rctl = pf_rd(pf, SRNIC_RCTL);
	u16 vid;

	/* CTRL.VME strips tags outside VMDq; VMOLR.STRVLAN does it inside */
	if (netdev->features & NETIF_F_HW_VLAN_CTAG_RX)
		ctrl |= SRNIC_CTRL_VME;
	else
		ctrl &= ~SRNIC_CTRL_VME;
	pf_wr(pf, SRNIC_CTRL, ctrl);

	/* VMDq needs the VLAN filter on to accept untagged frames per pool */
	rctl |= SRNIC_RCTL_VFE;
	pf_wr(pf, SRNIC_RCTL, rctl);

	/* the PF pool falls back to VFTA alone when VLVF is full */
	spin_lock_irq(&pf->sw_lock);
	for_each_set_bit(vid, pf->active_vlans, VLAN_N_VID)
		srnic_sw_vlan_add(&pf->sw, pf->num_vfs, vid);
	srnic_pf_sw_flush(pf);
	spin_unlock_irq(&pf->sw_lock);
}

static int srnic_pf_vlan_rx_add_vid(struct net_device *netdev,
				    __be16 proto, u16 vid)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	int err;

	spin_lock_irq(&pf->sw_lock);
	err = srnic_sw_vlan_add(&pf->sw, pf->num_vfs, vid);
	if (!err)
		set_bit(vid, pf->active_vlans);
	srnic_pf_sw_flush(pf);
	spin_unlock_irq(&pf->sw_lock);
	return err;
}

static int srnic_pf_vlan_rx_kill_vid(struct net_device *netdev,
				     __be16 proto, u16 vid)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);

	spin_lock_irq(&pf->sw_lock);
	srnic_sw_vlan_del(&pf->sw, pf->num_vfs, vid);
	clear_bit(vid, pf->active_vlans);
	srnic_pf_sw_flush(pf);
	spin_unlock_irq(&pf->sw_lock);
	return 0;
}

/* ---- bring-up ----------------------------------------------------------- */

static void srnic_pf_setup_rss(struct srnic_pf *pf)
{
	unsigned int i, j;
	u32 reta, mrqc;

	for (i = 0; i < SRNIC_RSSRK_NUM; i++)
		pf_wr(pf, SRNIC_RSSRK(i), pf->rss_key[i]);
	for (i = 0; i < SRNIC_RETA_NUM; i++) {
		reta = 0;
		for (j = 0; j < 4; j++)
			reta |= ((4 * i + j) % pf->num_qp) << (8 * j);
		pf_wr(pf, SRNIC_RETA(i), reta);
	}
	mrqc = SRNIC_MRQC_RSS_IPV4 | SRNIC_MRQC_RSS_IPV4_TCP |
	       SRNIC_MRQC_RSS_IPV6 | SRNIC_MRQC_RSS_IPV6_TCP;
	if (pf->num_qp > 1)
		mrqc |= SRNIC_MRQC_MODE_RSS;
	pf_wr(pf, SRNIC_MRQC, mrqc);
}

/* The NIC switch: pools, replication, loopback, mailbox interrupts. */
static void srnic_pf_setup_vmdq(struct srnic_pf *pf)
{
	u32 ctrl_ext;

	if (!pf->num_vfs) {
		pf_wr(pf, SRNIC_VT_CTL, 0);
		pf_wr(pf, SRNIC_MBVFIMR, 0);
		pf_wr(pf, SRNIC_QDE, 0);
		return;
	}
	pf_wr(pf, SRNIC_MRQC, SRNIC_MRQC_MODE_VMDQ);
	pf_wr(pf, SRNIC_VT_CTL, (pf->num_vfs << SRNIC_VT_CTL_DEF_PL_SHIFT) |
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

static u32 srnic_pf_max_frame(struct net_device *netdev)
{
	return netdev->mtu + ETH_HLEN + ETH_FCS_LEN + 2 * VLAN_HLEN;
}

/**
 * srnic_pf_mac_setup - program everything that is not a PF queue
 * @pf: the PF
 *
 * Receive and transmit control, offloads, the NIC switch with every
 * VPort's filters and the mailbox. Runs at probe, when the number of VFs
 * changes, after a MAC reset and at open; idempotent. With VFs the MAC
 * stays enabled while the PF netdev is down, so VFs keep their traffic.
 *
 * Context: rtnl held (or probe).
 */
void srnic_pf_mac_setup(struct srnic_pf *pf)
{
	struct net_device *netdev = pf->netdev;
	u32 rctl, rxcsum, tctl;

	rxcsum = SRNIC_RXCSUM_IPOFLD | SRNIC_RXCSUM_TUOFLD;
	if (netdev->features & NETIF_F_RXHASH)
		rxcsum |= SRNIC_RXCSUM_PCSD;
	pf_wr(pf, SRNIC_RXCSUM, rxcsum);
	/* with VFs the global check must pass their jumbo frames too */
	pf_wr(pf, SRNIC_RLPML, pf->num_vfs ? SRNIC_MAX_FRAME :
	      srnic_pf_max_frame(netdev));

	rctl = pf_rd(pf, SRNIC_RCTL) & (SRNIC_RCTL_EN | SRNIC_RCTL_UPE |
					SRNIC_RCTL_MPE);
	rctl |= SRNIC_RCTL_BAM | SRNIC_RCTL_SECRC;
	if (netdev->mtu > ETH_DATA_LEN || pf->num_vfs)
		rctl |= SRNIC_RCTL_LPE;
	if (pf->num_vfs)
		rctl |= SRNIC_RCTL_EN;
	pf_wr(pf, SRNIC_RCTL, rctl);

	pf_wr(pf, SRNIC_TIPG, 8 | (8 << 10) | (6 << 20));
	tctl = SRNIC_TCTL_PSP | SRNIC_TCTL_RTLC |
	       (0xF << SRNIC_TCTL_CT_SHIFT) | (0x3F << SRNIC_TCTL_COLD_SHIFT);
	if (pf->num_vfs || !test_bit(SRNIC_PF_DOWN, pf->state))
		tctl |= SRNIC_TCTL_EN;
	pf_wr(pf, SRNIC_TCTL, tctl);

	/* both flush the switch, a full replay after a reset included */
	srnic_pf_restore_vlans(pf);
	srnic_pf_sync_rx_mode(pf);
	srnic_pf_setup_vmdq(pf);
}

static void srnic_pf_configure(struct srnic_pf *pf)
{
	unsigned int i;

	for (i = 0; i < pf->num_qp; i++)
		srnic_configure_tx_ring(pf->tx_ring[i]);
	if (!pf->num_vfs)
		srnic_pf_setup_rss(pf);
	for (i = 0; i < pf->num_qp; i++)
		srnic_configure_rx_ring(pf->rx_ring[i]);
	pf_wr(pf, SRNIC_RCTL, pf_rd(pf, SRNIC_RCTL) | SRNIC_RCTL_EN);
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

/**
 * srnic_pf_update_link - follow the PHY link with the carrier
 * @pf: the PF
 *
 * Context: process context (watchdog).
 */
void srnic_pf_update_link(struct srnic_pf *pf)
{
	struct net_device *netdev = pf->netdev;

	if (srnic_pf_check_link(pf) && netif_msg_link(pf)) {
		if (pf->link_up)
			netdev_info(netdev, "NIC Link is Up %u Mbps %s Duplex\n",
				    pf->link_speed,
				    pf->link_duplex == DUPLEX_FULL ? "Full" : "Half");
		else
			netdev_info(netdev, "NIC Link is Down\n");
	}
	if (pf->link_up && netif_running(netdev) &&
	    !test_bit(SRNIC_PF_DOWN, pf->state)) {
		if (!netif_carrier_ok(netdev)) {
			netif_carrier_on(netdev);
			netif_tx_wake_all_queues(netdev);
		}
	} else if (netif_carrier_ok(netdev)) {
		netif_carrier_off(netdev);
	}
}

int srnic_pf_open(struct net_device *netdev)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	unsigned int i;
	int err;

	if (test_bit(SRNIC_PF_GONE, pf->state))
		return -ENODEV;
	netif_carrier_off(netdev);

	err = srnic_pf_setup_rings(pf);
	if (err)
		return err;
	err = srnic_pf_request_queue_irqs(pf);
	if (err)
		goto err_free_rings;

	err = netif_set_real_num_tx_queues(netdev, pf->num_qp);
	if (!err)
		err = netif_set_real_num_rx_queues(netdev, pf->num_qp);
	if (err)
		goto err_free_irqs;

	clear_bit(SRNIC_PF_DOWN, pf->state);
	srnic_pf_configure_msix(pf);
	srnic_pf_mac_setup(pf);
	srnic_pf_configure(pf);

	for (i = 0; i < pf->num_qp; i++)
		napi_enable(&pf->q_vector[i]->napi);
	/* clear stale causes, then unmask */
	pf_rd(pf, SRNIC_ICR);
	srnic_pf_irq_enable_queues(pf);
	netif_tx_start_all_queues(netdev);
	srnic_pf_watchdog_kick(pf, 0);
	srnic_pf_selftest_break(pf);
	return 0;

err_free_irqs:
	srnic_pf_free_queue_irqs(pf, pf->irq_mode == SRNIC_IRQ_MSIX ?
				 pf->num_qp : 1);
err_free_rings:
	srnic_pf_free_rings(pf);
	return err;
}

int srnic_pf_close(struct net_device *netdev)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	unsigned int i;

	if (test_and_set_bit(SRNIC_PF_DOWN, pf->state))
		return 0;

	netif_carrier_off(netdev);
	netif_tx_disable(netdev);
	/* with VFs the MAC keeps running for them */
	if (!pf->num_vfs)
		pf_wr(pf, SRNIC_RCTL, pf_rd(pf, SRNIC_RCTL) & ~SRNIC_RCTL_EN);
	for (i = 0; i < pf->num_qp; i++) {
		srnic_disable_rx_ring(pf->rx_ring[i]);
		srnic_disable_tx_ring(pf->tx_ring[i]);
	}
	if (!pf->num_vfs)
		pf_wr(pf, SRNIC_TCTL, pf_rd(pf, SRNIC_TCTL) & ~SRNIC_TCTL_EN);
	srnic_pf_irq_disable_queues(pf);
	for (i = 0; i < pf->num_qp; i++)
		napi_disable(&pf->q_vector[i]->napi);
	srnic_pf_free_queue_irqs(pf, pf->irq_mode == SRNIC_IRQ_MSIX ?
				 pf->num_qp : 1);

	for (i = 0; i < pf->num_qp; i++) {
		srnic_clean_tx_ring(pf->tx_ring[i]);
		srnic_clean_rx_ring(pf->rx_ring[i]);
	}
	srnic_pf_free_rings(pf);
	return 0;
}

/**
 * srnic_pf_reinit_locked - close and reopen to apply a new configuration
 * @pf: the PF
 *
 * Context: rtnl held.
 */
void srnic_pf_reinit_locked(struct srnic_pf *pf)
{
	int err;

	ASSERT_RTNL();
	if (!netif_running(pf->netdev))
		return;
	srnic_pf_close(pf->netdev);
	err = srnic_pf_open(pf->netdev);
	if (err) {
		netdev_err(pf->netdev, "cannot reopen after reset: %d\n", err);
		dev_close(pf->netdev);
	}
}

/* ---- ndo ---------------------------------------------------------------- */

static netdev_tx_t srnic_pf_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	unsigned int q = skb_get_queue_mapping(skb);

	if (unlikely(q >= pf->num_qp))
		q %= pf->num_qp;
	return srnic_xmit_ring(skb, pf->tx_ring[q]);
}

void srnic_pf_get_stats64(struct net_device *netdev,
			  struct rtnl_link_stats64 *stats)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	struct srnic_pf_hw_stats *h = &pf->hw_stats;
	unsigned long flags;
	unsigned int i;

	/* ring objects live as long as the netdev; counters survive close */
	for (i = 0; i < pf->max_qp; i++) {
		srnic_ring_stats_add(pf->tx_ring[i], true, stats);
		srnic_ring_stats_add(pf->rx_ring[i], false, stats);
	}

	srnic_pf_update_hw_stats(pf);
	spin_lock_irqsave(&pf->stats_lock, flags);
	stats->multicast = h->mprc;
	stats->collisions = h->colc;
	stats->rx_crc_errors = h->crcerrs;
	stats->rx_length_errors = h->ruc + h->roc + h->rlec;
	stats->rx_frame_errors = h->algnerrc;
	stats->rx_missed_errors = h->mpc;
	stats->rx_errors = h->rxerrc + h->crcerrs + h->algnerrc + h->ruc +
			   h->roc + h->symerrs;
	stats->tx_aborted_errors = h->latecol;
	stats->tx_errors = h->latecol;
	spin_unlock_irqrestore(&pf->stats_lock, flags);
}

static int srnic_pf_set_mac(struct net_device *netdev, void *p)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	struct sockaddr *addr = p;
	int err;

	if (!is_valid_ether_addr(addr->sa_data))
		return -EADDRNOTAVAIL;
	/*
	 * Check and claim in one critical section: a VF's SET_MAC_ADDR,
	 * served from the mailbox interrupt, must not take the address
	 * between the owner check and the PF's filter moving to it.
	 */
	spin_lock_irq(&pf->sw_lock);
	err = srnic_pol_pf_set_mac(&pf->pol, addr->sa_data);
	if (!err)
		srnic_pf_sw_flush(pf);
	spin_unlock_irq(&pf->sw_lock);
	if (err) {
		netdev_err(netdev, "%pM is in use by, or reserved for, a VF: %pe\n",
			   addr->sa_data, ERR_PTR(err));
		return err;
	}
	eth_hw_addr_set(netdev, addr->sa_data);
	srnic_pf_sync_rx_mode(pf);
	return 0;
}

static int srnic_pf_change_mtu(struct net_device *netdev, int new_mtu)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);

	netdev_dbg(netdev, "changing MTU from %u to %d\n", netdev->mtu, new_mtu);
	netdev->mtu = new_mtu;
	srnic_pf_reinit_locked(pf);
	return 0;
}

static void srnic_pf_tx_timeout(struct net_device *netdev, unsigned int txq)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);

	pf->tx_timeouts++;
	netdev_err(netdev, "transmit queue %u timed out\n", txq);
	srnic_pf_health_tx_timeout(pf, txq);
	schedule_work(&pf->reset_task);
}

static int srnic_pf_set_features(struct net_device *netdev,
				 netdev_features_t features)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	netdev_features_t changed = netdev->features ^ features;

	netdev->features = features;
	if (changed & NETIF_F_RXHASH)
		srnic_pf_reinit_locked(pf);
	else if (changed & (NETIF_F_HW_VLAN_CTAG_RX |
			    NETIF_F_HW_VLAN_CTAG_FILTER))
		srnic_pf_mac_setup(pf);
	/* 1 tells the core that netdev->features was updated here */
	return 1;
}

static netdev_features_t srnic_pf_features_check(struct sk_buff *skb,
						 struct net_device *dev,
						 netdev_features_t features)
{
	unsigned int hlen;

	/* the context descriptor has 7 bits of MAC and 9 of IP header */
	hlen = skb_network_offset(skb);
	if (unlikely(hlen > 127))
		return features & ~(NETIF_F_CSUM_MASK | NETIF_F_GSO_MASK);
	hlen = skb_network_header_len(skb);
	if (unlikely(hlen > 511))
		return features & ~(NETIF_F_CSUM_MASK | NETIF_F_GSO_MASK);
	return vlan_features_check(skb, features);
}

static const struct net_device_ops srnic_pf_netdev_ops = {
	.ndo_open = srnic_pf_open,
	.ndo_stop = srnic_pf_close,
	.ndo_start_xmit = srnic_pf_xmit,
	.ndo_get_stats64 = srnic_pf_get_stats64,
	.ndo_set_rx_mode = srnic_pf_set_rx_mode,
	.ndo_set_mac_address = srnic_pf_set_mac,
	.ndo_validate_addr = eth_validate_addr,
	.ndo_change_mtu = srnic_pf_change_mtu,
	.ndo_tx_timeout = srnic_pf_tx_timeout,
	.ndo_set_features = srnic_pf_set_features,
	.ndo_features_check = srnic_pf_features_check,
	.ndo_vlan_rx_add_vid = srnic_pf_vlan_rx_add_vid,
	.ndo_vlan_rx_kill_vid = srnic_pf_vlan_rx_kill_vid,
	.ndo_set_vf_mac = srnic_pf_set_vf_mac,
	.ndo_set_vf_vlan = srnic_pf_set_vf_vlan,
	.ndo_set_vf_rate = srnic_pf_set_vf_rate,
	.ndo_set_vf_spoofchk = srnic_pf_set_vf_spoofchk,
	.ndo_set_vf_trust = srnic_pf_set_vf_trust,
	.ndo_set_vf_link_state = srnic_pf_set_vf_link_state,
	.ndo_get_vf_config = srnic_pf_get_vf_config,
	.ndo_get_vf_stats = srnic_pf_get_vf_stats,
};

/**
 * srnic_pf_set_ring_counts - set descriptor counts used at the next open
 * @pf: the PF
 * @tx: TX descriptors per ring
 * @rx: RX descriptors per ring
 */
void srnic_pf_set_ring_counts(struct srnic_pf *pf, u16 tx, u16 rx)
{
	pf->tx_ring_count = tx;
	pf->rx_ring_count = rx;
}

/**
 * srnic_pf_netdev_create - allocate and register the PF netdev
 * @pf: the PF
 *
 * Return: 0 or a negative errno.
 */
int srnic_pf_netdev_create(struct srnic_pf *pf)
{
	struct net_device *netdev;
	netdev_features_t hw;
	int err;

	netdev = alloc_etherdev_mq(sizeof(struct srnic_pf *), SRNIC_PF_MAX_QP);
	if (!netdev)
		return -ENOMEM;
	*(struct srnic_pf **)netdev_priv(netdev) = pf;
	pf->netdev = netdev;
	SET_NETDEV_DEV(netdev, &pf->pdev->dev);
	netdev->netdev_ops = &srnic_pf_netdev_ops;
	srnic_pf_set_ethtool_ops(netdev);
	netdev->watchdog_timeo = 5 * HZ;
	netdev->min_mtu = SRNIC_MIN_MTU;
	netdev->max_mtu = SRNIC_MAX_MTU;

	hw = NETIF_F_SG | NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM |
	     NETIF_F_SCTP_CRC | NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_RXCSUM |
	     NETIF_F_RXHASH | NETIF_F_HW_VLAN_CTAG_TX |
	     NETIF_F_HW_VLAN_CTAG_RX;
	netdev->hw_features = hw | NETIF_F_HW_VLAN_CTAG_FILTER;
	netdev->features = hw | NETIF_F_HW_VLAN_CTAG_FILTER | NETIF_F_HIGHDMA;
	netdev->vlan_features = NETIF_F_SG | NETIF_F_IP_CSUM |
				NETIF_F_IPV6_CSUM | NETIF_F_TSO |
				NETIF_F_TSO6 | NETIF_F_HIGHDMA;
	netdev->priv_flags |= IFF_UNICAST_FLT;

	eth_hw_addr_set(netdev, pf->perm_addr);
	memcpy(netdev->perm_addr, pf->perm_addr, ETH_ALEN);
	netdev_rss_key_fill(pf->rss_key, sizeof(pf->rss_key));
	pf->num_qp = pf->max_qp;
	srnic_pf_set_ring_counts(pf, SRNIC_DEFAULT_RING, SRNIC_DEFAULT_RING);

	err = srnic_pf_alloc_queues(pf);
	if (err)
		goto err_free_netdev;

	netif_carrier_off(netdev);
	spin_lock_irq(&pf->sw_lock);
	srnic_sw_init(&pf->sw, 0);
	srnic_pol_init(&pf->pol, &pf->sw, 0, jiffies_to_msecs(jiffies));
	spin_unlock_irq(&pf->sw_lock);

	rtnl_lock();
	srnic_pf_mac_setup(pf);
	err = register_netdevice(netdev);
	rtnl_unlock();
	if (err)
		goto err_free_queues;
	return 0;

err_free_queues:
	srnic_pf_free_queues(pf);
err_free_netdev:
	pf->netdev = NULL;
	free_netdev(netdev);
	return err;
}

/**
 * srnic_pf_netdev_unregister - unregister the PF netdev
 * @pf: the PF
 *
 * Closes it if it was up; no ndo or ethtool op runs on it afterwards.
 */
void srnic_pf_netdev_unregister(struct srnic_pf *pf)
{
	unregister_netdev(pf->netdev);
}

/**
 * srnic_pf_netdev_free - free the unregistered PF netdev and its queues
 * @pf: the PF
 */
void srnic_pf_netdev_free(struct srnic_pf *pf)
{
	srnic_pf_free_queues(pf);
	free_netdev(pf->netdev);
	pf->netdev = NULL;
}
