// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptor ring datapath shared by the srnic PF and VF drivers: ring
 * memory, per-queue register programming, transmit with checksum, TSO and
 * VLAN offload, page_pool backed receive, and the NAPI poll loop.
 *
 * Concurrency model: srnic_xmit_ring() runs under the netdev TX queue lock;
 * completion and receive run only from the NAPI instance the ring belongs
 * to; configuration runs in process context with that NAPI disabled. The
 * producer and the consumer of a TX ring share next_to_use, next_to_clean,
 * the tx_buffer of the first descriptor of each packet and the queue's
 * stopped state; the barriers that order them are explained where used.
 */

#include <linux/bitfield.h>
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/export.h>
#include <linux/if_vlan.h>
#include <linux/iopoll.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>
#ifdef SRNIC_NEED_PAGE_POOL_LEGACY_HDR
#include <net/page_pool.h>
#else
#include <net/page_pool/helpers.h>
#endif

#include "srnic_compat.h"
#include "srnic_desc.h"
#include "srnic_regs.h"
#include "srnic_txrx.h"

/* room the stack wants in front of a frame, so build_skb needs no copy */
#define SRNIC_RX_HEADROOM	(NET_SKB_PAD + NET_IP_ALIGN)
/* each receive buffer owns a whole page: headroom, data, skb_shared_info */
#define SRNIC_RX_TRUESIZE	PAGE_SIZE
/* refill this often within a poll, so a long burst cannot drain the ring */
#define SRNIC_RX_REFILL_BATCH	16

/* DTALEN is 16 bits; larger pieces are split over several descriptors */
#define SRNIC_TXD_MAX_DATA	SZ_32K
/*
 * Data descriptors per packet before the skb is linearized. The emulated
 * 82576 silently drops a packet of more than 64 buffers; silicon is not
 * hurt: MAX_SKB_FRAGS + 1 pieces of a 64 KiB packet never need that many.
 */
#define SRNIC_TX_MAX_DATA_DESC	64
/* completions handled per poll before yielding to the receive side */
#define SRNIC_TX_CLEAN_WORK	256

/* queue enable/disable handshake: the bit reads back once it took effect */
#define SRNIC_DCTL_POLL_US	10
#define SRNIC_DCTL_TIMEOUT_US	10000

#define SRNIC_RXDCTL_VAL	(FIELD_PREP(SRNIC_DCTL_PTHRESH_MASK, 16) | \
				 FIELD_PREP(SRNIC_DCTL_HTHRESH_MASK, 8) | \
				 FIELD_PREP(SRNIC_DCTL_WTHRESH_MASK, 1))
/* WTHRESH 1: write DD back at once, completions are not held back */
#define SRNIC_TXDCTL_VAL	(FIELD_PREP(SRNIC_DCTL_PTHRESH_MASK, 8) | \
				 FIELD_PREP(SRNIC_DCTL_HTHRESH_MASK, 1) | \
				 FIELD_PREP(SRNIC_DCTL_WTHRESH_MASK, 1))

static_assert(sizeof(union srnic_tx_desc) == sizeof(union srnic_rx_desc));
static_assert(SRNIC_RX_BUF_LEN % SZ_1K == 0);

/* register and ring helpers */

/*
 * Queue register access goes through the same surprise-removal gate as
 * srnic_rd32()/srnic_wr32(): once hw_addr is cleared, reads return all
 * ones and writes are dropped. Reads use srnic_rd32() itself so that an
 * all-ones queue register also triggers the removal check.
 */
static u32 srnic_q_rd32(struct srnic_ring *ring, u32 reg)
{
	u8 __iomem *base = READ_ONCE(ring->hw->hw_addr);

	if (unlikely(!base))
		return ~0U;
	return srnic_rd32(ring->hw, (u32)(ring->regs - base) + reg);
}

static void srnic_q_wr32(struct srnic_ring *ring, u32 reg, u32 val)
{
	u8 __iomem *base = READ_ONCE(ring->hw->hw_addr);

	if (likely(base))
		writel(val, ring->regs + reg);
}

/* the hot-path doorbell: the tail pointer, unless the device is gone */
static void srnic_ring_doorbell(struct srnic_ring *ring)
{
	if (likely(!srnic_removed(ring->hw)))
		writel(ring->next_to_use, ring->tail);
}

static u16 srnic_ring_next(const struct srnic_ring *ring, u16 i)
{
	return ++i == ring->count ? 0 : i;
}

/* descriptors software may still fill; one is kept free to tell full from empty */
static u16 srnic_desc_unused(const struct srnic_ring *ring)
{
	u16 ntc = READ_ONCE(ring->next_to_clean);
	u16 ntu = READ_ONCE(ring->next_to_use);

	return (ntc > ntu ? 0 : ring->count) + ntc - ntu - 1;
}

static union srnic_tx_desc *srnic_tx_desc(const struct srnic_ring *ring, u16 i)
{
	return &((union srnic_tx_desc *)ring->desc)[i];
}

static union srnic_rx_desc *srnic_rx_desc(const struct srnic_ring *ring, u16 i)
{
	return &((union srnic_rx_desc *)ring->desc)[i];
}

static struct netdev_queue *srnic_txq(const struct srnic_ring *ring)
{
	return netdev_get_tx_queue(ring->netdev, ring->queue_index);
}

/* Wait for DCTL.ENABLE to read back as @on. Sleeps. */
static bool srnic_q_wait_enable(struct srnic_ring *ring, bool on)
{
	u32 val;

	return !read_poll_timeout(srnic_q_rd32, val,
				  srnic_removed(ring->hw) ||
				  !!(val & SRNIC_DCTL_ENABLE) == on,
				  SRNIC_DCTL_POLL_US, SRNIC_DCTL_TIMEOUT_US,
				  false, ring, SRNIC_Q_DCTL);
}

static int srnic_ring_check(const struct srnic_ring *ring)
{
	if (!ring->dev || !ring->netdev || !ring->hw || !ring->regs)
		return -EINVAL;
	if (ring->count < SRNIC_MIN_RING || ring->count > SRNIC_MAX_RING ||
	    ring->count % SRNIC_RING_ALIGN)
		return -EINVAL;
	return 0;
}

static int srnic_alloc_desc(struct srnic_ring *ring)
{
	/* DLEN must be a multiple of 128 B: count is a multiple of 8 */
	ring->size = ALIGN(ring->count * sizeof(union srnic_tx_desc), PAGE_SIZE);
	ring->desc = dma_alloc_coherent(ring->dev, ring->size, &ring->dma,
					GFP_KERNEL);
	return ring->desc ? 0 : -ENOMEM;
}

static void srnic_free_desc(struct srnic_ring *ring)
{
	if (!ring->desc)
		return;
	dma_free_coherent(ring->dev, ring->size, ring->desc, ring->dma);
	ring->desc = NULL;
}

static void srnic_program_base(struct srnic_ring *ring)
{
	ring->tail = ring->regs + SRNIC_Q_DT;
	srnic_q_wr32(ring, SRNIC_Q_DBAL, lower_32_bits(ring->dma));
	srnic_q_wr32(ring, SRNIC_Q_DBAH, upper_32_bits(ring->dma));
	srnic_q_wr32(ring, SRNIC_Q_DLEN,
		     ring->count * sizeof(union srnic_tx_desc));
	srnic_q_wr32(ring, SRNIC_Q_DH, 0);
	srnic_q_wr32(ring, SRNIC_Q_DT, 0);
}

/* ring memory */

/**
 * srnic_setup_tx_ring() - allocate a transmit ring
 * @ring: ring with @count, @dev, @netdev, @hw and @queue_index filled in
 *
 * Context: process, may sleep.
 * Return: 0, -EINVAL for a bad ring description or -ENOMEM.
 */
int srnic_setup_tx_ring(struct srnic_ring *ring)
{
	int err;

	err = srnic_ring_check(ring);
	if (err)
		return err;

	ring->tx_buf = kvcalloc(ring->count, sizeof(*ring->tx_buf), GFP_KERNEL);
	if (!ring->tx_buf)
		return -ENOMEM;

	err = srnic_alloc_desc(ring);
	if (err) {
		kvfree(ring->tx_buf);
		ring->tx_buf = NULL;
		return err;
	}

	u64_stats_init(&ring->syncp);
	u64_stats_init(&ring->xmit_syncp);
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	return 0;
}
EXPORT_SYMBOL_NS_GPL(srnic_setup_tx_ring, SRNIC_NS);

/**
 * srnic_free_tx_ring() - release a transmit ring and anything still queued
 * @ring: ring set up by srnic_setup_tx_ring(); the queue must be disabled
 *
 * Safe to call on a ring whose setup failed or that was already freed.
 */
void srnic_free_tx_ring(struct srnic_ring *ring)
{
	srnic_clean_tx_ring(ring);
	srnic_free_desc(ring);
	kvfree(ring->tx_buf);
	ring->tx_buf = NULL;
}
EXPORT_SYMBOL_NS_GPL(srnic_free_tx_ring, SRNIC_NS);

/**
 * srnic_setup_rx_ring() - allocate a receive ring and its page_pool
 * @ring: ring with @count, @dev, @netdev, @hw, @queue_index and, for
 *	NAPI-local page recycling, @q_vector (NAPI already added) filled in
 *
 * Context: process, may sleep.
 * Return: 0, -EINVAL for a bad ring description, or a negative errno from
 * the allocators.
 */
int srnic_setup_rx_ring(struct srnic_ring *ring)
{
	struct page_pool_params pp = {
		.flags = PP_FLAG_DMA_MAP | PP_FLAG_DMA_SYNC_DEV,
		.order = 0,
		.pool_size = ring->count,
		.dev = ring->dev,
		.dma_dir = DMA_FROM_DEVICE,
		/* the pool syncs only what the device may have written */
		.offset = SRNIC_RX_HEADROOM,
		.max_len = SRNIC_RX_BUF_LEN,
	};
	struct page_pool *pool;
	int err;

	/* headroom + one hardware buffer + skb_shared_info must fit a page */
	BUILD_BUG_ON(SRNIC_RX_HEADROOM + SRNIC_RX_BUF_LEN +
		     SKB_DATA_ALIGN(sizeof(struct skb_shared_info)) >
		     SRNIC_RX_TRUESIZE);

	err = srnic_ring_check(ring);
	if (err)
		return err;

	pp.nid = dev_to_node(ring->dev);
#ifndef SRNIC_NEED_PAGE_POOL_LEGACY_HDR
	/* lets the pool recycle straight into its cache from this NAPI */
	if (ring->q_vector)
		pp.napi = &ring->q_vector->napi;
#endif

	ring->rx_buf = kvcalloc(ring->count, sizeof(*ring->rx_buf), GFP_KERNEL);
	if (!ring->rx_buf)
		return -ENOMEM;

	err = srnic_alloc_desc(ring);
	if (err)
		goto err_free_buf;

	pool = page_pool_create(&pp);
	if (IS_ERR(pool)) {
		err = PTR_ERR(pool);
		goto err_free_desc;
	}
	ring->page_pool = pool;

	u64_stats_init(&ring->syncp);
	u64_stats_init(&ring->xmit_syncp);
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	ring->next_to_alloc = 0;
	ring->rx_skb = NULL;
	ring->rx_discard = false;
	return 0;

err_free_desc:
	srnic_free_desc(ring);
err_free_buf:
	kvfree(ring->rx_buf);
	ring->rx_buf = NULL;
	return err;
}
EXPORT_SYMBOL_NS_GPL(srnic_setup_rx_ring, SRNIC_NS);

/**
 * srnic_free_rx_ring() - release a receive ring, its buffers and page_pool
 * @ring: ring set up by srnic_setup_rx_ring(); the queue must be disabled
 *	and the ring's NAPI disabled (not yet deleted)
 *
 * Safe to call on a ring whose setup failed or that was already freed.
 */
void srnic_free_rx_ring(struct srnic_ring *ring)
{
	srnic_clean_rx_ring(ring);
	if (ring->page_pool) {
		page_pool_destroy(ring->page_pool);
		ring->page_pool = NULL;
	}
	srnic_free_desc(ring);
	kvfree(ring->rx_buf);
	ring->rx_buf = NULL;
}
EXPORT_SYMBOL_NS_GPL(srnic_free_rx_ring, SRNIC_NS);

/* hardware queue programming */

/**
 * srnic_disable_tx_ring() - stop the device fetching from a transmit queue
 * @ring: ring whose queue registers to program
 *
 * Waits (bounded, 10 ms) for TXDCTL.ENABLE to clear. Context: may sleep.
 */
void srnic_disable_tx_ring(struct srnic_ring *ring)
{
	u32 val;

	val = srnic_q_rd32(ring, SRNIC_Q_DCTL);
	srnic_q_wr32(ring, SRNIC_Q_DCTL, val & ~SRNIC_DCTL_ENABLE);
	if (!srnic_q_wait_enable(ring, false))
		netdev_warn(ring->netdev, "tx queue %u did not stop\n",
			    ring->reg_idx);
}
EXPORT_SYMBOL_NS_GPL(srnic_disable_tx_ring, SRNIC_NS);

/**
 * srnic_disable_rx_ring() - stop the device writing to a receive queue
 * @ring: ring whose queue registers to program
 *
 * Waits (bounded, 10 ms) for RXDCTL.ENABLE to clear. Context: may sleep.
 */
void srnic_disable_rx_ring(struct srnic_ring *ring)
{
	u32 val;

	val = srnic_q_rd32(ring, SRNIC_Q_DCTL);
	srnic_q_wr32(ring, SRNIC_Q_DCTL, val & ~SRNIC_DCTL_ENABLE);
	if (!srnic_q_wait_enable(ring, false))
		netdev_warn(ring->netdev, "rx queue %u did not stop\n",
			    ring->reg_idx);
}
EXPORT_SYMBOL_NS_GPL(srnic_disable_rx_ring, SRNIC_NS);

/**
 * srnic_configure_tx_ring() - program and enable a transmit queue
 * @ring: ring set up by srnic_setup_tx_ring() and empty (fresh or cleaned)
 *
 * Context: process, may sleep; the ring's NAPI must not run.
 */
void srnic_configure_tx_ring(struct srnic_ring *ring)
{
	u32 val;

	srnic_disable_tx_ring(ring);
	srnic_program_base(ring);
	/* no head write-back: completion is tracked through DD */
	srnic_q_wr32(ring, SRNIC_Q_TDWBAL, 0);
	srnic_q_wr32(ring, SRNIC_Q_TDWBAH, 0);

	/* relaxed-ordering write-back could let DD overtake the data */
	val = srnic_q_rd32(ring, SRNIC_Q_DCA_CTRL);
	srnic_q_wr32(ring, SRNIC_Q_DCA_CTRL, val & ~SRNIC_TXCTL_DCA_RO_WB);

	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	netdev_tx_reset_queue(srnic_txq(ring));

	srnic_q_wr32(ring, SRNIC_Q_DCTL, SRNIC_TXDCTL_VAL | SRNIC_DCTL_ENABLE);
	if (!srnic_q_wait_enable(ring, true))
		netdev_warn(ring->netdev, "tx queue %u did not start\n",
			    ring->reg_idx);
}
EXPORT_SYMBOL_NS_GPL(srnic_configure_tx_ring, SRNIC_NS);

/* Post up to @n fresh buffers at next_to_use and tell the device. */
static void srnic_rx_refill(struct srnic_ring *ring, u16 n)
{
	u16 i = ring->next_to_use;
	u64 failed = 0;

	while (n--) {
		struct srnic_rx_buffer *buf = &ring->rx_buf[i];
		union srnic_rx_desc *desc = srnic_rx_desc(ring, i);

		if (!buf->page) {
			struct page *page;

			page = page_pool_dev_alloc_pages(ring->page_pool);
			if (unlikely(!page)) {
				failed++;
				break;
			}
			buf->page = page;
			buf->offset = SRNIC_RX_HEADROOM;
			buf->dma = page_pool_get_dma_addr(page) + buf->offset;
		}
		desc->read.pkt_addr = cpu_to_le64(buf->dma);
		/* also clears DD, which shares the upper quadword */
		desc->read.hdr_addr = 0;
		i = srnic_ring_next(ring, i);
	}

	if (unlikely(failed)) {
		u64_stats_update_begin(&ring->syncp);
		ring->rx_stats.alloc_failed += failed;
		u64_stats_update_end(&ring->syncp);
	}

	if (i == ring->next_to_use)
		return;
	ring->next_to_use = i;
	ring->next_to_alloc = i;
	/* descriptors must be in memory before the device sees the tail */
	wmb();
	srnic_ring_doorbell(ring);
}

/**
 * srnic_configure_rx_ring() - program, enable and fill a receive queue
 * @ring: ring set up by srnic_setup_rx_ring() and empty (fresh or cleaned)
 *
 * SRRCTL selects one-buffer advanced descriptors of SRNIC_RX_BUF_LEN bytes
 * and DROP_EN from @ring->drop_en. The ring is filled after the queue is
 * enabled: the device only takes a tail write on an enabled queue.
 *
 * Context: process, may sleep; the ring's NAPI must not run.
 */
void srnic_configure_rx_ring(struct srnic_ring *ring)
{
	u32 srrctl;

	srnic_disable_rx_ring(ring);
	srnic_program_base(ring);

	srrctl = FIELD_PREP(SRNIC_SRRCTL_BSIZEPKT_MASK, SRNIC_RX_BUF_LEN / SZ_1K);
	srrctl |= SRNIC_SRRCTL_DESCTYPE_ADV_ONEBUF;
	if (ring->drop_en)
		srrctl |= SRNIC_SRRCTL_DROP_EN;
	srnic_q_wr32(ring, SRNIC_Q_SRRCTL, srrctl);

	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	ring->next_to_alloc = 0;
	ring->rx_discard = false;

	srnic_q_wr32(ring, SRNIC_Q_DCTL, SRNIC_RXDCTL_VAL | SRNIC_DCTL_ENABLE);
	if (!srnic_q_wait_enable(ring, true))
		netdev_warn(ring->netdev, "rx queue %u did not start\n",
			    ring->reg_idx);

	srnic_rx_refill(ring, srnic_desc_unused(ring));
}
EXPORT_SYMBOL_NS_GPL(srnic_configure_rx_ring, SRNIC_NS);

static void srnic_tx_unmap(struct srnic_ring *ring, struct srnic_tx_buffer *buf)
{
	if (!dma_unmap_len(buf, len))
		return;
	if (buf->mapped_page)
		dma_unmap_page(ring->dev, dma_unmap_addr(buf, dma),
			       dma_unmap_len(buf, len), DMA_TO_DEVICE);
	else
		dma_unmap_single(ring->dev, dma_unmap_addr(buf, dma),
				 dma_unmap_len(buf, len), DMA_TO_DEVICE);
	dma_unmap_len_set(buf, len, 0);
}

/**
 * srnic_clean_tx_ring() - drop every packet still on a transmit ring
 * @ring: ring whose queue is disabled and whose NAPI does not run
 *
 * Unmaps and frees all pending packets, zeroes the descriptors, rewinds
 * the indices and resets the queue's BQL state.
 */
void srnic_clean_tx_ring(struct srnic_ring *ring)
{
	u16 i;

	if (!ring->tx_buf)
		return;

	for (i = 0; i < ring->count; i++) {
		struct srnic_tx_buffer *buf = &ring->tx_buf[i];

		srnic_tx_unmap(ring, buf);
		if (buf->skb) {
			dev_kfree_skb_any(buf->skb);
			buf->skb = NULL;
		}
	}
	if (ring->desc)
		memset(ring->desc, 0, ring->size);
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	if (ring->netdev)
		netdev_tx_reset_queue(srnic_txq(ring));
}
EXPORT_SYMBOL_NS_GPL(srnic_clean_tx_ring, SRNIC_NS);

/**
 * srnic_clean_rx_ring() - return every receive buffer to the page_pool
 * @ring: ring whose queue is disabled and whose NAPI does not run
 *
 * Also drops a frame left half-assembled by the last poll, zeroes the
 * descriptors and rewinds the indices.
 */
void srnic_clean_rx_ring(struct srnic_ring *ring)
{
	u16 i;

	if (!ring->rx_buf)
		return;

	if (ring->rx_skb) {
		dev_kfree_skb_any(ring->rx_skb);
		ring->rx_skb = NULL;
	}
	ring->rx_discard = false;

	for (i = 0; i < ring->count; i++) {
		struct srnic_rx_buffer *buf = &ring->rx_buf[i];

		if (!buf->page)
			continue;
		page_pool_put_full_page(ring->page_pool, buf->page, false);
		buf->page = NULL;
	}
	if (ring->desc)
		memset(ring->desc, 0, ring->size);
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	ring->next_to_alloc = 0;
}
EXPORT_SYMBOL_NS_GPL(srnic_clean_rx_ring, SRNIC_NS);

/* transmit */

/* what one packet asks of the context descriptor and its first data one */
struct srnic_tx_offload {
	u32 vlan_macip_lens;
	u32 tucmd;
	u32 mss_l4len;
	u32 cmd;		/* DCMD bits for every data descriptor */
	u32 olinfo;		/* POPTS and PAYLEN, first data descriptor */
	bool ctx;		/* a context descriptor is needed */
};

static unsigned int srnic_tx_desc_count(const struct sk_buff *skb)
{
	const struct skb_shared_info *shinfo = skb_shinfo(skb);
	unsigned int n = DIV_ROUND_UP(skb_headlen(skb), SRNIC_TXD_MAX_DATA);
	unsigned int f;

	for (f = 0; f < shinfo->nr_frags; f++)
		n += DIV_ROUND_UP(skb_frag_size(&shinfo->frags[f]),
				  SRNIC_TXD_MAX_DATA);
	return n;
}

/*
 * Stop the queue if fewer than @needed descriptors are free. The stop is
 * ordered against the completion path, which frees descriptors and then
 * tests the stopped state: re-reading the free count after a full barrier
 * catches a completion that ran in between and would not wake us.
 */
static int srnic_tx_maybe_stop(struct srnic_ring *ring,
			       struct netdev_queue *txq, u16 needed)
{
	if (likely(srnic_desc_unused(ring) >= needed))
		return 0;

	netif_tx_stop_queue(txq);
	u64_stats_update_begin(&ring->xmit_syncp);
	ring->tx_stats.stop_queue++;
	u64_stats_update_end(&ring->xmit_syncp);

	/* pairs with smp_mb() in srnic_clean_tx_irq() */
	smp_mb();
	if (likely(srnic_desc_unused(ring) < needed))
		return -EBUSY;

	netif_tx_start_queue(txq);
	return 0;
}

/*
 * Fill in the L3/L4 part of the context for a CHECKSUM_PARTIAL packet.
 * Returns 2 if the packet is TSO (srnic_tx_tso() finishes it), 1 if the
 * device inserts the checksum, 0 if the checksum was resolved in software,
 * or a negative errno if the packet must be dropped.
 */
static int srnic_tx_l4_ctx(struct sk_buff *skb, struct srnic_tx_offload *off)
{
	unsigned int maclen = skb_network_offset(skb);
	unsigned int iplen = skb_network_header_len(skb);
	bool ipv4 = false;
	u8 l4proto;

	if (skb->encapsulation ||
	    skb_checksum_start_offset(skb) != skb_transport_offset(skb))
		goto sw_csum;

	switch (vlan_get_protocol(skb)) {
	case htons(ETH_P_IP):
		ipv4 = true;
		l4proto = ip_hdr(skb)->protocol;
		break;
	case htons(ETH_P_IPV6):
		l4proto = ipv6_hdr(skb)->nexthdr;
		if (iplen != sizeof(struct ipv6hdr)) {
			__be16 frag_off;
			int ret;

			ret = ipv6_skip_exthdr(skb, maclen + sizeof(struct ipv6hdr),
					       &l4proto, &frag_off);
			if (ret < 0 || frag_off)
				goto sw_csum;
		}
		break;
	default:
		goto sw_csum;
	}

	if (maclen > SRNIC_TXC_MACLEN_MAX || iplen > SRNIC_TXC_IPLEN_MASK)
		goto sw_csum;

	off->vlan_macip_lens |= FIELD_PREP(SRNIC_TXC_MACLEN_MASK, maclen) |
				iplen;
	if (ipv4)
		off->tucmd |= SRNIC_TXC_TUCMD_IPV4;

	switch (l4proto) {
	case IPPROTO_TCP:
		off->tucmd |= SRNIC_TXC_TUCMD_L4T_TCP;
		break;
	case IPPROTO_UDP:
		off->tucmd |= SRNIC_TXC_TUCMD_L4T_UDP;
		break;
	case IPPROTO_SCTP:
		off->tucmd |= SRNIC_TXC_TUCMD_L4T_SCTP;
		break;
	default:
		goto sw_csum;
	}

	if (!skb_is_gso(skb)) {
		off->olinfo |= SRNIC_TXD_POPTS_TXSM;
		return 1;
	}

	if (l4proto != IPPROTO_TCP ||
	    !(skb_shinfo(skb)->gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6)))
		return -EPROTONOSUPPORT;

	return 2;

sw_csum:
	/* drops on a GSO packet: its length fields cannot be handled here */
	if (skb_is_gso(skb))
		return -EPROTONOSUPPORT;
	/* features 0: resolve in software, CRC32c for SCTP included */
	return skb_csum_hwoffload_help(skb, 0) ? -EIO : 0;
}

/*
 * TSO: the device rebuilds the IP length, IPv4 header checksum and TCP
 * checksum of every segment, so they must not carry the whole packet's
 * values: zero the IP length and checksum and seed the TCP checksum with
 * a pseudo-header that has a zero length.
 */
static int srnic_tx_tso(struct sk_buff *skb, struct srnic_tx_buffer *first,
			struct srnic_tx_offload *off)
{
	struct skb_shared_info *shinfo = skb_shinfo(skb);
	unsigned int l4len, hdr_len;
	struct tcphdr *th;
	int err;

	err = skb_cow_head(skb, 0);
	if (err)
		return err;

	th = tcp_hdr(skb);
	if (off->tucmd & SRNIC_TXC_TUCMD_IPV4) {
		struct iphdr *iph = ip_hdr(skb);

		iph->tot_len = 0;
		iph->check = 0;
		th->check = ~csum_tcpudp_magic(iph->saddr, iph->daddr, 0,
					       IPPROTO_TCP, 0);
		off->olinfo |= SRNIC_TXD_POPTS_IXSM;
	} else {
		struct ipv6hdr *ip6h = ipv6_hdr(skb);

		ip6h->payload_len = 0;
		th->check = ~csum_ipv6_magic(&ip6h->saddr, &ip6h->daddr, 0,
					     IPPROTO_TCP, 0);
	}

	l4len = tcp_hdrlen(skb);
	hdr_len = skb_transport_offset(skb) + l4len;

	off->olinfo |= SRNIC_TXD_POPTS_TXSM;
	off->cmd |= SRNIC_TXD_CMD_TSE;
	off->mss_l4len = FIELD_PREP(SRNIC_TXC_MSS_MASK, shinfo->gso_size) |
			 FIELD_PREP(SRNIC_TXC_L4LEN_MASK, l4len);

	first->gso_segs = shinfo->gso_segs;
	/* what the wire sees: headers repeat in every segment */
	first->bytecount = skb->len + (shinfo->gso_segs - 1) * hdr_len;
	return hdr_len;
}

static int srnic_tx_prepare(struct sk_buff *skb,
			    struct srnic_tx_buffer *first,
			    struct srnic_tx_offload *off,
			    struct srnic_tx_stats *st)
{
	unsigned int hdr_len = 0;
	int ret;

	off->cmd = SRNIC_TXD_DTYP_DATA | SRNIC_TXD_CMD_DEXT |
		   SRNIC_TXD_CMD_IFCS;

	if (skb_vlan_tag_present(skb)) {
		off->vlan_macip_lens |=
			FIELD_PREP(SRNIC_TXC_VLAN_MASK, skb_vlan_tag_get(skb));
		off->cmd |= SRNIC_TXD_CMD_VLE;
		off->ctx = true;
		st->vlan_insert++;
	}

	if (skb->ip_summed == CHECKSUM_PARTIAL) {
		ret = srnic_tx_l4_ctx(skb, off);
		if (ret < 0)
			return ret;
		if (ret == 2) {
			ret = srnic_tx_tso(skb, first, off);
			if (ret < 0)
				return ret;
			hdr_len = ret;
			st->tso++;
			off->ctx = true;
		} else if (ret == 1) {
			st->csum_offload++;
			off->ctx = true;
		}
	} else if (skb_is_gso(skb)) {
		return -EPROTONOSUPPORT;
	}

	/* PAYLEN: the whole frame, or what follows the headers with TSO */
	off->olinfo |= FIELD_PREP(SRNIC_TXD_PAYLEN_MASK, skb->len - hdr_len);
	return 0;
}

static void srnic_tx_write_ctx(struct srnic_ring *ring,
			       const struct srnic_tx_offload *off)
{
	struct srnic_tx_ctx_desc *ctx;

	ctx = (struct srnic_tx_ctx_desc *)srnic_tx_desc(ring, ring->next_to_use);
	ctx->vlan_macip_lens = cpu_to_le32(off->vlan_macip_lens);
	ctx->seqnum_seed = 0;
	ctx->type_tucmd_mlhl = cpu_to_le32(off->tucmd | SRNIC_TXD_CMD_DEXT |
					   SRNIC_TXD_DTYP_CTX);
	/* IDX 0: the one context slot this driver uses per queue */
	ctx->mss_l4len_idx = cpu_to_le32(off->mss_l4len);
	ring->next_to_use = srnic_ring_next(ring, ring->next_to_use);
}

/*
 * Map the head and the fragments and write the data descriptors from
 * next_to_use on. Each mapping is remembered in the tx_buffer of the first
 * descriptor that carries it. On a mapping error everything mapped so far
 * is undone and next_to_use is left untouched.
 */
static int srnic_tx_map(struct srnic_ring *ring, struct sk_buff *skb,
			const struct srnic_tx_offload *off, u16 *eop)
{
	struct skb_shared_info *shinfo = skb_shinfo(skb);
	union srnic_tx_desc *desc = NULL;
	u32 olinfo = off->olinfo;
	u16 i = ring->next_to_use;
	unsigned int f;

	for (f = 0; f <= shinfo->nr_frags; f++) {
		struct srnic_tx_buffer *buf = &ring->tx_buf[i];
		unsigned int size;
		dma_addr_t dma;

		if (!f) {
			size = skb_headlen(skb);
			if (!size)
				continue;
			dma = dma_map_single(ring->dev, skb->data, size,
					     DMA_TO_DEVICE);
			buf->mapped_page = false;
		} else {
			const skb_frag_t *frag = &shinfo->frags[f - 1];

			size = skb_frag_size(frag);
			if (!size)
				continue;
			dma = skb_frag_dma_map(ring->dev, frag, 0, size,
					       DMA_TO_DEVICE);
			buf->mapped_page = true;
		}
		if (dma_mapping_error(ring->dev, dma))
			goto unwind;
		dma_unmap_addr_set(buf, dma, dma);
		dma_unmap_len_set(buf, len, size);

		while (size) {
			unsigned int chunk = min_t(unsigned int, size,
						   SRNIC_TXD_MAX_DATA);

			desc = srnic_tx_desc(ring, i);
			desc->read.addr = cpu_to_le64(dma);
			desc->read.cmd_type_len = cpu_to_le32(off->cmd | chunk);
			/* POPTS/PAYLEN are read from the first data descriptor */
			desc->read.olinfo_status = cpu_to_le32(olinfo);
			olinfo = 0;
			*eop = i;
			dma += chunk;
			size -= chunk;
			i = srnic_ring_next(ring, i);
		}
	}

	if (unlikely(!desc))
		return -EINVAL;

	/* RS on every EOP: DD is then written back per packet */
	desc->read.cmd_type_len |= cpu_to_le32(SRNIC_TXD_CMD_EOP |
					       SRNIC_TXD_CMD_RS);
	ring->next_to_use = i;
	return 0;

unwind:
	while (i != ring->next_to_use) {
		i = i ? i - 1 : ring->count - 1;
		srnic_tx_unmap(ring, &ring->tx_buf[i]);
	}
	return -ENOMEM;
}

/**
 * srnic_xmit_ring() - queue one packet on a transmit ring
 * @skb: packet from the stack
 * @ring: ring serving the packet's queue (normally skb->queue_mapping)
 *
 * For the owner's ndo_start_xmit. Offloads: CHECKSUM_PARTIAL for TCP, UDP
 * and SCTP over IPv4/IPv6, TSO for TCPv4/TCPv6 (not encapsulated), and a
 * hardware-accelerated VLAN tag. Anything else that needs a checksum is
 * resolved in software; a GSO type the device cannot do is dropped, so
 * advertise only NETIF_F_TSO | NETIF_F_TSO6 as GSO features.
 *
 * Context: ndo_start_xmit, TX queue lock held.
 * Return: NETDEV_TX_OK (the skb was consumed), or NETDEV_TX_BUSY if the
 * ring is full; the queue is then stopped and will be woken by completion.
 */
netdev_tx_t srnic_xmit_ring(struct sk_buff *skb, struct srnic_ring *ring)
{
	struct netdev_queue *txq = srnic_txq(ring);
	struct srnic_tx_offload off = {};
	struct srnic_tx_stats st = {};
	struct srnic_tx_buffer *first;
	unsigned int bytecount;
	u16 first_idx, eop = 0;
	unsigned int needed;

	/* too-short frames can upset the MAC; the pad is cheap */
	if (skb_put_padto(skb, ETH_ZLEN)) {
		st.drops++;
		goto kick;	/* skb_put_padto() freed it */
	}

	needed = srnic_tx_desc_count(skb);
	if (unlikely(needed > SRNIC_TX_MAX_DATA_DESC)) {
		if (skb_linearize(skb))
			goto drop;
		st.linearize++;
		needed = srnic_tx_desc_count(skb);
	}
	/* plus one context descriptor */
	if (unlikely(srnic_tx_maybe_stop(ring, txq, needed + 1))) {
		st.tx_busy++;
		/* the stack retries this skb later; flush what is queued */
		wmb();
		srnic_ring_doorbell(ring);
		goto out_stats_busy;
	}

	first_idx = ring->next_to_use;
	first = &ring->tx_buf[first_idx];
	first->bytecount = skb->len;
	first->gso_segs = 1;

	if (srnic_tx_prepare(skb, first, &off, &st))
		goto drop;
	if (off.ctx)
		srnic_tx_write_ctx(ring, &off);

	if (srnic_tx_map(ring, skb, &off, &eop)) {
		ring->next_to_use = first_idx;
		st.dma_err++;
		goto drop_counted;
	}

	first->next_to_watch = eop;
	bytecount = first->bytecount;
	skb_tx_timestamp(skb);
	/*
	 * Publish last: the completion path takes a non-NULL skb as the sign
	 * that next_to_watch and the counts of this packet are valid.
	 */
	smp_store_release(&first->skb, skb);

	srnic_tx_maybe_stop(ring, txq, SRNIC_TX_WAKE_THRESH);
	if (__netdev_tx_sent_queue(txq, bytecount, netdev_xmit_more())) {
		/* descriptors must be in memory before the tail moves */
		wmb();
		srnic_ring_doorbell(ring);
	}
	goto out_stats;

drop:
	st.drops++;
drop_counted:
	/* offloads of a dropped packet were never done */
	st.csum_offload = 0;
	st.tso = 0;
	st.vlan_insert = 0;
	dev_kfree_skb_any(skb);
kick:
	/* an earlier packet of this batch may still wait for its doorbell */
	if (!netdev_xmit_more()) {
		/* descriptors must be in memory before the tail moves */
		wmb();
		srnic_ring_doorbell(ring);
	}
out_stats:
	u64_stats_update_begin(&ring->xmit_syncp);
	ring->tx_stats.csum_offload += st.csum_offload;
	ring->tx_stats.tso += st.tso;
	ring->tx_stats.vlan_insert += st.vlan_insert;
	ring->tx_stats.dma_err += st.dma_err;
	ring->tx_stats.linearize += st.linearize;
	ring->tx_stats.drops += st.drops;
	u64_stats_update_end(&ring->xmit_syncp);
	return NETDEV_TX_OK;

out_stats_busy:
	u64_stats_update_begin(&ring->xmit_syncp);
	ring->tx_stats.tx_busy += st.tx_busy;
	ring->tx_stats.linearize += st.linearize;
	u64_stats_update_end(&ring->xmit_syncp);
	return NETDEV_TX_BUSY;
}
EXPORT_SYMBOL_NS_GPL(srnic_xmit_ring, SRNIC_NS);

/* Reap completed packets. Returns true if the ring was fully cleaned. */
static bool srnic_clean_tx_irq(struct srnic_ring *ring, int napi_budget)
{
	struct netdev_queue *txq = srnic_txq(ring);
	unsigned int work = SRNIC_TX_CLEAN_WORK;
	unsigned int pkts = 0, segs = 0, bytes = 0;
	u16 ntc = ring->next_to_clean;

	while (work) {
		struct srnic_tx_buffer *first = &ring->tx_buf[ntc];
		union srnic_tx_desc *eop_desc;
		struct sk_buff *skb;
		u16 eop;

		/* pairs with smp_store_release() in srnic_xmit_ring() */
		skb = smp_load_acquire(&first->skb);
		if (!skb)
			break;
		eop = first->next_to_watch;
		eop_desc = srnic_tx_desc(ring, eop);
		if (!(READ_ONCE(eop_desc->wb.status) &
		      cpu_to_le32(SRNIC_TXD_STA_DD)))
			break;
		/* nothing the device wrote may be used before DD was seen */
		dma_rmb();

		first->skb = NULL;
		segs += first->gso_segs;
		bytes += first->bytecount;
		pkts++;
		napi_consume_skb(skb, napi_budget);

		for (;;) {
			bool last = ntc == eop;

			srnic_tx_unmap(ring, &ring->tx_buf[ntc]);
			ntc = srnic_ring_next(ring, ntc);
			if (last)
				break;
		}
		work--;
	}

	if (!pkts)
		return true;

	WRITE_ONCE(ring->next_to_clean, ntc);

	u64_stats_update_begin(&ring->syncp);
	ring->stats.packets += segs;
	ring->stats.bytes += bytes;
	u64_stats_update_end(&ring->syncp);

	netdev_tx_completed_queue(txq, pkts, bytes);

	if (unlikely(netif_carrier_ok(ring->netdev) &&
		     srnic_desc_unused(ring) >= SRNIC_TX_WAKE_THRESH)) {
		/*
		 * Pairs with smp_mb() in srnic_tx_maybe_stop(): the new
		 * next_to_clean is visible before the stopped state is read.
		 */
		smp_mb();
		if (netif_tx_queue_stopped(txq) && netif_running(ring->netdev)) {
			netif_tx_wake_queue(txq);
			u64_stats_update_begin(&ring->syncp);
			ring->tx_stats.restart_queue++;
			u64_stats_update_end(&ring->syncp);
		}
	}

	return work != 0;
}

/* receive */

static bool srnic_rss_is_l4(u16 rss_type)
{
	switch (rss_type) {
	case SRNIC_RSSTYPE_IPV4_TCP:
	case SRNIC_RSSTYPE_IPV6_TCP:
	case SRNIC_RSSTYPE_IPV6_TCP_EX:
	case SRNIC_RSSTYPE_IPV4_UDP:
	case SRNIC_RSSTYPE_IPV6_UDP:
	case SRNIC_RSSTYPE_IPV6_UDP_EX:
		return true;
	default:
		return false;
	}
}

static void srnic_rx_csum(struct sk_buff *skb, netdev_features_t features,
			  u32 staterr, struct srnic_rx_stats *st)
{
	skb_checksum_none_assert(skb);

	if (!(features & NETIF_F_RXCSUM) ||
	    (staterr & SRNIC_RXD_STAT_IXSM))
		return;

	/* a bad checksum is the stack's call to make: hand it unverified */
	if (staterr & (SRNIC_RXD_ERR_L4E | SRNIC_RXD_ERR_IPE)) {
		st->csum_err++;
		return;
	}

	/*
	 * Only a verified L4 checksum says anything about the payload; an
	 * IPCS-only frame (ICMP, say) still needs the stack to check it.
	 */
	if (staterr & (SRNIC_RXD_STAT_L4I | SRNIC_RXD_STAT_UDPCS)) {
		skb->ip_summed = CHECKSUM_UNNECESSARY;
		st->csum_good++;
	}
}

/* Fill in the metadata the EOP descriptor carries and hand the frame up. */
static void srnic_rx_finish(struct srnic_ring *ring, struct napi_struct *napi,
			    const union srnic_rx_desc *desc, u32 staterr,
			    struct sk_buff *skb, struct srnic_rx_stats *st)
{
	netdev_features_t features = ring->netdev->features;

	skb->protocol = eth_type_trans(skb, ring->netdev);

	if (features & NETIF_F_RXHASH) {
		u16 rss_type = le16_to_cpu(desc->wb.lower.pkt_info) &
			       SRNIC_RXD_RSSTYPE_MASK;

		if (rss_type != SRNIC_RSSTYPE_NONE)
			skb_set_hash(skb, le32_to_cpu(desc->wb.lower.rss),
				     srnic_rss_is_l4(rss_type) ?
				     PKT_HASH_TYPE_L4 : PKT_HASH_TYPE_L3);
	}

	srnic_rx_csum(skb, features, staterr, st);

	if ((staterr & SRNIC_RXD_STAT_VP) &&
	    (features & NETIF_F_HW_VLAN_CTAG_RX)) {
		u16 vid = le16_to_cpu(desc->wb.upper.vlan);

		/*
		 * A tag the device stripped for a VLAN this function never
		 * asked for (a port VLAN set by the PF) is not reported, or
		 * the stack would discard the frame as foreign.
		 */
		if (!ring->active_vlans ||
		    test_bit(vid & VLAN_VID_MASK, ring->active_vlans)) {
			__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), vid);
			st->vlan_strip++;
		}
	}

	skb_record_rx_queue(skb, ring->queue_index);
	napi_gro_receive(napi, skb);
}

static struct sk_buff *srnic_rx_build_skb(struct srnic_rx_buffer *buf,
					  struct page *page, unsigned int len)
{
	void *va = page_address(page);
	struct sk_buff *skb;

	net_prefetch(va + buf->offset);
	skb = napi_build_skb(va, SRNIC_RX_TRUESIZE);
	if (unlikely(!skb))
		return NULL;
	/* from here on freeing the skb gives the page back to its pool */
	skb_mark_for_recycle(skb);
	skb_reserve(skb, buf->offset);
	__skb_put(skb, len);
	return skb;
}

/* Receive up to @budget frames. Returns the number handed to the stack. */
static int srnic_clean_rx_irq(struct srnic_ring *ring, struct napi_struct *napi,
			      int budget)
{
	struct sk_buff *skb = ring->rx_skb;
	struct srnic_rx_stats st = {};
	unsigned int packets = 0, bytes = 0;
	u16 ntc = ring->next_to_clean;
	u16 cleaned = 0;

	while (likely(packets < budget)) {
		union srnic_rx_desc *desc = srnic_rx_desc(ring, ntc);
		struct srnic_rx_buffer *buf = &ring->rx_buf[ntc];
		struct page *page;
		unsigned int len;
		u32 staterr;

		if (cleaned >= SRNIC_RX_REFILL_BATCH) {
			ring->next_to_clean = ntc;
			srnic_rx_refill(ring, srnic_desc_unused(ring));
			cleaned = 0;
		}

		staterr = le32_to_cpu(READ_ONCE(desc->wb.upper.status_error));
		if (!(staterr & SRNIC_RXD_STAT_DD))
			break;
		/* the rest of the write-back is valid only once DD is seen */
		dma_rmb();

		len = le16_to_cpu(desc->wb.upper.length);
		page = buf->page;
		dma_sync_single_range_for_cpu(ring->dev,
					      page_pool_get_dma_addr(page),
					      buf->offset, len, DMA_FROM_DEVICE);

		if (unlikely(ring->rx_discard)) {
			page_pool_recycle_direct(ring->page_pool, page);
		} else if (!skb) {
			skb = srnic_rx_build_skb(buf, page, len);
			if (unlikely(!skb)) {
				/* leave the buffer where it is, retry next poll */
				st.alloc_failed++;
				break;
			}
		} else if (skb_shinfo(skb)->nr_frags < MAX_SKB_FRAGS) {
			skb_add_rx_frag(skb, skb_shinfo(skb)->nr_frags, page,
					buf->offset, len, SRNIC_RX_TRUESIZE);
		} else {
			/* longer than any frame RLPML lets through: give up */
			page_pool_recycle_direct(ring->page_pool, page);
			kfree_skb(skb);
			skb = NULL;
			ring->rx_discard = true;
			st.drops++;
		}
		buf->page = NULL;
		ntc = srnic_ring_next(ring, ntc);
		cleaned++;

		if (!(staterr & SRNIC_RXD_STAT_EOP))
			continue;

		if (unlikely(ring->rx_discard)) {
			ring->rx_discard = false;
			continue;
		}
		if (unlikely(staterr & SRNIC_RXD_ERR_RXE)) {
			kfree_skb(skb);
			skb = NULL;
			st.frame_err++;
			continue;
		}

		bytes += skb->len;
		packets++;
		srnic_rx_finish(ring, napi, desc, staterr, skb, &st);
		skb = NULL;
	}

	ring->rx_skb = skb;
	ring->next_to_clean = ntc;
	/* a short lag is fine; it saves a tail write per small poll */
	if (srnic_desc_unused(ring) >= SRNIC_RX_REFILL_BATCH)
		srnic_rx_refill(ring, srnic_desc_unused(ring));

	u64_stats_update_begin(&ring->syncp);
	ring->stats.packets += packets;
	ring->stats.bytes += bytes;
	ring->rx_stats.csum_good += st.csum_good;
	ring->rx_stats.csum_err += st.csum_err;
	ring->rx_stats.alloc_failed += st.alloc_failed;
	ring->rx_stats.vlan_strip += st.vlan_strip;
	ring->rx_stats.frame_err += st.frame_err;
	ring->rx_stats.drops += st.drops;
	u64_stats_update_end(&ring->syncp);

	return packets;
}

/**
 * srnic_napi_poll() - NAPI poll for one srnic_q_vector
 * @napi: &srnic_q_vector.napi
 * @budget: receive budget; 0 from netpoll, which only reaps completions
 *
 * Reaps transmit completions of @tx_ring, receives up to @budget frames
 * from @rx_ring, and when all work is done completes NAPI and calls the
 * vector's irq_enable() hook to re-arm its interrupt.
 *
 * Return: frames received, or @budget if more work is pending.
 */
int srnic_napi_poll(struct napi_struct *napi, int budget)
{
	struct srnic_q_vector *qv = container_of(napi, struct srnic_q_vector,
						 napi);
	bool complete = true;
	int done = 0;

	if (qv->tx_ring)
		complete = srnic_clean_tx_irq(qv->tx_ring, budget);

	if (qv->rx_ring && budget > 0) {
		done = srnic_clean_rx_irq(qv->rx_ring, napi, budget);
		if (done >= budget)
			complete = false;
	}

	/* netpoll owns the instance when budget is 0: never complete it */
	if (!complete || !budget)
		return budget;

	if (napi_complete_done(napi, done) && qv->irq_enable)
		qv->irq_enable(qv);
	return done;
}
EXPORT_SYMBOL_NS_GPL(srnic_napi_poll, SRNIC_NS);

/* statistics */

/**
 * srnic_ring_stats_add() - add one ring's counters to interface totals
 * @ring: TX or RX ring
 * @tx: @ring is a transmit ring
 * @stats: totals being built by ndo_get_stats64
 *
 * Adds packets and bytes; for TX, drops; for RX, drops (rx_dropped) and
 * frames the MAC flagged bad (rx_errors).
 */
void srnic_ring_stats_add(struct srnic_ring *ring, bool tx,
			  struct rtnl_link_stats64 *stats)
{
	struct srnic_ring_stats rs;

	if (tx) {
		struct srnic_tx_stats ts;

		srnic_ring_tx_stats_read(ring, &rs, &ts);
		stats->tx_packets += rs.packets;
		stats->tx_bytes += rs.bytes;
		stats->tx_dropped += ts.drops + ts.dma_err;
	} else {
		struct srnic_rx_stats xs;

		srnic_ring_rx_stats_read(ring, &rs, &xs);
		stats->rx_packets += rs.packets;
		stats->rx_bytes += rs.bytes;
		stats->rx_dropped += xs.drops;
		stats->rx_errors += xs.frame_err;
	}
}
EXPORT_SYMBOL_NS_GPL(srnic_ring_stats_add, SRNIC_NS);

/**
 * srnic_ring_tx_stats_read() - snapshot a transmit ring's counters
 * @ring: transmit ring
 * @stats: packets and bytes completed
 * @tx_stats: driver counters
 */
void srnic_ring_tx_stats_read(struct srnic_ring *ring,
			      struct srnic_ring_stats *stats,
			      struct srnic_tx_stats *tx_stats)
{
	unsigned int start;
	u64 restart;

	do {
		start = u64_stats_fetch_begin(&ring->syncp);
		*stats = ring->stats;
		restart = ring->tx_stats.restart_queue;
	} while (u64_stats_fetch_retry(&ring->syncp, start));

	do {
		start = u64_stats_fetch_begin(&ring->xmit_syncp);
		*tx_stats = ring->tx_stats;
	} while (u64_stats_fetch_retry(&ring->xmit_syncp, start));
	tx_stats->restart_queue = restart;
}
EXPORT_SYMBOL_NS_GPL(srnic_ring_tx_stats_read, SRNIC_NS);

/**
 * srnic_ring_rx_stats_read() - snapshot a receive ring's counters
 * @ring: receive ring
 * @stats: packets and bytes received
 * @rx_stats: driver counters
 */
void srnic_ring_rx_stats_read(struct srnic_ring *ring,
			      struct srnic_ring_stats *stats,
			      struct srnic_rx_stats *rx_stats)
{
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&ring->syncp);
		*stats = ring->stats;
		*rx_stats = ring->rx_stats;
	} while (u64_stats_fetch_retry(&ring->syncp, start));
}
EXPORT_SYMBOL_NS_GPL(srnic_ring_rx_stats_read, SRNIC_NS);
