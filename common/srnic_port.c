// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_port: the port plumbing the PF and the VF driver share: queue and
 * vector objects, ring memory, netdev creation and the ethtool operations
 * that behave the same on both.
 */
#include <linux/etherdevice.h>
#include <linux/export.h>
#include <linux/if_vlan.h>
#include <linux/slab.h>
#include <linux/stringify.h>

#include "srnic_compat.h"
#include "srnic_regs.h"
#include "srnic_port.h"

static_assert(sizeof(struct srnic_port) ==
	      sizeof(struct { SRNIC_PORT_MEMBERS; }));

/**
 * srnic_port_pci_enable() - enable a function for MMIO and 64-bit DMA
 * @pdev: the PF or VF
 * @name: the driver, owner of the memory regions
 *
 * Return: 0, or a negative errno with the function left as it was.
 */
int srnic_port_pci_enable(struct pci_dev *pdev, const char *name)
{
	int err;

	err = pci_enable_device_mem(pdev);
	if (err)
		return err;
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err) {
		pci_err(pdev, "no usable DMA configuration\n");
		goto err_disable;
	}
	err = pci_request_mem_regions(pdev, name);
	if (err)
		goto err_disable;
	pci_set_master(pdev);
	return 0;

err_disable:
	pci_disable_device(pdev);
	return err;
}
EXPORT_SYMBOL_NS_GPL(srnic_port_pci_enable, SRNIC_NS);

/**
 * srnic_port_pci_disable() - undo srnic_port_pci_enable()
 * @pdev: the PF or VF
 */
void srnic_port_pci_disable(struct pci_dev *pdev)
{
	pci_release_mem_regions(pdev);
	pci_disable_device(pdev);
}
EXPORT_SYMBOL_NS_GPL(srnic_port_pci_disable, SRNIC_NS);

/**
 * srnic_port_map() - map BAR0, the register window
 * @port: the port, its pdev enabled
 *
 * Return: 0 or -EIO.
 */
int srnic_port_map(struct srnic_port *port)
{
	port->bar0 = pci_iomap(port->pdev, 0, 0);
	if (!port->bar0)
		return -EIO;
	port->hw.hw_addr = port->bar0;
	return 0;
}
EXPORT_SYMBOL_NS_GPL(srnic_port_map, SRNIC_NS);

/**
 * srnic_port_unmap() - retire the register window and unmap BAR0
 * @port: the port; nothing accesses its registers any more
 */
void srnic_port_unmap(struct srnic_port *port)
{
	WRITE_ONCE(port->hw.hw_addr, NULL);
	pci_iounmap(port->pdev, port->bar0);
}
EXPORT_SYMBOL_NS_GPL(srnic_port_unmap, SRNIC_NS);

/**
 * srnic_port_shutdown() - detach the netdev and stop its datapath
 * @port: the port
 *
 * For pci_driver.shutdown: nothing transmits or receives afterwards. The
 * netdev stays registered, IFF_UP as it was.
 */
void srnic_port_shutdown(struct srnic_port *port)
{
	struct net_device *netdev = port->netdev;

	rtnl_lock();
	netif_device_detach(netdev);
	if (netif_running(netdev))
		netdev->netdev_ops->ndo_stop(netdev);
	rtnl_unlock();
}
EXPORT_SYMBOL_NS_GPL(srnic_port_shutdown, SRNIC_NS);

static void srnic_port_free_queues(struct srnic_port *port)
{
	unsigned int i;

	for (i = 0; i < SRNIC_PORT_MAX_QP; i++) {
		/* hw is set just before the NAPI is added */
		if (port->q_vector[i] && port->q_vector[i]->hw)
			netif_napi_del(&port->q_vector[i]->napi);
		kfree(port->q_vector[i]);
		kfree(port->tx_ring[i]);
		kfree(port->rx_ring[i]);
		port->q_vector[i] = NULL;
		port->tx_ring[i] = NULL;
		port->rx_ring[i] = NULL;
	}
}

static void srnic_port_init_ring(struct srnic_port *port,
				 struct srnic_ring *ring,
				 struct srnic_q_vector *qv, unsigned int i)
{
	ring->q_vector = qv;
	ring->netdev = port->netdev;
	ring->dev = &port->pdev->dev;
	ring->hw = &port->hw;
	ring->queue_index = i;
	u64_stats_init(&ring->syncp);
	u64_stats_init(&ring->xmit_syncp);
}

/*
 * One vector and one ring pair for each of max_qp queue pairs. They live
 * as long as the netdev, so the ring counters survive close and open.
 */
static int srnic_port_alloc_queues(struct srnic_port *port)
{
	struct srnic_q_vector *qv;
	unsigned int i;

	for (i = 0; i < port->max_qp; i++) {
		qv = kzalloc(sizeof(*qv), GFP_KERNEL);
		port->q_vector[i] = qv;
		port->tx_ring[i] = kzalloc(sizeof(*port->tx_ring[i]), GFP_KERNEL);
		port->rx_ring[i] = kzalloc(sizeof(*port->rx_ring[i]), GFP_KERNEL);
		if (!qv || !port->tx_ring[i] || !port->rx_ring[i])
			goto err;

		qv->hw = &port->hw;
		qv->v_idx = i;
		qv->itr = port->ops->itr;
		qv->eims_value = BIT(i);
		qv->irq_enable = port->ops->qv_irq_enable;
		qv->tx_ring = port->tx_ring[i];
		qv->rx_ring = port->rx_ring[i];
		srnic_port_init_ring(port, port->tx_ring[i], qv, i);
		srnic_port_init_ring(port, port->rx_ring[i], qv, i);
		netif_napi_add(port->netdev, &qv->napi, srnic_napi_poll);
	}
	return 0;
err:
	srnic_port_free_queues(port);
	return -ENOMEM;
}

/**
 * srnic_port_netdev_create() - allocate the netdev and its queue objects
 * @port: the port; pdev and max_qp (at most SRNIC_PORT_MAX_QP) set
 * @ops: the driver's table
 *
 * The netdev gets @ops' tables and features, the MTU range, the VLAN
 * features, unicast filtering, the default ring sizes and every queue
 * pair active; the caller sets its addresses and registers it.
 *
 * Return: 0, -EINVAL for an impossible @port or -ENOMEM.
 */
int srnic_port_netdev_create(struct srnic_port *port,
			     const struct srnic_port_ops *ops)
{
	struct net_device *netdev;
	int err;

	if (WARN_ON(port->max_qp > SRNIC_PORT_MAX_QP ||
		    port->max_qp > ops->queues))
		return -EINVAL;
	netdev = alloc_etherdev_mq(sizeof(port), ops->queues);
	if (!netdev)
		return -ENOMEM;
	*(struct srnic_port **)netdev_priv(netdev) = port;
	port->netdev = netdev;
	port->ops = ops;
	SET_NETDEV_DEV(netdev, &port->pdev->dev);
	netdev->netdev_ops = ops->netdev_ops;
	netdev->ethtool_ops = ops->ethtool_ops;
	netdev->watchdog_timeo = 5 * HZ;
	netdev->min_mtu = SRNIC_MIN_MTU;
	netdev->max_mtu = SRNIC_MAX_MTU;
	netdev->hw_features = SRNIC_PORT_FEATURES | ops->hw_features;
	netdev->features = SRNIC_PORT_FEATURES | ops->features;
	netdev->vlan_features = NETIF_F_SG | NETIF_F_IP_CSUM |
				NETIF_F_IPV6_CSUM | NETIF_F_TSO |
				NETIF_F_TSO6 | NETIF_F_HIGHDMA;
	netdev->priv_flags |= IFF_UNICAST_FLT;

	port->num_qp = port->max_qp;
	port->tx_ring_count = SRNIC_DEFAULT_RING;
	port->rx_ring_count = SRNIC_DEFAULT_RING;
	err = srnic_port_alloc_queues(port);
	if (err) {
		port->netdev = NULL;
		free_netdev(netdev);
		return err;
	}
	netif_carrier_off(netdev);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(srnic_port_netdev_create, SRNIC_NS);

/**
 * srnic_port_netdev_free() - free an unregistered netdev and its queues
 * @port: the port
 */
void srnic_port_netdev_free(struct srnic_port *port)
{
	srnic_port_free_queues(port);
	free_netdev(port->netdev);
	port->netdev = NULL;
}
EXPORT_SYMBOL_NS_GPL(srnic_port_netdev_free, SRNIC_NS);

/**
 * srnic_port_free_rings() - free the descriptor memory of every ring
 * @port: the port, its rings disabled and cleaned
 */
void srnic_port_free_rings(struct srnic_port *port)
{
	unsigned int i;

	for (i = 0; i < port->max_qp; i++) {
		if (port->tx_ring[i]->desc)
			srnic_free_tx_ring(port->tx_ring[i]);
		if (port->rx_ring[i]->desc)
			srnic_free_rx_ring(port->rx_ring[i]);
	}
}
EXPORT_SYMBOL_NS_GPL(srnic_port_free_rings, SRNIC_NS);

/**
 * srnic_port_place_ring() - put a ring on hardware queue @reg_idx
 * @ring: the ring
 * @regs: that queue's register block in the port's BAR0 mapping
 * @reg_idx: the queue
 */
void srnic_port_place_ring(struct srnic_ring *ring, u8 __iomem *regs,
			   unsigned int reg_idx)
{
	ring->reg_idx = reg_idx;
	ring->regs = regs;
	ring->tail = regs + SRNIC_Q_DT;
}
EXPORT_SYMBOL_NS_GPL(srnic_port_place_ring, SRNIC_NS);

/**
 * srnic_port_set_real_queues() - tell the stack how many queues run
 * @port: the port
 * @num_qp: queue pairs
 *
 * Context: rtnl held.
 *
 * Return: 0 or a negative errno.
 */
int srnic_port_set_real_queues(struct srnic_port *port, unsigned int num_qp)
{
	int err;

	err = netif_set_real_num_tx_queues(port->netdev, num_qp);
	if (!err)
		err = netif_set_real_num_rx_queues(port->netdev, num_qp);
	return err;
}
EXPORT_SYMBOL_NS_GPL(srnic_port_set_real_queues, SRNIC_NS);

/**
 * srnic_port_setup_rings() - place the active rings and allocate them
 * @port: the port
 *
 * Context: process, sleeps.
 *
 * Return: 0, or a negative errno with no ring memory left allocated.
 */
int srnic_port_setup_rings(struct srnic_port *port)
{
	unsigned int i;
	int err;

	for (i = 0; i < port->num_qp; i++) {
		port->tx_ring[i]->count = port->tx_ring_count;
		port->rx_ring[i]->count = port->rx_ring_count;
		port->ops->place_rings(port, i);
		err = srnic_setup_tx_ring(port->tx_ring[i]);
		if (err)
			goto err;
		err = srnic_setup_rx_ring(port->rx_ring[i]);
		if (err)
			goto err;
	}
	return 0;
err:
	netdev_err(port->netdev, "cannot allocate ring %u: %d\n", i, err);
	srnic_port_free_rings(port);
	return err;
}
EXPORT_SYMBOL_NS_GPL(srnic_port_setup_rings, SRNIC_NS);

/**
 * srnic_port_ring_stats() - add every ring's counters to @stats
 * @port: the port
 * @stats: ndo_get_stats64's answer
 *
 * Also the rings of inactive queue pairs: their counts stay in the totals.
 */
void srnic_port_ring_stats(struct srnic_port *port,
			   struct rtnl_link_stats64 *stats)
{
	unsigned int i;

	for (i = 0; i < port->max_qp; i++) {
		srnic_ring_stats_add(port->tx_ring[i], true, stats);
		srnic_ring_stats_add(port->rx_ring[i], false, stats);
	}
}
EXPORT_SYMBOL_NS_GPL(srnic_port_ring_stats, SRNIC_NS);

/**
 * srnic_port_features_check() - ndo_features_check of both drivers
 * @skb: the packet
 * @netdev: its netdev
 * @features: what the stack would use
 *
 * Return: @features without the offloads the context descriptor cannot
 * describe for @skb.
 */
netdev_features_t srnic_port_features_check(struct sk_buff *skb,
					    struct net_device *netdev,
					    netdev_features_t features)
{
	/* the context descriptor has 7 bits of MAC and 9 of IP header */
	if (unlikely(skb_network_offset(skb) > 127 ||
		     skb_network_header_len(skb) > 511))
		return features & ~(NETIF_F_CSUM_MASK | NETIF_F_GSO_MASK);
	return vlan_features_check(skb, features);
}
EXPORT_SYMBOL_NS_GPL(srnic_port_features_check, SRNIC_NS);

/* ---- ethtool ----------------------------------------------------------- */

/**
 * srnic_port_stat_strings() - ethtool -S names of a counter table
 * @data: where the next name goes; moved past the names written
 * @desc: the table
 * @n: its entries
 */
void srnic_port_stat_strings(u8 **data, const struct srnic_port_stat *desc,
			     unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		ethtool_puts(data, desc[i].name);
}
EXPORT_SYMBOL_NS_GPL(srnic_port_stat_strings, SRNIC_NS);

/**
 * srnic_port_stat_values() - ethtool -S values of a counter table
 * @base: the stats struct @desc describes, under the caller's lock
 * @desc: the table
 * @n: its entries
 * @data: where the first value goes
 *
 * Return: where the next value goes.
 */
u64 *srnic_port_stat_values(const void *base,
			    const struct srnic_port_stat *desc,
			    unsigned int n, u64 *data)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		*data++ = *(const u64 *)((const u8 *)base + desc[i].offset);
	return data;
}
EXPORT_SYMBOL_NS_GPL(srnic_port_stat_values, SRNIC_NS);

static const char * const srnic_port_txq_stats[SRNIC_PORT_TXQ_STATS] = {
	"packets", "bytes", "restart", "busy", "csum", "tso", "vlan_insert",
	"dma_err", "linearize", "drops",
};

static const char * const srnic_port_rxq_stats[SRNIC_PORT_RXQ_STATS] = {
	"packets", "bytes", "csum_good", "csum_err", "alloc_failed",
	"vlan_strip", "frame_err", "drops",
};

/**
 * srnic_port_queue_strings() - ethtool -S names of one queue pair
 * @data: where the next name goes; moved past the names written
 * @qp: the queue pair
 * @n_tx: how many of the SRNIC_PORT_TXQ_STATS TX counters are listed
 * @tx_prefix: e.g. "tx_queue_" for tx_queue_0_packets
 * @rx_prefix: the same for the RX counters
 */
void srnic_port_queue_strings(u8 **data, unsigned int qp, unsigned int n_tx,
			      const char *tx_prefix, const char *rx_prefix)
{
	unsigned int i;

	for (i = 0; i < n_tx; i++)
		ethtool_sprintf(data, "%s%u_%s", tx_prefix, qp,
				srnic_port_txq_stats[i]);
	for (i = 0; i < SRNIC_PORT_RXQ_STATS; i++)
		ethtool_sprintf(data, "%s%u_%s", rx_prefix, qp,
				srnic_port_rxq_stats[i]);
}
EXPORT_SYMBOL_NS_GPL(srnic_port_queue_strings, SRNIC_NS);

/**
 * srnic_port_queue_stats() - ethtool -S values of one queue pair
 * @port: the port
 * @qp: the queue pair; one with no ring objects reads as zeros
 * @n_tx: as given to srnic_port_queue_strings()
 * @data: where the first value goes
 *
 * Return: where the next value goes.
 */
u64 *srnic_port_queue_stats(struct srnic_port *port, unsigned int qp,
			    unsigned int n_tx, u64 *data)
{
	u64 tx[SRNIC_PORT_TXQ_STATS] = {}, rx[SRNIC_PORT_RXQ_STATS] = {};
	struct srnic_ring_stats rs;
	struct srnic_tx_stats ts;
	struct srnic_rx_stats xs;

	if (qp < SRNIC_PORT_MAX_QP && port->tx_ring[qp]) {
		srnic_ring_tx_stats_read(port->tx_ring[qp], &rs, &ts);
		tx[0] = rs.packets;
		tx[1] = rs.bytes;
		tx[2] = ts.restart_queue;
		tx[3] = ts.tx_busy;
		tx[4] = ts.csum_offload;
		tx[5] = ts.tso;
		tx[6] = ts.vlan_insert;
		tx[7] = ts.dma_err;
		tx[8] = ts.linearize;
		tx[9] = ts.drops;
		srnic_ring_rx_stats_read(port->rx_ring[qp], &rs, &xs);
		rx[0] = rs.packets;
		rx[1] = rs.bytes;
		rx[2] = xs.csum_good;
		rx[3] = xs.csum_err;
		rx[4] = xs.alloc_failed;
		rx[5] = xs.vlan_strip;
		rx[6] = xs.frame_err;
		rx[7] = xs.drops;
	}
	memcpy(data, tx, n_tx * sizeof(*data));
	data += n_tx;
	memcpy(data, rx, sizeof(rx));
	return data + SRNIC_PORT_RXQ_STATS;
}
EXPORT_SYMBOL_NS_GPL(srnic_port_queue_stats, SRNIC_NS);

void srnic_port_get_drvinfo(struct net_device *netdev,
			    struct ethtool_drvinfo *info)
{
	struct srnic_port *port = srnic_netdev_to_port(netdev);

	strscpy(info->driver, dev_driver_string(&port->pdev->dev),
		sizeof(info->driver));
	strscpy(info->bus_info, pci_name(port->pdev), sizeof(info->bus_info));
	port->ops->fw_version(port, info->fw_version,
			      sizeof(info->fw_version));
}
EXPORT_SYMBOL_NS_GPL(srnic_port_get_drvinfo, SRNIC_NS);

u32 srnic_port_get_msglevel(struct net_device *netdev)
{
	return srnic_netdev_to_port(netdev)->msg_enable;
}
EXPORT_SYMBOL_NS_GPL(srnic_port_get_msglevel, SRNIC_NS);

void srnic_port_set_msglevel(struct net_device *netdev, u32 level)
{
	srnic_netdev_to_port(netdev)->msg_enable = level;
}
EXPORT_SYMBOL_NS_GPL(srnic_port_set_msglevel, SRNIC_NS);

void srnic_port_get_ringparam(struct net_device *netdev,
			      struct ethtool_ringparam *ring,
			      struct kernel_ethtool_ringparam *kring,
			      struct netlink_ext_ack *extack)
{
	struct srnic_port *port = srnic_netdev_to_port(netdev);

	ring->rx_max_pending = SRNIC_MAX_RING;
	ring->tx_max_pending = SRNIC_MAX_RING;
	ring->rx_pending = port->rx_ring_count;
	ring->tx_pending = port->tx_ring_count;
}
EXPORT_SYMBOL_NS_GPL(srnic_port_get_ringparam, SRNIC_NS);

/**
 * srnic_port_set_ringparam() - ethtool -G on the PF and the VF
 * @netdev: the netdev
 * @ring: the sizes asked for
 * @kring: unused
 * @extack: where a refusal is explained
 *
 * A size outside SRNIC_MIN_RING..SRNIC_MAX_RING is refused, not clamped:
 * the user gets what was asked for or an error saying why. A size that
 * is not a multiple of SRNIC_RING_ALIGN (the descriptor memory goes in
 * 128-byte units) is rounded up; ethtool -g shows the result.
 *
 * Context: rtnl held.
 *
 * Return: 0, -EINVAL for a size refused, or the driver's errno from
 * applying the new sizes.
 */
int srnic_port_set_ringparam(struct net_device *netdev,
			     struct ethtool_ringparam *ring,
			     struct kernel_ethtool_ringparam *kring,
			     struct netlink_ext_ack *extack)
{
	struct srnic_port *port = srnic_netdev_to_port(netdev);
	u32 tx, rx;

	if (ring->rx_mini_pending || ring->rx_jumbo_pending) {
		NL_SET_ERR_MSG(extack, "no mini or jumbo RX rings");
		return -EINVAL;
	}
	if (ring->tx_pending < SRNIC_MIN_RING ||
	    ring->rx_pending < SRNIC_MIN_RING) {
		NL_SET_ERR_MSG(extack, "ring size below the minimum of "
				   __stringify(SRNIC_MIN_RING));
		return -EINVAL;
	}
	if (ring->tx_pending > SRNIC_MAX_RING ||
	    ring->rx_pending > SRNIC_MAX_RING) {
		NL_SET_ERR_MSG(extack, "ring size above the maximum of "
				   __stringify(SRNIC_MAX_RING));
		return -EINVAL;
	}
	tx = ALIGN(ring->tx_pending, SRNIC_RING_ALIGN);
	rx = ALIGN(ring->rx_pending, SRNIC_RING_ALIGN);
	if (tx == port->tx_ring_count && rx == port->rx_ring_count)
		return 0;
	return port->ops->set_ring_counts(port, tx, rx);
}
EXPORT_SYMBOL_NS_GPL(srnic_port_set_ringparam, SRNIC_NS);
