// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_vf: ethtool operations.
 */
#include <linux/bitfield.h>
#include <linux/ethtool.h>

#include "srnic_vf.h"

struct srnic_vf_stat {
	char name[ETH_GSTRING_LEN];
	unsigned int offset;
};

#define SRNIC_VF_SW_STAT(_name, _field) { \
	.name = _name, \
	.offset = offsetof(struct srnic_vf_sw_stats, _field), \
}

static const struct srnic_vf_stat srnic_vf_sw_stats_desc[] = {
	SRNIC_VF_SW_STAT("resets", resets),
	SRNIC_VF_SW_STAT("reset_failures", reset_fail),
	SRNIC_VF_SW_STAT("mbx_timeouts", mbx_timeouts),
	SRNIC_VF_SW_STAT("mbx_nacks", mbx_nacks),
	SRNIC_VF_SW_STAT("pf_messages", pf_msgs),
	SRNIC_VF_SW_STAT("pf_resets", pf_resets),
	SRNIC_VF_SW_STAT("pf_kicks", kicks),
	SRNIC_VF_SW_STAT("flrs", flrs),
	SRNIC_VF_SW_STAT("tx_timeouts", tx_timeouts),
	SRNIC_VF_SW_STAT("mbx_irqs", mbx_irqs),
};

/* the VF's own hardware counters, wrap-extended */
static const char * const srnic_vf_hw_stats_names[] = {
	"hw_rx_packets", "hw_tx_packets", "hw_rx_bytes", "hw_tx_bytes",
	"hw_rx_multicast",
};

static const char * const srnic_vf_state_names[] = {
	"mbx_api", "pf_clear_to_send", "pf_rate_limited",
};

static const char * const srnic_vf_txq_stats[] = {
	"packets", "bytes", "restart", "busy", "csum", "tso", "vlan_insert",
	"dma_err", "linearize", "drops",
};

static const char * const srnic_vf_rxq_stats[] = {
	"packets", "bytes", "csum_good", "csum_err", "alloc_failed",
	"vlan_strip", "frame_err", "drops",
};

#define SRNIC_VF_N_SW		ARRAY_SIZE(srnic_vf_sw_stats_desc)
#define SRNIC_VF_N_HW		ARRAY_SIZE(srnic_vf_hw_stats_names)
#define SRNIC_VF_N_STATE	ARRAY_SIZE(srnic_vf_state_names)
#define SRNIC_VF_N_QUEUE	(ARRAY_SIZE(srnic_vf_txq_stats) + \
				 ARRAY_SIZE(srnic_vf_rxq_stats))
#define SRNIC_VF_N_STATS	(SRNIC_VF_N_SW + SRNIC_VF_N_HW + \
				 SRNIC_VF_N_STATE + \
				 SRNIC_VF_MAX_QP * SRNIC_VF_N_QUEUE)

static int srnic_vf_get_link_ksettings(struct net_device *netdev,
				       struct ethtool_link_ksettings *cmd)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);
	u32 status;

	ethtool_link_ksettings_zero_link_mode(cmd, supported);
	ethtool_link_ksettings_zero_link_mode(cmd, advertising);
	cmd->base.port = PORT_NONE;
	cmd->base.autoneg = AUTONEG_DISABLE;
	cmd->base.speed = SPEED_UNKNOWN;
	cmd->base.duplex = DUPLEX_UNKNOWN;
	if (!netif_carrier_ok(netdev))
		return 0;
	status = vf_rd(vf, SRNIC_VF_STATUS);
	if (status == ~0U)
		return 0;
	switch (FIELD_GET(SRNIC_STATUS_SPEED_MASK, status)) {
	case SRNIC_STATUS_SPEED_10:
		cmd->base.speed = SPEED_10;
		break;
	case SRNIC_STATUS_SPEED_100:
		cmd->base.speed = SPEED_100;
		break;
	default:
		cmd->base.speed = SPEED_1000;
		break;
	}
	cmd->base.duplex = (status & SRNIC_STATUS_FD) ? DUPLEX_FULL :
							 DUPLEX_HALF;
	return 0;
}

static void srnic_vf_get_channels(struct net_device *netdev,
				  struct ethtool_channels *ch)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);

	ch->max_combined = SRNIC_VF_MAX_QP;
	ch->combined_count = vf->num_qp;
	/* the mailbox vector */
	ch->max_other = 1;
	ch->other_count = 1;
}

static int srnic_vf_set_channels(struct net_device *netdev,
				 struct ethtool_channels *ch)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);

	if (ch->rx_count || ch->tx_count || ch->other_count != 1 ||
	    !ch->combined_count || ch->combined_count > SRNIC_VF_MAX_QP)
		return -EINVAL;
	if (ch->combined_count == vf->num_qp)
		return 0;
	return srnic_vf_resize_locked(vf, ch->combined_count,
				      vf->tx_ring_count, vf->rx_ring_count);
}

static int srnic_vf_get_sset_count(struct net_device *netdev, int sset)
{
	if (sset == ETH_SS_STATS)
		return SRNIC_VF_N_STATS;
	return -EOPNOTSUPP;
}

static void srnic_vf_get_strings(struct net_device *netdev, u32 sset, u8 *data)
{
	unsigned int i, q;
	char name[ETH_GSTRING_LEN];

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < SRNIC_VF_N_SW; i++)
		ethtool_puts(&data, srnic_vf_sw_stats_desc[i].name);
	for (i = 0; i < SRNIC_VF_N_HW; i++)
		ethtool_puts(&data, srnic_vf_hw_stats_names[i]);
	for (i = 0; i < SRNIC_VF_N_STATE; i++)
		ethtool_puts(&data, srnic_vf_state_names[i]);
	for (q = 0; q < SRNIC_VF_MAX_QP; q++) {
		for (i = 0; i < ARRAY_SIZE(srnic_vf_txq_stats); i++) {
			snprintf(name, sizeof(name), "tx_q%u_%s", q,
				 srnic_vf_txq_stats[i]);
			ethtool_puts(&data, name);
		}
		for (i = 0; i < ARRAY_SIZE(srnic_vf_rxq_stats); i++) {
			snprintf(name, sizeof(name), "rx_q%u_%s", q,
				 srnic_vf_rxq_stats[i]);
			ethtool_puts(&data, name);
		}
	}
}

static void srnic_vf_get_ethtool_stats(struct net_device *netdev,
				       struct ethtool_stats *estats, u64 *data)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);
	struct srnic_ring_stats rs;
	struct srnic_tx_stats ts;
	struct srnic_rx_stats xs;
	unsigned long flags;
	unsigned int i, q;

	mutex_lock(&vf->mbx_lock);
	vf->sw_stats.mbx_timeouts = vf->mbx.stats.timeouts;
	vf->sw_stats.mbx_nacks = vf->mbx.stats.nacks;
	vf->sw_stats.pf_msgs = vf->mbx.stats.pf_msgs;
	vf->sw_stats.pf_resets = vf->mbx.stats.pf_resets;
	vf->sw_stats.kicks = vf->mbx.stats.kicks;
	mutex_unlock(&vf->mbx_lock);
	for (i = 0; i < SRNIC_VF_N_SW; i++)
		*data++ = *(u64 *)((u8 *)&vf->sw_stats +
				   srnic_vf_sw_stats_desc[i].offset);

	srnic_vf_update_hw_stats(vf);
	spin_lock_irqsave(&vf->stats_lock, flags);
	*data++ = vf->hw_stats.gprc.total;
	*data++ = vf->hw_stats.gptc.total;
	*data++ = vf->hw_stats.gorc.total;
	*data++ = vf->hw_stats.gotc.total;
	*data++ = vf->hw_stats.mprc.total;
	spin_unlock_irqrestore(&vf->stats_lock, flags);

	*data++ = vf->mbx.api;
	*data++ = vf->mbx.cts;
	*data++ = READ_ONCE(vf->tx_one_queue);

	for (q = 0; q < SRNIC_VF_MAX_QP; q++) {
		srnic_ring_tx_stats_read(vf->tx_ring[q], &rs, &ts);
		*data++ = rs.packets;
		*data++ = rs.bytes;
		*data++ = ts.restart_queue;
		*data++ = ts.tx_busy;
		*data++ = ts.csum_offload;
		*data++ = ts.tso;
		*data++ = ts.vlan_insert;
		*data++ = ts.dma_err;
		*data++ = ts.linearize;
		*data++ = ts.drops;
		srnic_ring_rx_stats_read(vf->rx_ring[q], &rs, &xs);
		*data++ = rs.packets;
		*data++ = rs.bytes;
		*data++ = xs.csum_good;
		*data++ = xs.csum_err;
		*data++ = xs.alloc_failed;
		*data++ = xs.vlan_strip;
		*data++ = xs.frame_err;
		*data++ = xs.drops;
	}
}

/*
 * Registers for ethtool -d. VTEICR is left out (reading it clears causes
 * on silicon); VFMailbox is read through the read-to-clear shadow.
 */
static const u32 srnic_vf_regs[] = {
	SRNIC_VF_CTRL, SRNIC_VF_STATUS, SRNIC_VF_EIMS, SRNIC_VF_EIAC,
	SRNIC_VF_EIAM, SRNIC_VF_EITR(0), SRNIC_VF_EITR(1), SRNIC_VF_EITR(2),
	SRNIC_VF_IVAR0, SRNIC_VF_IVAR_MISC,
	SRNIC_VF_GPRC, SRNIC_VF_GPTC, SRNIC_VF_GORC, SRNIC_VF_GOTC,
	SRNIC_VF_MPRC,
};

static const u32 srnic_vf_q_regs[] = {
	SRNIC_Q_DBAL, SRNIC_Q_DBAH, SRNIC_Q_DLEN, SRNIC_Q_SRRCTL, SRNIC_Q_DH,
	SRNIC_Q_DCA_CTRL, SRNIC_Q_DT, SRNIC_Q_DCTL,
};

#define SRNIC_VF_REGS_N	(ARRAY_SIZE(srnic_vf_regs) + 1 + \
			 2 * SRNIC_VF_MAX_QP * ARRAY_SIZE(srnic_vf_q_regs))

static int srnic_vf_get_regs_len(struct net_device *netdev)
{
	return SRNIC_VF_REGS_N * sizeof(u32);
}

static void srnic_vf_get_regs(struct net_device *netdev,
			      struct ethtool_regs *regs, void *p)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);
	u32 *buf = p;
	unsigned int i, q;

	memset(p, 0, SRNIC_VF_REGS_N * sizeof(u32));
	regs->version = 1;
	for (i = 0; i < ARRAY_SIZE(srnic_vf_regs); i++)
		*buf++ = vf_rd(vf, srnic_vf_regs[i]);
	mutex_lock(&vf->mbx_lock);
	*buf++ = srnic_mbx_vf_read_ctrl(&vf->mbx);
	mutex_unlock(&vf->mbx_lock);
	for (q = 0; q < SRNIC_VF_MAX_QP; q++) {
		for (i = 0; i < ARRAY_SIZE(srnic_vf_q_regs); i++)
			*buf++ = vf_rd(vf, SRNIC_VF_RXQ_BASE(q) +
					   srnic_vf_q_regs[i]);
		for (i = 0; i < ARRAY_SIZE(srnic_vf_q_regs); i++)
			*buf++ = vf_rd(vf, SRNIC_VF_TXQ_BASE(q) +
					   srnic_vf_q_regs[i]);
	}
}

static const struct ethtool_ops srnic_vf_ethtool_ops = {
	.get_drvinfo = srnic_port_get_drvinfo,
	.get_link = ethtool_op_get_link,
	.get_msglevel = srnic_port_get_msglevel,
	.set_msglevel = srnic_port_set_msglevel,
	.get_link_ksettings = srnic_vf_get_link_ksettings,
	.get_ringparam = srnic_port_get_ringparam,
	.set_ringparam = srnic_port_set_ringparam,
	.get_channels = srnic_vf_get_channels,
	.set_channels = srnic_vf_set_channels,
	.get_sset_count = srnic_vf_get_sset_count,
	.get_strings = srnic_vf_get_strings,
	.get_ethtool_stats = srnic_vf_get_ethtool_stats,
	.get_regs_len = srnic_vf_get_regs_len,
	.get_regs = srnic_vf_get_regs,
};

/**
 * srnic_vf_set_ethtool_ops - attach the ethtool operations
 * @netdev: the VF netdev
 */
void srnic_vf_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &srnic_vf_ethtool_ops;
}
