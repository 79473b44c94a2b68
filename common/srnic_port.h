/* SPDX-License-Identifier: GPL-2.0 */
/*
 * srnic_port: what the PF and the VF driver share about their one network
 * port: the register window, the netdev, the queue pairs with their rings
 * and vectors, the message level. The plumbing around it (queue objects,
 * ring memory, ethtool ringparam/drvinfo/msglevel, netdev creation, the
 * 32-bit counter fold) lives once, in srnic_port.c.
 *
 * A driver embeds the port with srnic_port_group(): the members are
 * reachable both as pf->port.netdev (what is handed to common code) and
 * as pf->netdev, so the drivers' own code did not have to change.
 */
#ifndef _SRNIC_PORT_H_
#define _SRNIC_PORT_H_

#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/spinlock.h>
#include <linux/stddef.h>

#include "srnic_hw.h"
#include "srnic_txrx.h"

/* queue pairs a port can have: the PF's three RSS pairs, the VF's two */
#define SRNIC_PORT_MAX_QP	3

struct srnic_port;

/**
 * struct srnic_port_ops - what only the driver knows, one table a driver
 * @netdev_ops: the ndo table
 * @ethtool_ops: the ethtool table (SRNIC_PORT_ETHTOOL_OPS in it)
 * @features: netdev features on at creation, beyond SRNIC_PORT_FEATURES
 * @hw_features: those ethtool -K may turn off and on again
 * @queues: TX and RX queues of the netdev, at least max_qp
 * @itr: initial EITR value of the queue vectors
 * @qv_irq_enable: re-arms a queue vector once NAPI is done
 * @place_rings: point queue pair @qp at its hardware queue (reg_idx, regs,
 *	tail, drop_en, active_vlans) before its memory is set up.
 * @set_ring_counts: make @tx and @rx the descriptor counts, restarting the
 *	datapath if it runs; the counts are valid. rtnl held.
 * @fw_version: the ethtool -i firmware-version text.
 */
struct srnic_port_ops {
	const struct net_device_ops *netdev_ops;
	const struct ethtool_ops *ethtool_ops;
	netdev_features_t features;
	netdev_features_t hw_features;
	unsigned int queues;
	u16 itr;
	void (*qv_irq_enable)(struct srnic_q_vector *qv);
	void (*place_rings)(struct srnic_port *port, unsigned int qp);
	int (*set_ring_counts)(struct srnic_port *port, u16 tx, u16 rx);
	void (*fw_version)(struct srnic_port *port, char *buf, size_t len);
};

/* offloads of the queues themselves, the same on the PF and the VF */
#define SRNIC_PORT_FEATURES	(NETIF_F_SG | NETIF_F_IP_CSUM |		\
				 NETIF_F_IPV6_CSUM | NETIF_F_SCTP_CRC |	\
				 NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_RXCSUM)

/* the ethtool operations srnic_port.c serves, for the drivers' tables */
#define SRNIC_PORT_ETHTOOL_OPS					\
	.get_drvinfo = srnic_port_get_drvinfo,			\
	.get_msglevel = srnic_port_get_msglevel,		\
	.set_msglevel = srnic_port_set_msglevel,		\
	.get_link = ethtool_op_get_link,			\
	.get_ringparam = srnic_port_get_ringparam,		\
	.set_ringparam = srnic_port_set_ringparam

#define SRNIC_PORT_MEMBERS						\
	struct srnic_hw hw;		/* first: MMIO accessors */	\
	u8 __iomem *bar0;		/* the mapping; hw.hw_addr may drop it */ \
	struct pci_dev *pdev;						\
	struct net_device *netdev;					\
	const struct srnic_port_ops *ops;				\
	u32 msg_enable;							\
	spinlock_t stats_lock;		/* the driver's hw counters */	\
	unsigned int num_qp;		/* active queue pairs */	\
	unsigned int max_qp;		/* queue objects allocated */	\
	u16 tx_ring_count;						\
	u16 rx_ring_count;						\
	struct srnic_ring *tx_ring[SRNIC_PORT_MAX_QP];			\
	struct srnic_ring *rx_ring[SRNIC_PORT_MAX_QP];			\
	struct srnic_q_vector *q_vector[SRNIC_PORT_MAX_QP]

struct srnic_port {
	SRNIC_PORT_MEMBERS;
};

/* the port as @name, its members also directly in the enclosing struct */
#define srnic_port_group(name)						\
	union {								\
		struct srnic_port name;					\
		struct { SRNIC_PORT_MEMBERS; };				\
	}

/* A 32-bit free-running hardware counter extended to 64 bits. */
struct srnic_port_ctr {
	u32 last;
	u64 total;
};

/**
 * srnic_port_ctr_fold() - add what a counter moved since the last read
 * @c: the extended counter
 * @val: the register as just read
 *
 * All ones is taken for a device that is gone, or a read that raced a
 * wrap: the next fold counts it. Called more often than the register can
 * wrap, under the owner's statistics lock.
 */
static inline void srnic_port_ctr_fold(struct srnic_port_ctr *c, u32 val)
{
	if (val == ~0U)
		return;
	c->total += (u32)(val - c->last);
	c->last = val;
}

/* the netdev's private area holds a pointer to its port */
static inline struct srnic_port *srnic_netdev_to_port(struct net_device *netdev)
{
	return *(struct srnic_port **)netdev_priv(netdev);
}

int srnic_port_pci_enable(struct pci_dev *pdev, const char *name);
void srnic_port_pci_disable(struct pci_dev *pdev);
int srnic_port_map(struct srnic_port *port);
void srnic_port_unmap(struct srnic_port *port);
void srnic_port_shutdown(struct srnic_port *port);
int srnic_port_netdev_create(struct srnic_port *port,
			     const struct srnic_port_ops *ops);
void srnic_port_netdev_free(struct srnic_port *port);
void srnic_port_place_ring(struct srnic_ring *ring, u8 __iomem *regs,
			   unsigned int reg_idx);
int srnic_port_setup_rings(struct srnic_port *port);
int srnic_port_set_real_queues(struct srnic_port *port, unsigned int num_qp);
void srnic_port_free_rings(struct srnic_port *port);
void srnic_port_ring_stats(struct srnic_port *port,
			   struct rtnl_link_stats64 *stats);
netdev_features_t srnic_port_features_check(struct sk_buff *skb,
					    struct net_device *netdev,
					    netdev_features_t features);

/* An ethtool -S counter: a u64 at @offset in the driver's stats struct. */
struct srnic_port_stat {
	char name[ETH_GSTRING_LEN];
	unsigned int offset;
};

#define SRNIC_PORT_STAT(_type, _name, _field) {				\
	.name = _name,							\
	.offset = offsetof(_type, _field),				\
}

void srnic_port_stat_strings(u8 **data, const struct srnic_port_stat *desc,
			     unsigned int n);
u64 *srnic_port_stat_values(const void *base,
			    const struct srnic_port_stat *desc,
			    unsigned int n, u64 *data);

/*
 * ethtool -S per queue pair: TX then RX counters, named PREFIX<q>_<name>.
 * The PF lists the first SRNIC_PORT_TXQ_STATS - 1 TX counters (no drops).
 */
#define SRNIC_PORT_TXQ_STATS	10
#define SRNIC_PORT_RXQ_STATS	8
void srnic_port_queue_strings(u8 **data, unsigned int qp, unsigned int n_tx,
			      const char *tx_prefix, const char *rx_prefix);
u64 *srnic_port_queue_stats(struct srnic_port *port, unsigned int qp,
			    unsigned int n_tx, u64 *data);

/* ethtool operations, as they are */
void srnic_port_get_drvinfo(struct net_device *netdev,
			    struct ethtool_drvinfo *info);
u32 srnic_port_get_msglevel(struct net_device *netdev);
void srnic_port_set_msglevel(struct net_device *netdev, u32 level);
void srnic_port_get_ringparam(struct net_device *netdev,
			      struct ethtool_ringparam *ring,
			      struct kernel_ethtool_ringparam *kring,
			      struct netlink_ext_ack *extack);
int srnic_port_set_ringparam(struct net_device *netdev,
			     struct ethtool_ringparam *ring,
			     struct kernel_ethtool_ringparam *kring,
			     struct netlink_ext_ack *extack);

#endif /* _SRNIC_PORT_H_ */
