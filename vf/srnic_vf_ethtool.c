// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_vf: ethtool operations.
 */
#include <linux/bitfield.h>
#include <linux/ethtool.h>

#include "srnic_vf.h"

#define SRNIC_VF_SW_STAT(_name, _field) \
	SRNIC_PORT_STAT(struct srnic_vf_sw_stats, _name, _field)

static const struct srnic_port_stat srnic_vf_sw_stats_desc[] = {
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

#define SRNIC_VF_N_SW		ARRAY_SIZE(srnic_vf_sw_stats_desc)
#define SRNIC_VF_N_HW		ARRAY_SIZE(srnic_vf_hw_stats_names)
#define SRNIC_VF_N_STATE	ARRAY_SIZE(srnic_vf_state_names)
#define SRNIC_VF_N_QUEUE	(SRNIC_PORT_TXQ_STATS + SRNIC_PORT_RXQ_STATS)
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

	if (sset != ETH_SS_STATS)
		return;
	srnic_port_stat_strings(&data, srnic_vf_sw_stats_desc, SRNIC_VF_N_SW);
	for (i = 0; i < SRNIC_VF_N_HW; i++)
		ethtool_puts(&data, srnic_vf_hw_stats_names[i]);
	for (i = 0; i < SRNIC_VF_N_STATE; i++)
		ethtool_puts(&data, srnic_vf_state_names[i]);
	for (q = 0; q < SRNIC_VF_MAX_QP; q++)
		srnic_port_queue_strings(&data, q, SRNIC_PORT_TXQ_STATS,
					 "tx_q", "rx_q");
}

static void srnic_vf_get_ethtool_stats(struct net_device *netdev,
				       struct ethtool_stats *estats, u64 *data)
{
	struct srnic_vf *vf = srnic_netdev_to_vf(netdev);
	unsigned long flags;
	unsigned int q;

	mutex_lock(&vf->mbx_lock);
	vf->sw_stats.mbx_timeouts = vf->mbx.stats.timeouts;
	vf->sw_stats.mbx_nacks = vf->mbx.stats.nacks;
	vf->sw_stats.pf_msgs = vf->mbx.stats.pf_msgs;
	vf->sw_stats.pf_resets = vf->mbx.stats.pf_resets;
	vf->sw_stats.kicks = vf->mbx.stats.kicks;
	mutex_unlock(&vf->mbx_lock);
	data = srnic_port_stat_values(&vf->sw_stats, srnic_vf_sw_stats_desc,
				      SRNIC_VF_N_SW, data);

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

	for (q = 0; q < SRNIC_VF_MAX_QP; q++)
		data = srnic_port_queue_stats(&vf->port, q,
					      SRNIC_PORT_TXQ_STATS, data);
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

const struct ethtool_ops srnic_vf_ethtool_ops = {
	SRNIC_PORT_ETHTOOL_OPS,
	.get_link_ksettings = srnic_vf_get_link_ksettings,
	.get_channels = srnic_vf_get_channels,
	.set_channels = srnic_vf_set_channels,
	.get_sset_count = srnic_vf_get_sset_count,
	.get_strings = srnic_vf_get_strings,
	.get_ethtool_stats = srnic_vf_get_ethtool_stats,
	.get_regs_len = srnic_vf_get_regs_len,
	.get_regs = srnic_vf_get_regs,
};
