// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_vf: the VF network device. Queues and interrupts, the datapath
 * up/down and recovery sequence, ndo operations and statistics.
 *
 * Interrupts: vector 0 serves queue pair 0, vector 1 queue pair 1, vector
 * 2 the mailbox; srnic_vf_irq_quirk() covers a device that routes them
 * otherwise.
 */
#include <linux/interrupt.h>
#include <linux/if_vlan.h>

#include "srnic_vf.h"

#define SRNIC_VF_ALL_VECTORS	GENMASK(SRNIC_VF_NUM_VECTORS - 1, 0)
/* vectors that may carry the mailbox: see srnic_vf_irq_quirk() */
#define SRNIC_VF_MBX_EIMS	(BIT(1) | BIT(SRNIC_VF_MBX_VECTOR))
#define SRNIC_VF_MBX_KICK_MS	10

/* ---- queue and vector objects ------------------------------------------ */

static void srnic_vf_qv_irq_enable(struct srnic_q_vector *qv)
{
	struct srnic_vf *vf = container_of(qv->hw, struct srnic_vf, hw);

	if (test_bit(SRNIC_VF_DP_UP, vf->state))
		srnic_wr32(qv->hw, SRNIC_VF_EIMS, qv->eims_value);
}

/* Queue pair @q is the VF's queue q; the rings carry the VF's VLANs. */
static void srnic_vf_place_rings(struct srnic_port *port, unsigned int q)
{
	struct srnic_vf *vf = container_of(port, struct srnic_vf, port);
	struct srnic_ring *tx = vf->tx_ring[q], *rx = vf->rx_ring[q];

	srnic_port_place_ring(tx, vf->bar0 + SRNIC_VF_TXQ_BASE(q), q);
	srnic_port_place_ring(rx, vf->bar0 + SRNIC_VF_RXQ_BASE(q), q);
	/* a VF that stops posting buffers must not stall the shared FIFO */
	tx->drop_en = true;
	rx->drop_en = true;
	rx->active_vlans = vf->active_vlans;
}

/* ---- interrupts --------------------------------------------------------- */

/**
 * srnic_vf_service_now - run the service task as soon as possible
 * @vf: the VF
 *
 * A no-op until probe has fully succeeded (SRNIC_VF_SERVICE_ON) and once
 * remove began: probe's error paths free the VF without a work item to
 * cancel, and recovery never overlaps probe. Context: any.
 */
void srnic_vf_service_now(struct srnic_vf *vf)
{
	if (test_bit(SRNIC_VF_SERVICE_ON, vf->state) &&
	    !test_bit(SRNIC_VF_REMOVING, vf->state))
		mod_delayed_work(system_wq, &vf->service, 0);
}

static void srnic_vf_mbx_kick(struct srnic_vf *vf)
{
	unsigned long now = jiffies;

	if (time_before(now, READ_ONCE(vf->mbx_kick_at)))
		return;
	WRITE_ONCE(vf->mbx_kick_at,
		   now + msecs_to_jiffies(SRNIC_VF_MBX_KICK_MS));
	srnic_vf_service_now(vf);
}

/**
 * srnic_vf_irq_quirk - allow for misrouted VF interrupts
 * @vf: the VF
 * @qv: the queue vector that fired
 *
 * Quirk: an implementation of the 82576 (the emulated one, see
 * docs/qemu-igb-model.md section 11) routes no cause of queue pair 1 to
 * any vector and delivers the mailbox interrupt on vector 1, never on
 * vector 2. So vector 1 also kicks the mailbox service, and a queue
 * vector also schedules the other active pair. This runs on every
 * device: silicon pays an occasional empty NAPI poll and a rate-limited
 * extra service run. Which vectors fire does not tell the two apart
 * reliably: srnic_pf's doorbell for an API 1.0 VF fires vector 2 on the
 * emulated device too.
 */
static void srnic_vf_irq_quirk(struct srnic_vf *vf, struct srnic_q_vector *qv)
{
	unsigned int i;

	if (qv->v_idx == 1) {
		vf->sw_stats.mbx_irqs++;
		srnic_vf_mbx_kick(vf);
	}
	if (!test_bit(SRNIC_VF_DP_UP, vf->state) || qv->v_idx >= vf->num_qp)
		return;
	for (i = 0; i < vf->num_qp; i++)
		if (i != qv->v_idx)
			napi_schedule_irqoff(&vf->q_vector[i]->napi);
}

/**
 * srnic_vf_queue_irq - MSI-X handler of a queue pair vector
 * @irq: the interrupt
 * @data: the srnic_q_vector
 *
 * Return: IRQ_HANDLED.
 */
irqreturn_t srnic_vf_queue_irq(int irq, void *data)
{
	struct srnic_q_vector *qv = data;
	struct srnic_vf *vf = container_of(qv->hw, struct srnic_vf, hw);

	srnic_vf_irq_quirk(vf, qv);
	if (!test_bit(SRNIC_VF_DP_UP, vf->state) || qv->v_idx >= vf->num_qp)
		return IRQ_HANDLED;

	srnic_wr32(&vf->hw, SRNIC_VF_EIMC, qv->eims_value);
	napi_schedule_irqoff(&qv->napi);
	return IRQ_HANDLED;
}

/**
 * srnic_vf_mbx_irq - MSI-X handler of the mailbox vector
 * @irq: the interrupt
 * @data: the VF
 *
 * Return: IRQ_HANDLED.
 */
irqreturn_t srnic_vf_mbx_irq(int irq, void *data)
{
	struct srnic_vf *vf = data;

	vf->sw_stats.mbx_irqs++;
	srnic_vf_service_now(vf);
	return IRQ_HANDLED;
}

/**
 * srnic_vf_irq_release - mask every cause and drop the routing
 * @vf: the VF
 *
 * For the next driver of the VF: it may read-modify-write IVAR (the stock
 * igbvf sets one entry at a time), and a VF reset does not clear it on
 * every implementation (the emulated 82576 keeps it), so an entry left
 * here would end up in that driver's routing.
 */
void srnic_vf_irq_release(struct srnic_vf *vf)
{
	vf_wr(vf, SRNIC_VF_EIMC, SRNIC_VF_ALL_VECTORS);
	vf_wr(vf, SRNIC_VF_EIAC, 0);
	vf_wr(vf, SRNIC_VF_IVAR0, 0);
	vf_wr(vf, SRNIC_VF_IVAR_MISC, 0);
}

/**
 * srnic_vf_irq_setup - route causes to vectors, set throttling, unmask
 * @vf: the VF
 *
 * Needed after every VF reset and when the queue pairs change. The mailbox
 * vectors stay unmasked while the datapath is down.
 */
void srnic_vf_irq_setup(struct srnic_vf *vf)
{
	u32 ivar = 0, eims = SRNIC_VF_MBX_EIMS;
	unsigned int i;

	for (i = 0; i < vf->num_qp; i++) {
		u32 ent = SRNIC_IVAR_VALID | i;

		/* per queue: rx byte, then tx byte */
		ivar |= ent << (16 * i);
		ivar |= ent << (16 * i + 8);
		if (test_bit(SRNIC_VF_DP_UP, vf->state))
			eims |= BIT(i);
	}
	vf_wr(vf, SRNIC_VF_IVAR0, ivar);
	vf_wr(vf, SRNIC_VF_IVAR_MISC, SRNIC_IVAR_VALID | SRNIC_VF_MBX_VECTOR);
	for (i = 0; i < SRNIC_VF_MAX_QP; i++)
		vf_wr(vf, SRNIC_VF_EITR(i), vf->q_vector[i]->itr);
	vf_wr(vf, SRNIC_VF_EIAC, SRNIC_VF_ALL_VECTORS);
	vf_wr(vf, SRNIC_VF_EIMS, eims);
}

/* ---- datapath up/down and recovery ------------------------------------ */

/**
 * srnic_vf_up - program the rings and start the datapath
 * @vf: the VF, handshake done, ring memory allocated
 *
 * Context: rtnl held.
 *
 * Return: 0.
 */
int srnic_vf_up(struct srnic_vf *vf)
{
	unsigned int i;

	ASSERT_RTNL();
	if (test_bit(SRNIC_VF_DP_UP, vf->state))
		return 0;
	for (i = 0; i < vf->num_qp; i++) {
		srnic_configure_tx_ring(vf->tx_ring[i]);
		srnic_configure_rx_ring(vf->rx_ring[i]);
	}
	for (i = 0; i < vf->num_qp; i++) {
		vf->tx_stall[i] = U16_MAX;
		napi_enable(&vf->q_vector[i]->napi);
	}
	set_bit(SRNIC_VF_DP_UP, vf->state);
	srnic_vf_irq_setup(vf);
	srnic_vf_update_link(vf);
	return 0;
}

/**
 * srnic_vf_down - stop the datapath and drop what is queued
 * @vf: the VF
 *
 * Context: rtnl held. Safe when already down or when the device is gone.
 */
void srnic_vf_down(struct srnic_vf *vf)
{
	struct net_device *netdev = vf->netdev;
	unsigned int i;

	ASSERT_RTNL();
	if (!test_and_clear_bit(SRNIC_VF_DP_UP, vf->state))
		return;
	/*
	 * The carrier stays: a recovery normally takes tens of ms, and a
	 * carrier flap would cost a neighbour flush and a linkwatch round
	 * on top. srnic_vf_update_link() drops it if recovery drags on.
	 */
	netif_tx_disable(netdev);
	vf->tx_held = true;
	vf->held_since = jiffies;

	vf_wr(vf, SRNIC_VF_EIMC, GENMASK(vf->num_qp - 1, 0) &
	      ~SRNIC_VF_MBX_EIMS);
	for (i = 0; i < vf->num_qp; i++)
		synchronize_irq(pci_irq_vector(vf->pdev, i));
	for (i = 0; i < vf->num_qp; i++)
		napi_disable(&vf->q_vector[i]->napi);
	for (i = 0; i < vf->num_qp; i++) {
		srnic_disable_tx_ring(vf->tx_ring[i]);
		srnic_disable_rx_ring(vf->rx_ring[i]);
	}
	for (i = 0; i < vf->num_qp; i++) {
		srnic_clean_tx_ring(vf->tx_ring[i]);
		srnic_clean_rx_ring(vf->rx_ring[i]);
	}
}

/**
 * srnic_vf_reinit_locked - reset the VF and restore everything
 * @vf: the VF
 *
 * Takes the datapath down, resets the VF and runs the handshake, then
 * re-sends MAC, VLANs, frame size and rx filters and brings the datapath
 * back if the interface is up. On failure the VF stays marked for
 * recovery and the service task tries again.
 *
 * Context: rtnl held; sleeps.
 *
 * Return: 0 or a negative errno.
 */
int srnic_vf_reinit_locked(struct srnic_vf *vf)
{
	struct net_device *netdev = vf->netdev;
	int err;

	ASSERT_RTNL();
	if (test_bit(SRNIC_VF_GONE, vf->state))
		return -ENODEV;
	srnic_vf_down(vf);
	srnic_vf_update_hw_stats(vf);

	err = srnic_vf_mbx_reset(vf);
	if (err) {
		vf->sw_stats.reset_fail++;
		return err;
	}
	srnic_vf_stats_baseline(vf);
	srnic_vf_irq_setup(vf);

	err = srnic_vf_mbx_restore(vf);
	if (err) {
		vf->sw_stats.reset_fail++;
		return err;
	}
	vf->sw_stats.resets++;

	if (netif_running(netdev) && !test_bit(SRNIC_VF_IN_FLR, vf->state))
		srnic_vf_up(vf);
	srnic_vf_sync_rx_mode(vf);
	srnic_vf_update_link(vf);
	return 0;
}

/**
 * srnic_vf_resize_locked - change queue pairs or ring sizes
 * @vf: the VF
 * @num_qp: queue pairs (1 or 2)
 * @tx_count: TX descriptors per ring
 * @rx_count: RX descriptors per ring
 *
 * Context: rtnl held.
 *
 * Return: 0 or a negative errno (the old setup is then restored).
 */
int srnic_vf_resize_locked(struct srnic_vf *vf, unsigned int num_qp,
			   u16 tx_count, u16 rx_count)
{
	struct net_device *netdev = vf->netdev;
	unsigned int old_qp = vf->num_qp;
	u16 old_tx = vf->tx_ring_count, old_rx = vf->rx_ring_count;
	bool running = netif_running(netdev);
	int err;

	ASSERT_RTNL();
	if (running) {
		srnic_vf_down(vf);
		srnic_port_free_rings(&vf->port);
	}
	vf->num_qp = num_qp;
	vf->tx_ring_count = tx_count;
	vf->rx_ring_count = rx_count;
	err = srnic_port_set_real_queues(&vf->port, num_qp);
	if (!err && running)
		err = srnic_port_setup_rings(&vf->port);
	if (err) {
		vf->num_qp = old_qp;
		vf->tx_ring_count = old_tx;
		vf->rx_ring_count = old_rx;
		netif_set_real_num_tx_queues(netdev, old_qp);
		netif_set_real_num_rx_queues(netdev, old_qp);
		if (running && srnic_port_setup_rings(&vf->port))
			return err;
	}
	/* queue 1's IVAR entries go with the pair count */
	srnic_vf_irq_setup(vf);
	if (running && test_bit(SRNIC_VF_HW_READY, vf->state) &&
	    !test_bit(SRNIC_VF_NEED_RESET, vf->state))
		srnic_vf_up(vf);
	else if (running)
		srnic_vf_service_now(vf);
	return err;
}

/**
 * srnic_vf_update_link - set the carrier from what the PF says
 * @vf: the VF
 *
 * Context: process; takes mbx_lock.
 */
void srnic_vf_update_link(struct srnic_vf *vf)
{
	struct net_device *netdev = vf->netdev;
	bool up;

	mutex_lock(&vf->mbx_lock);
	up = test_bit(SRNIC_VF_DP_UP, vf->state) && srnic_vf_link_ok_locked(vf);
	if (up) {
		if (!vf->link_up) {
			vf->link_up = true;
			netif_carrier_on(netdev);
			netif_info(vf, link, netdev, "link up (mailbox API %u.%u)\n",
				   vf->mbx.api >> 8, vf->mbx.api & 0xff);
		}
		if (vf->tx_held) {
			vf->tx_held = false;
			netif_tx_wake_all_queues(netdev);
		}
	} else if (vf->link_up) {
		/* in recovery the carrier gets a grace period, see down */
		bool recovering = !netif_running(netdev) ? false :
			!test_bit(SRNIC_VF_DP_UP, vf->state) ||
			test_bit(SRNIC_VF_NEED_RESET, vf->state) ||
			!test_bit(SRNIC_VF_HW_READY, vf->state);

		if (!recovering || !vf->tx_held ||
		    time_after(jiffies, vf->held_since + SRNIC_VF_CARRIER_GRACE)) {
			vf->link_up = false;
			netif_carrier_off(netdev);
			netif_info(vf, link, netdev, "link down\n");
		}
	}
	mutex_unlock(&vf->mbx_lock);
}

/* ---- rx filters -------------------------------------------------------- */

/**
 * srnic_vf_sync_rx_mode - send the netdev's rx filters to the PF
 * @vf: the VF
 *
 * Context: process; takes mbx_lock (and briefly the netdev address lock).
 */
void srnic_vf_sync_rx_mode(struct srnic_vf *vf)
{
	struct net_device *netdev = vf->netdev;
	struct srnic_vf_filters want = {};
	struct netdev_hw_addr *ha;
	unsigned int n = 0;

	if (!test_bit(SRNIC_VF_HW_READY, vf->state) ||
	    test_bit(SRNIC_VF_NEED_RESET, vf->state))
		return;
	clear_bit(SRNIC_VF_RX_MODE, vf->state);

	netif_addr_lock_bh(netdev);
	want.promisc = !!(netdev->flags & IFF_PROMISC);
	want.mc_promisc = want.promisc || (netdev->flags & IFF_ALLMULTI) ||
			  netdev_mc_count(netdev) > SRNIC_MBX_MC_MAX;
	if (!want.mc_promisc) {
		netdev_for_each_mc_addr(ha, netdev)
			want.mc_hash[n++] = srnic_mc_hash(ha->addr);
		want.mc_count = n;
	}
	if (netdev_uc_count(netdev) > SRNIC_VF_MAX_UC) {
		want.promisc = true;
	} else {
		n = 0;
		netdev_for_each_uc_addr(ha, netdev)
			ether_addr_copy(want.uc[n++], ha->addr);
		want.uc_count = n;
	}
	netif_addr_unlock_bh(netdev);

	srnic_vf_mbx_set_filters(vf, &want, false);
}

static void srnic_vf_set_rx_mode(struct net_device *netdev)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);

	/* atomic context: the mailbox sleeps, the service task sends it */
	set_bit(SRNIC_VF_RX_MODE, vf->state);
	srnic_vf_service_now(vf);
}

/* ---- ndo ops ----------------------------------------------------------- */

static int srnic_vf_open(struct net_device *netdev)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);
	int err;

	if (test_bit(SRNIC_VF_GONE, vf->state))
		return -ENODEV;
	netif_carrier_off(netdev);
	err = srnic_port_setup_rings(&vf->port);
	if (err)
		return err;
	err = srnic_port_set_real_queues(&vf->port, vf->num_qp);
	if (err) {
		srnic_port_free_rings(&vf->port);
		return err;
	}
	if (test_bit(SRNIC_VF_HW_READY, vf->state) &&
	    !test_bit(SRNIC_VF_NEED_RESET, vf->state) &&
	    !test_bit(SRNIC_VF_IN_FLR, vf->state))
		srnic_vf_up(vf);
	/* otherwise recovery brings the datapath up when the PF answers */
	srnic_vf_service_now(vf);
	return 0;
}

static int srnic_vf_close(struct net_device *netdev)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);

	srnic_vf_down(vf);
	netif_carrier_off(netdev);
	vf->link_up = false;
	srnic_port_free_rings(&vf->port);
	return 0;
}

static netdev_tx_t srnic_vf_xmit(struct sk_buff *skb,
				 struct net_device *netdev)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);
	unsigned int q = skb_get_queue_mapping(skb);

	if (unlikely(q >= vf->num_qp))
		q = 0;
	return srnic_xmit_ring(skb, vf->tx_ring[q]);
}

/*
 * While the PF rate-limits the VF it gives the second queue only the
 * smallest rate the limiter encodes, so everything goes to the first.
 * Choosing the queue per packet, rather than shrinking
 * real_num_tx_queues from the service task, takes effect at once, needs
 * no rtnl, cannot fail, leaves the qdiscs and the queues' sysfs and XPS
 * setup alone and does not fight ethtool -L over the queue count.
 * Packets already on queue 1 drain at its rate; a guest that forces a
 * queue (tc skbedit) is still held to the limit by the PF.
 */
static u16 srnic_vf_select_queue(struct net_device *netdev,
				 struct sk_buff *skb,
				 struct net_device *sb_dev)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);

	if (READ_ONCE(vf->tx_one_queue))
		return 0;
	return netdev_pick_tx(netdev, skb, sb_dev);
}

static int srnic_vf_set_mac(struct net_device *netdev, void *p)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);
	struct sockaddr *addr = p;
	int err;

	if (!is_valid_ether_addr(addr->sa_data))
		return -EADDRNOTAVAIL;
	if (ether_addr_equal(netdev->dev_addr, addr->sa_data))
		return 0;
	err = srnic_vf_mbx_set_mac(vf, addr->sa_data);
	if (err) {
		netdev_err(netdev, "PF refused MAC %pM: %d; keeping %pM\n",
			   addr->sa_data, err, netdev->dev_addr);
		return err;
	}
	eth_hw_addr_set(netdev, addr->sa_data);
	vf->mac_user_set = true;
	return 0;
}

static int srnic_vf_change_mtu(struct net_device *netdev, int new_mtu)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);
	int err;

	err = srnic_vf_mbx_set_lpe(vf, new_mtu);
	if (err) {
		netdev_err(netdev, "PF refused MTU %d: %d; keeping %u\n",
			   new_mtu, err, netdev->mtu);
		return err;
	}
	netdev_dbg(netdev, "MTU %u -> %d\n", netdev->mtu, new_mtu);
	WRITE_ONCE(netdev->mtu, new_mtu);
	return 0;
}

static int srnic_vf_vlan_rx_add_vid(struct net_device *netdev,
				    __be16 proto, u16 vid)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);
	int err;

	err = srnic_vf_mbx_set_vlan(vf, vid, true);
	/*
	 * VID 0 (priority tags) is added by the stack on every up; a PF
	 * with a port VLAN refuses it, which must not fail the up.
	 */
	if (err && vid) {
		netdev_err(netdev, "PF refused VLAN %u: %d\n", vid, err);
		return err;
	}
	set_bit(vid, vf->active_vlans);
	return 0;
}

static int srnic_vf_vlan_rx_kill_vid(struct net_device *netdev,
				     __be16 proto, u16 vid)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);

	clear_bit(vid, vf->active_vlans);
	/* a failed removal only leaves a stale filter, gone at next reset */
	srnic_vf_mbx_set_vlan(vf, vid, false);
	return 0;
}

static void srnic_vf_tx_timeout(struct net_device *netdev, unsigned int txq)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);

	vf->sw_stats.tx_timeouts++;
	netdev_err(netdev, "transmit queue %u timed out, resetting\n", txq);
	set_bit(SRNIC_VF_NEED_RESET, vf->state);
	srnic_vf_service_now(vf);
}

/**
 * srnic_vf_get_stats64 - interface counters
 * @netdev: the VF netdev
 * @stats: out
 *
 * Packets, bytes, drops and errors come from the rings (what the stack
 * really got and gave); multicast from the VF's hardware counter.
 */
void srnic_vf_get_stats64(struct net_device *netdev,
			  struct rtnl_link_stats64 *stats)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);
	unsigned long flags;

	srnic_port_ring_stats(&vf->port, stats);
	srnic_vf_update_hw_stats(vf);
	spin_lock_irqsave(&vf->stats_lock, flags);
	stats->multicast = vf->hw_stats.mprc.total;
	spin_unlock_irqrestore(&vf->stats_lock, flags);
}

static const struct net_device_ops srnic_vf_netdev_ops = {
	.ndo_open = srnic_vf_open,
	.ndo_stop = srnic_vf_close,
	.ndo_start_xmit = srnic_vf_xmit,
	.ndo_select_queue = srnic_vf_select_queue,
	.ndo_get_stats64 = srnic_vf_get_stats64,
	.ndo_set_rx_mode = srnic_vf_set_rx_mode,
	.ndo_set_mac_address = srnic_vf_set_mac,
	.ndo_validate_addr = eth_validate_addr,
	.ndo_change_mtu = srnic_vf_change_mtu,
	.ndo_tx_timeout = srnic_vf_tx_timeout,
	.ndo_features_check = srnic_port_features_check,
	.ndo_vlan_rx_add_vid = srnic_vf_vlan_rx_add_vid,
	.ndo_vlan_rx_kill_vid = srnic_vf_vlan_rx_kill_vid,
};

/* ethtool -G: new rings, the datapath restarted if it runs */
static int srnic_vf_set_ring_counts(struct srnic_port *port, u16 tx, u16 rx)
{
	struct srnic_vf *vf = container_of(port, struct srnic_vf, port);

	return srnic_vf_resize_locked(vf, vf->num_qp, tx, rx);
}

static void srnic_vf_fw_version(struct srnic_port *port, char *buf,
				size_t len)
{
	struct srnic_vf *vf = container_of(port, struct srnic_vf, port);

	snprintf(buf, len, "mailbox API %u.%u", vf->mbx.api >> 8,
		 vf->mbx.api & 0xff);
}

static_assert(SRNIC_VF_MAX_QP <= SRNIC_PORT_MAX_QP);

static const struct srnic_port_ops srnic_vf_port_ops = {
	.netdev_ops = &srnic_vf_netdev_ops,
	.ethtool_ops = &srnic_vf_ethtool_ops,
	/* VLAN strip and filtering are the PF's to program, always on */
	.features = NETIF_F_HIGHDMA | NETIF_F_HW_VLAN_CTAG_TX |
		    NETIF_F_HW_VLAN_CTAG_RX | NETIF_F_HW_VLAN_CTAG_FILTER,
	.queues = SRNIC_VF_MAX_QP,
	.itr = SRNIC_VF_ITR,
	.qv_irq_enable = srnic_vf_qv_irq_enable,
	.place_rings = srnic_vf_place_rings,
	.set_ring_counts = srnic_vf_set_ring_counts,
	.fw_version = srnic_vf_fw_version,
};

/**
 * srnic_vf_netdev_create - allocate the netdev and its queue objects
 * @vf: the VF
 *
 * The netdev is registered by the caller once the handshake gave it a MAC.
 *
 * Return: 0 or -ENOMEM.
 */
int srnic_vf_netdev_create(struct srnic_vf *vf)
{
	vf->max_qp = SRNIC_VF_MAX_QP;
	return srnic_port_netdev_create(&vf->port, &srnic_vf_port_ops);
}

/**
 * srnic_vf_netdev_destroy - free the netdev (unregistered by the caller)
 * @vf: the VF
 */
void srnic_vf_netdev_destroy(struct srnic_vf *vf)
{
	srnic_port_netdev_free(&vf->port);
}
