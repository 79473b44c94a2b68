/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared datapath: advanced descriptor rings, page_pool RX, NAPI, TX with
 * checksum/TSO/VLAN offload. Used unchanged by the PF and the VF: both
 * drive 82576 queues through the same per-queue register block, only the
 * block base and the interrupt registers differ.
 */
#ifndef _SRNIC_TXRX_H_
#define _SRNIC_TXRX_H_

#include <linux/netdevice.h>
#include <linux/u64_stats_sync.h>
#include <linux/dma-mapping.h>

#include "srnic_hw.h"

#define SRNIC_DEFAULT_RING	256
#define SRNIC_MIN_RING		64
#define SRNIC_MAX_RING		4096
#define SRNIC_RING_ALIGN	8	/* descriptor count multiple (128 B) */
#define SRNIC_RX_BUF_LEN	2048	/* programmed into SRRCTL.BSIZEPKT */
/*
 * Worst-case descriptors for one packet: a context descriptor, the linear
 * part split in up to three pieces, one per fragment. The queue is stopped
 * when fewer than this are free and woken when this many are free again.
 */
#define SRNIC_TX_WAKE_THRESH	(MAX_SKB_FRAGS + 4)

struct page_pool;
struct srnic_q_vector;

struct srnic_tx_buffer {
	struct sk_buff *skb;
	unsigned int bytecount;
	u16 gso_segs;
	u16 next_to_watch;	/* index of the EOP descriptor, valid if skb */
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
	bool mapped_page;	/* dma_unmap_page vs dma_unmap_single */
};

struct srnic_rx_buffer {
	struct page *page;
	dma_addr_t dma;
	unsigned int offset;
};

struct srnic_ring_stats {
	u64 packets;
	u64 bytes;
};

/*
 * restart_queue is written by the completion path (under syncp); the rest
 * is written by srnic_xmit_ring() (under xmit_syncp). Read them with
 * srnic_ring_tx_stats_read() / srnic_ring_rx_stats_read().
 */
struct srnic_tx_stats {
	u64 restart_queue;
	u64 stop_queue;
	u64 tx_busy;
	u64 csum_offload;
	u64 tso;
	u64 vlan_insert;
	u64 dma_err;
	u64 linearize;
	u64 drops;		/* offload the device cannot do, no memory */
};

struct srnic_rx_stats {
	u64 csum_good;
	u64 csum_err;
	u64 alloc_failed;
	u64 vlan_strip;
	u64 frame_err;
	u64 drops;
};

struct srnic_ring {
	struct srnic_ring *next;
	struct srnic_q_vector *q_vector;
	struct net_device *netdev;
	struct device *dev;		/* device that owns the DMA */
	struct page_pool *page_pool;	/* rx only */
	void *desc;
	union {
		struct srnic_tx_buffer *tx_buf;
		struct srnic_rx_buffer *rx_buf;
	};
	/* hw->hw_addr + SRNIC_{PF,VF}_{RX,TX}Q_BASE(reg_idx), set by owner */
	u8 __iomem *regs;		/* this queue's register block */
	u8 __iomem *tail;		/* regs + SRNIC_Q_DT (lib sets it too) */
	struct srnic_hw *hw;
	dma_addr_t dma;
	unsigned int size;		/* descriptor memory in bytes */
	u16 count;			/* descriptors */
	u16 queue_index;		/* netdev queue index */
	u8 reg_idx;			/* hardware queue number */
	bool drop_en;			/* SRRCTL.DROP_EN (set with VFs) */
	/*
	 * rx, optional: VLAN_N_VID bitmap of VIDs this function registered.
	 * A stripped tag outside it (a port VLAN) is not reported. NULL:
	 * report every stripped tag.
	 */
	const unsigned long *active_vlans;
	u16 next_to_use;
	u16 next_to_clean;
	u16 next_to_alloc;
	bool rx_discard;		/* rx: drop descriptors up to EOP */
	struct sk_buff *rx_skb;		/* rx: frame spanning NAPI polls */

	struct u64_stats_sync syncp;	/* stats, restart_queue, rx_stats */
	struct u64_stats_sync xmit_syncp; /* tx_stats written by xmit */
	struct srnic_ring_stats stats;
	union {
		struct srnic_tx_stats tx_stats;
		struct srnic_rx_stats rx_stats;
	};
} ____cacheline_internodealigned_in_smp;

/* One MSI-X vector (or the single MSI/INTx vector) with its rings. */
struct srnic_q_vector {
	struct napi_struct napi;
	struct srnic_ring *tx_ring;	/* NULL if none */
	struct srnic_ring *rx_ring;	/* NULL if none */
	struct srnic_hw *hw;
	/* re-arms this vector's interrupt after NAPI completes */
	void (*irq_enable)(struct srnic_q_vector *qv);
	u32 eims_value;			/* this vector's EIMS/EIMC bit */
	u16 v_idx;			/* MSI-X entry */
	u16 itr;			/* EITR value */
	char name[IFNAMSIZ + 16];
};

/*
 * Owner contract, in order:
 * 1. Fill each ring: count, dev, netdev, hw, regs, reg_idx, queue_index,
 *    q_vector, drop_en (rx), active_vlans (rx, optional). Fill each
 *    q_vector: tx_ring/rx_ring, hw, irq_enable; netif_napi_add() it with
 *    srnic_napi_poll before srnic_setup_rx_ring() (the page_pool binds to
 *    that NAPI).
 * 2. srnic_setup_{tx,rx}_ring(), then srnic_configure_{tx,rx}_ring() with
 *    NAPI still disabled (rx is filled here), then napi_enable(), unmask
 *    the vector, netif_tx_start_all_queues().
 * 3. Down: carrier off and netif_tx_disable(), srnic_disable_*_ring(),
 *    mask and synchronize the IRQ, napi_disable(), srnic_clean_*_ring(),
 *    srnic_free_*_ring() (NAPI disabled but not yet deleted), and only
 *    then netif_napi_del().
 * Configuration calls sleep; srnic_xmit_ring() runs under the TX queue
 * lock; everything else on a ring runs from its NAPI poll.
 */

/* ring memory */
int srnic_setup_tx_ring(struct srnic_ring *ring);
void srnic_free_tx_ring(struct srnic_ring *ring);
int srnic_setup_rx_ring(struct srnic_ring *ring);
void srnic_free_rx_ring(struct srnic_ring *ring);

/* hardware queue programming; rings must be set up */
void srnic_configure_tx_ring(struct srnic_ring *ring);
void srnic_configure_rx_ring(struct srnic_ring *ring);
void srnic_disable_tx_ring(struct srnic_ring *ring);
void srnic_disable_rx_ring(struct srnic_ring *ring);
/* release all buffers, reset indices (after disable) */
void srnic_clean_tx_ring(struct srnic_ring *ring);
void srnic_clean_rx_ring(struct srnic_ring *ring);

/* datapath */
netdev_tx_t srnic_xmit_ring(struct sk_buff *skb, struct srnic_ring *ring);
int srnic_napi_poll(struct napi_struct *napi, int budget);

/* stats: add ring counters into a rtnl_link_stats64 */
void srnic_ring_stats_add(struct srnic_ring *ring, bool tx,
			  struct rtnl_link_stats64 *stats);
/* stats: consistent snapshot of the per-ring driver counters (ethtool -S) */
void srnic_ring_tx_stats_read(struct srnic_ring *ring,
			      struct srnic_ring_stats *stats,
			      struct srnic_tx_stats *tx_stats);
void srnic_ring_rx_stats_read(struct srnic_ring *ring,
			      struct srnic_ring_stats *stats,
			      struct srnic_rx_stats *rx_stats);

#endif /* _SRNIC_TXRX_H_ */
