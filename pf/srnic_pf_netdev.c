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

/*
 * Place ring pair @i on its hardware queue. Without VFs the PF owns
 * queues 0..n-1; with VFs it owns the queues of its pool (num_vfs).
 */
static void srnic_pf_place_rings(struct srnic_port *port, unsigned int i)
{
	struct srnic_pf *pf = container_of(port, struct srnic_pf, port);
	struct srnic_ring *tx = pf->tx_ring[i], *rx = pf->rx_ring[i];
	unsigned int reg_idx = pf->num_vfs + i;

	srnic_port_place_ring(tx, pf->bar0 + SRNIC_PF_TXQ_BASE(reg_idx),
			      reg_idx);
	srnic_port_place_ring(rx, pf->bar0 + SRNIC_PF_RXQ_BASE(reg_idx),
			      reg_idx);
	/* with VFs a stalled PF ring must not block the shared RX FIFO */
	rx->drop_en = pf->num_vfs > 0;
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

	pf_wr(pf, SRNIC_TIPG, FIELD_PREP(SRNIC_TIPG_IPGT_MASK, 8) |
	      FIELD_PREP(SRNIC_TIPG_IPGR1_MASK, 8) |
	      FIELD_PREP(SRNIC_TIPG_IPGR_MASK, 6));
	tctl = SRNIC_TCTL_PSP | SRNIC_TCTL_RTLC |
	       FIELD_PREP(SRNIC_TCTL_CT_MASK, 0xF) |
	       FIELD_PREP(SRNIC_TCTL_COLD_MASK, 0x3F);
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

	err = srnic_port_setup_rings(&pf->port);
	if (err)
		return err;
	err = srnic_pf_request_queue_irqs(pf);
	if (err)
		goto err_free_rings;

	err = srnic_port_set_real_queues(&pf->port, pf->num_qp);
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
	srnic_port_free_rings(&pf->port);
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
	srnic_port_free_rings(&pf->port);
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

	srnic_port_ring_stats(&pf->port, stats);
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
		/* the caller gets the errno; a retry loop must not flood the log */
		net_ratelimited_function(netdev_err, netdev,
					 "%pM is in use by, or reserved for, a VF: %pe (policy mac-in-use)\n",
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
	.ndo_features_check = srnic_port_features_check,
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

/* ethtool -G: the new sizes take effect through a close and open */
static int srnic_pf_set_ring_counts(struct srnic_port *port, u16 tx, u16 rx)
{
	struct srnic_pf *pf = container_of(port, struct srnic_pf, port);

	pf->tx_ring_count = tx;
	pf->rx_ring_count = rx;
	srnic_pf_reinit_locked(pf);
	return 0;
}

static void srnic_pf_fw_version(struct srnic_port *port, char *buf,
				size_t len)
{
	struct srnic_pf *pf = container_of(port, struct srnic_pf, port);

	snprintf(buf, len, "%lu.%lu.%lu",
		 FIELD_GET(SRNIC_NVM_VER_MAJOR, pf->nvm_version),
		 FIELD_GET(SRNIC_NVM_VER_MINOR, pf->nvm_version),
		 FIELD_GET(SRNIC_NVM_VER_BUILD, pf->nvm_version));
}

#define SRNIC_PF_VLAN_FEATURES	(NETIF_F_HW_VLAN_CTAG_TX | NETIF_F_HW_VLAN_CTAG_RX | \
				 NETIF_F_HW_VLAN_CTAG_FILTER)

static_assert(SRNIC_PF_MAX_QP <= SRNIC_PORT_MAX_QP);

static const struct srnic_port_ops srnic_pf_port_ops = {
	.netdev_ops = &srnic_pf_netdev_ops,
	.ethtool_ops = &srnic_pf_ethtool_ops,
	.hw_features = NETIF_F_RXHASH | SRNIC_PF_VLAN_FEATURES,
	.features = NETIF_F_RXHASH | SRNIC_PF_VLAN_FEATURES | NETIF_F_HIGHDMA,
	.queues = SRNIC_PF_MAX_QP,
	.itr = SRNIC_PF_ITR,
	.qv_irq_enable = srnic_pf_qv_irq_enable,
	.place_rings = srnic_pf_place_rings,
	.set_ring_counts = srnic_pf_set_ring_counts,
	.fw_version = srnic_pf_fw_version,
};

/**
 * srnic_pf_netdev_create - allocate and register the PF netdev
 * @pf: the PF
 *
 * Return: 0 or a negative errno.
 */
int srnic_pf_netdev_create(struct srnic_pf *pf)
{
	int err;

	err = srnic_port_netdev_create(&pf->port, &srnic_pf_port_ops);
	if (err)
		return err;
	eth_hw_addr_set(pf->netdev, pf->perm_addr);
	memcpy(pf->netdev->perm_addr, pf->perm_addr, ETH_ALEN);
	netdev_rss_key_fill(pf->rss_key, sizeof(pf->rss_key));

	spin_lock_irq(&pf->sw_lock);
	srnic_sw_init(&pf->sw, 0);
	srnic_pol_init(&pf->pol, &pf->sw, 0, jiffies_to_msecs(jiffies));
	spin_unlock_irq(&pf->sw_lock);

	rtnl_lock();
	srnic_pf_mac_setup(pf);
	err = register_netdevice(pf->netdev);
	rtnl_unlock();
	if (err)
		srnic_port_netdev_free(&pf->port);
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
	srnic_port_netdev_free(&pf->port);
}
