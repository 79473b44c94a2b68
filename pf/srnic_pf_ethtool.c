// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_pf: ethtool operations.
 */
#include <linux/ethtool.h>
#include <linux/delay.h>
#include <linux/linkmode.h>

#include "srnic_compat.h"
#include "srnic_pf.h"

#define SRNIC_HW_STAT(_name, _field) \
	SRNIC_PORT_STAT(struct srnic_pf_hw_stats, _name, _field)

/* MAC counters that rtnl_link_stats64 has no field for */
static const struct srnic_port_stat srnic_pf_hw_stats_desc[] = {
	SRNIC_HW_STAT("rx_no_buffer_count", rnbc),
	SRNIC_HW_STAT("rx_broadcast", bprc),
	SRNIC_HW_STAT("tx_broadcast", bptc),
	SRNIC_HW_STAT("tx_multicast", mptc),
	SRNIC_HW_STAT("rx_undersize", ruc),
	SRNIC_HW_STAT("rx_fragments", rfc),
	SRNIC_HW_STAT("rx_oversize", roc),
	SRNIC_HW_STAT("rx_jabbers", rjc),
	SRNIC_HW_STAT("rx_symbol_errors", symerrs),
	SRNIC_HW_STAT("tx_deferred", dc),
	SRNIC_HW_STAT("rx_xon", xonrxc),
	SRNIC_HW_STAT("tx_xon", xontxc),
	SRNIC_HW_STAT("rx_xoff", xoffrxc),
	SRNIC_HW_STAT("tx_xoff", xofftxc),
	SRNIC_HW_STAT("tx_tso_contexts", tsctc),
};

#define SRNIC_PF_HW_STATS	ARRAY_SIZE(srnic_pf_hw_stats_desc)
#define SRNIC_PF_DRV_STATS	2	/* tx_timeouts, misc_irqs */

/* per queue pair, as srnic_port_queue_stats() has them, but TX drops */
#define SRNIC_PF_TXQ_STATS	(SRNIC_PORT_TXQ_STATS - 1)
#define SRNIC_PF_QUEUE_STATS	(SRNIC_PF_TXQ_STATS + SRNIC_PORT_RXQ_STATS)

/* Per-VF mailbox counters, then one refusal counter per policy rule */
static const char * const srnic_pf_vf_stats[] = {
	"mbx_msgs", "mbx_refused", "mbx_throttled", "resets", "flrs",
};

#define SRNIC_PF_VF_RULES	(SRNIC_POL_RULE_NR - 1)	/* all but "ok" */
#define SRNIC_PF_VF_STATS	(ARRAY_SIZE(srnic_pf_vf_stats) + \
				 SRNIC_PF_VF_RULES)

static const char srnic_pf_tests[][ETH_GSTRING_LEN] = {
	"Register test  (offline)",
	"NVM checksum   (offline)",
	"Interrupt test (offline)",
	"Link test   (on/offline)",
};

#define SRNIC_PF_NUM_TESTS ARRAY_SIZE(srnic_pf_tests)

static const int srnic_pf_link_modes[] = {
	ETHTOOL_LINK_MODE_10baseT_Half_BIT,
	ETHTOOL_LINK_MODE_10baseT_Full_BIT,
	ETHTOOL_LINK_MODE_100baseT_Half_BIT,
	ETHTOOL_LINK_MODE_100baseT_Full_BIT,
	ETHTOOL_LINK_MODE_1000baseT_Full_BIT,
	ETHTOOL_LINK_MODE_Autoneg_BIT,
	ETHTOOL_LINK_MODE_TP_BIT,
};

static int srnic_pf_get_link_ksettings(struct net_device *netdev,
				       struct ethtool_link_ksettings *cmd)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);

	linkmode_zero(cmd->link_modes.supported);
	linkmode_set_bit_array(srnic_pf_link_modes,
			       ARRAY_SIZE(srnic_pf_link_modes),
			       cmd->link_modes.supported);
	linkmode_copy(cmd->link_modes.advertising, cmd->link_modes.supported);
	cmd->base.port = PORT_TP;
	cmd->base.phy_address = SRNIC_PHY_ADDR;
	cmd->base.autoneg = AUTONEG_ENABLE;
	if (pf->link_up) {
		cmd->base.speed = pf->link_speed;
		cmd->base.duplex = pf->link_duplex;
	} else {
		cmd->base.speed = SPEED_UNKNOWN;
		cmd->base.duplex = DUPLEX_UNKNOWN;
	}
	return 0;
}

static void srnic_pf_get_channels(struct net_device *netdev,
				  struct ethtool_channels *ch)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);

	ch->max_combined = pf->num_vfs ? 1 : pf->max_qp;
	ch->combined_count = pf->num_qp;
	if (pf->irq_mode == SRNIC_IRQ_MSIX) {
		ch->max_other = 1;
		ch->other_count = 1;
	}
}

static int srnic_pf_set_channels(struct net_device *netdev,
				 struct ethtool_channels *ch)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	bool running = netif_running(netdev);

	if (!ch->combined_count || ch->rx_count || ch->tx_count ||
	    ch->combined_count > pf->max_qp)
		return -EINVAL;
	/* with VFs the PF owns the one queue pair of its pool */
	if (pf->num_vfs && ch->combined_count != 1) {
		netdev_err(netdev, "with VFs enabled the PF has one channel\n");
		return -EINVAL;
	}
	if (ch->other_count != (pf->irq_mode == SRNIC_IRQ_MSIX ? 1 : 0))
		return -EINVAL;
	if (ch->combined_count == pf->num_qp)
		return 0;
	if (running)
		srnic_pf_close(netdev);
	pf->num_qp = ch->combined_count;
	if (running)
		return srnic_pf_open(netdev);
	return 0;
}

static int srnic_pf_get_sset_count(struct net_device *netdev, int sset)
{
	switch (sset) {
	case ETH_SS_STATS:
		return SRNIC_PF_HW_STATS + SRNIC_PF_DRV_STATS +
		       SRNIC_PF_MAX_QP * SRNIC_PF_QUEUE_STATS +
		       SRNIC_MAX_VFS * SRNIC_PF_VF_STATS;
	case ETH_SS_TEST:
		return SRNIC_PF_NUM_TESTS;
	default:
		return -EOPNOTSUPP;
	}
}

/* "vfN_refused_<rule>", the rule's log name with '-' made '_' */
static void srnic_pf_rule_string(u8 **data, unsigned int vf, unsigned int rule)
{
	char *p = (char *)*data;

	ethtool_sprintf(data, "vf%u_refused_%s", vf, srnic_pol_rule_name(rule));
	for (; *p; p++)
		if (*p == '-')
			*p = '_';
}

static void srnic_pf_get_strings(struct net_device *netdev, u32 sset, u8 *data)
{
	unsigned int i, q;

	switch (sset) {
	case ETH_SS_STATS:
		srnic_port_stat_strings(&data, srnic_pf_hw_stats_desc,
					SRNIC_PF_HW_STATS);
		ethtool_puts(&data, "tx_timeout_count");
		ethtool_puts(&data, "misc_interrupts");
		for (q = 0; q < SRNIC_PF_MAX_QP; q++)
			srnic_port_queue_strings(&data, q, SRNIC_PF_TXQ_STATS,
						 "tx_queue_", "rx_queue_");
		for (q = 0; q < SRNIC_MAX_VFS; q++) {
			for (i = 0; i < ARRAY_SIZE(srnic_pf_vf_stats); i++)
				ethtool_sprintf(&data, "vf%u_%s", q,
						srnic_pf_vf_stats[i]);
			for (i = 1; i < SRNIC_POL_RULE_NR; i++)
				srnic_pf_rule_string(&data, q, i);
		}
		break;
	case ETH_SS_TEST:
		memcpy(data, srnic_pf_tests, sizeof(srnic_pf_tests));
		break;
	}
}

static void srnic_pf_get_ethtool_stats(struct net_device *netdev,
				       struct ethtool_stats *stats, u64 *data)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	unsigned long flags;
	unsigned int i, q;

	srnic_pf_update_hw_stats(pf);
	spin_lock_irqsave(&pf->stats_lock, flags);
	data = srnic_port_stat_values(&pf->hw_stats, srnic_pf_hw_stats_desc,
				      SRNIC_PF_HW_STATS, data);
	spin_unlock_irqrestore(&pf->stats_lock, flags);
	*data++ = pf->tx_timeouts;
	*data++ = READ_ONCE(pf->misc_irqs);
	/* fewer vectors than SRNIC_PF_MAX_QP: the missing pairs read 0 */
	for (q = 0; q < SRNIC_PF_MAX_QP; q++)
		data = srnic_port_queue_stats(&pf->port, q, SRNIC_PF_TXQ_STATS,
					      data);

	spin_lock_irq(&pf->sw_lock);
	for (q = 0; q < SRNIC_MAX_VFS; q++) {
		const struct srnic_pol_stats *st = &pf->pol.vf[q].stats;

		*data++ = st->msgs;
		*data++ = st->refused;
		*data++ = st->throttled;
		*data++ = st->resets;
		*data++ = st->flrs;
		for (i = 1; i < SRNIC_POL_RULE_NR; i++)
			*data++ = st->by_rule[i];
	}
	spin_unlock_irq(&pf->sw_lock);
}

/* Registers shown by ethtool -d, in this order. */
static const u32 srnic_pf_dump_regs[] = {
	SRNIC_CTRL, SRNIC_STATUS, SRNIC_CTRL_EXT, SRNIC_MDIC, SRNIC_EECD,
	SRNIC_IMS, SRNIC_EIMS, SRNIC_EIAC, SRNIC_EIAM, SRNIC_GPIE,
	SRNIC_IVAR0(0), SRNIC_IVAR0(1), SRNIC_IVAR0(2), SRNIC_IVAR0(3),
	SRNIC_IVAR_MISC, SRNIC_RCTL, SRNIC_RXCSUM, SRNIC_RLPML, SRNIC_MRQC,
	SRNIC_VT_CTL, SRNIC_TCTL, SRNIC_TIPG, SRNIC_DTXCTL, SRNIC_DTXSWC,
	SRNIC_VFRE, SRNIC_VFTE, SRNIC_MBVFIMR, SRNIC_QDE, SRNIC_RXPBS,
	SRNIC_TXPBS, SRNIC_RAL0, SRNIC_RAH0,
};

#define SRNIC_PF_Q_DUMP		8	/* registers per queue block */
#define SRNIC_PF_DUMP_QUEUES	4
#define SRNIC_PF_REGS_LEN	(ARRAY_SIZE(srnic_pf_dump_regs) + \
				 2 * SRNIC_PF_DUMP_QUEUES * SRNIC_PF_Q_DUMP)

static int srnic_pf_get_regs_len(struct net_device *netdev)
{
	return SRNIC_PF_REGS_LEN * sizeof(u32);
}

static void srnic_pf_get_regs(struct net_device *netdev,
			      struct ethtool_regs *regs, void *p)
{
	static const u32 qoff[SRNIC_PF_Q_DUMP] = {
		SRNIC_Q_DBAL, SRNIC_Q_DBAH, SRNIC_Q_DLEN, SRNIC_Q_SRRCTL,
		SRNIC_Q_DH, SRNIC_Q_DCA_CTRL, SRNIC_Q_DT, SRNIC_Q_DCTL,
	};
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	u32 *buf = p;
	unsigned int i, q;

	regs->version = (1u << 24) | (pf->pdev->revision << 16) |
			pf->pdev->device;
	for (i = 0; i < ARRAY_SIZE(srnic_pf_dump_regs); i++)
		*buf++ = srnic_rd32(&pf->hw, srnic_pf_dump_regs[i]);
	for (q = 0; q < SRNIC_PF_DUMP_QUEUES; q++)
		for (i = 0; i < SRNIC_PF_Q_DUMP; i++)
			*buf++ = srnic_rd32(&pf->hw,
					    SRNIC_PF_RXQ_BASE(q) + qoff[i]);
	for (q = 0; q < SRNIC_PF_DUMP_QUEUES; q++)
		for (i = 0; i < SRNIC_PF_Q_DUMP; i++)
			*buf++ = srnic_rd32(&pf->hw,
					    SRNIC_PF_TXQ_BASE(q) + qoff[i]);
}

/*
 * Register test: walk patterns through the descriptor base and length
 * registers of the last queue, which the PF never uses for its own
 * traffic, and restore them afterwards.
 */
static int srnic_pf_reg_test(struct srnic_pf *pf)
{
	static const u32 patterns[] = {
		0x5A5A5A5A, 0xA5A5A5A5, 0x00000000, 0xFFFFFFFF,
	};
	static const struct {
		u32 reg;
		u32 mask;
	} regs[] = {
		{ SRNIC_PF_RXQ_BASE(SRNIC_NUM_QUEUES - 1) + SRNIC_Q_DBAL, 0xFFFFFF80 },
		{ SRNIC_PF_RXQ_BASE(SRNIC_NUM_QUEUES - 1) + SRNIC_Q_DBAH, 0xFFFFFFFF },
		{ SRNIC_PF_RXQ_BASE(SRNIC_NUM_QUEUES - 1) + SRNIC_Q_DLEN, 0x000FFF80 },
		{ SRNIC_PF_TXQ_BASE(SRNIC_NUM_QUEUES - 1) + SRNIC_Q_DBAL, 0xFFFFFF80 },
		{ SRNIC_PF_TXQ_BASE(SRNIC_NUM_QUEUES - 1) + SRNIC_Q_DBAH, 0xFFFFFFFF },
		{ SRNIC_PF_TXQ_BASE(SRNIC_NUM_QUEUES - 1) + SRNIC_Q_DLEN, 0x000FFF80 },
	};
	struct srnic_hw *hw = &pf->hw;
	unsigned int r, i;
	u32 saved, val;
	int err = 0;

	if (srnic_rd32(hw, SRNIC_STATUS) == ~0U)
		return -ENODEV;
	for (r = 0; r < ARRAY_SIZE(regs) && !err; r++) {
		saved = srnic_rd32(hw, regs[r].reg);
		for (i = 0; i < ARRAY_SIZE(patterns); i++) {
			srnic_wr32(hw, regs[r].reg, patterns[i] & regs[r].mask);
			val = srnic_rd32(hw, regs[r].reg) & regs[r].mask;
			if (val != (patterns[i] & regs[r].mask)) {
				netdev_err(pf->netdev,
					   "register test: 0x%05x wrote 0x%08x read 0x%08x\n",
					   regs[r].reg,
					   patterns[i] & regs[r].mask, val);
				err = -EIO;
				break;
			}
		}
		srnic_wr32(hw, regs[r].reg, saved);
	}
	return err;
}

/* Interrupt test: raise the link cause by software, see the handler run. */
static int srnic_pf_intr_test(struct srnic_pf *pf)
{
	u64 before = READ_ONCE(pf->misc_irqs);
	int i;

	if (pf->irq_mode != SRNIC_IRQ_MSIX && !netif_running(pf->netdev))
		return -EAGAIN;	/* the only vector is requested at open */
	srnic_wr32(&pf->hw, SRNIC_ICS, SRNIC_ICR_LSC);
	for (i = 0; i < 50; i++) {
		usleep_range(10000, 12000);
		if (READ_ONCE(pf->misc_irqs) != before)
			return 0;
	}
	netdev_err(pf->netdev, "interrupt test: no interrupt in 500 ms\n");
	return -EIO;
}

static void srnic_pf_self_test(struct net_device *netdev,
			       struct ethtool_test *eth_test, u64 *data)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);

	memset(data, 0, SRNIC_PF_NUM_TESTS * sizeof(*data));
	if (eth_test->flags & ETH_TEST_FL_OFFLINE) {
		data[0] = srnic_pf_reg_test(pf) ? 1 : 0;
		data[1] = srnic_pf_nvm_validate(pf) ? 1 : 0;
		data[2] = srnic_pf_intr_test(pf) ? 1 : 0;
	}
	data[3] = (srnic_rd32(&pf->hw, SRNIC_STATUS) & SRNIC_STATUS_LU) ? 0 : 1;
	if (data[0] || data[1] || data[2] || data[3])
		eth_test->flags |= ETH_TEST_FL_FAILED;
}

/* ethtool --reset: every component we reset goes with a full MAC reset */
#define SRNIC_PF_RESET_FLAGS (ETH_RESET_MAC | ETH_RESET_PHY | ETH_RESET_DMA | \
			      ETH_RESET_FILTER | ETH_RESET_OFFLOAD | \
			      ETH_RESET_IRQ)

static int srnic_pf_reset(struct net_device *netdev, u32 *flags)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);

	if (!(*flags & SRNIC_PF_RESET_FLAGS))
		return -EOPNOTSUPP;
	srnic_pf_reset_locked(pf);
	*flags &= ~SRNIC_PF_RESET_FLAGS;
	return 0;
}

/*
 * ethtool -e: the NVM as the EERD interface reads it, word by word. There
 * is no ethtool -E: a wrong word in an 82576's NVM (its PCI IDs, the MAC,
 * the init-control words) can leave the port unusable after the next
 * power cycle, and a field update is the vendor tool's job.
 */
static int srnic_pf_get_eeprom_len(struct net_device *netdev)
{
	return srnic_netdev_to_pf(netdev)->nvm_words * 2;
}

static int srnic_pf_get_eeprom(struct net_device *netdev,
			       struct ethtool_eeprom *ee, u8 *bytes)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);
	u32 first = ee->offset / 2, last = (ee->offset + ee->len - 1) / 2;
	u32 i, b;
	u16 w;
	int err;

	/* the core checked offset + len against the length we gave */
	ee->magic = pf->pdev->vendor | (u32)pf->pdev->device << 16;
	for (i = first; i <= last; i++) {
		err = srnic_pf_nvm_read(pf, i, &w);
		if (err)
			return err;
		/* words are little endian: the low byte is the lower address */
		for (b = 0; b < 2; b++) {
			u32 at = 2 * i + b;

			if (at >= ee->offset && at < ee->offset + ee->len)
				bytes[at - ee->offset] = w >> (8 * b);
		}
	}
	return 0;
}

/*
 * ethtool -p: every LED on and off once a second, then LEDCTL as it was
 * (the board's link/activity modes). The core calls each state under
 * RTNL, as a reset runs, so the saved value cannot go stale under us;
 * a reset meanwhile puts back the power-on modes, which the restore then
 * replaces with the ones from before.
 */
static int srnic_pf_set_phys_id(struct net_device *netdev,
				enum ethtool_phys_id_state state)
{
	struct srnic_pf *pf = srnic_netdev_to_pf(netdev);

	/*
	 * The core drops RTNL between the blinks: a remove meanwhile waits in
	 * unregister_netdev for this loop's reference, so end the loop.
	 */
	if (state != ETHTOOL_ID_INACTIVE &&
	    (test_bit(SRNIC_PF_REMOVING, pf->state) ||
	     test_bit(SRNIC_PF_GONE, pf->state)))
		return -ENODEV;

	switch (state) {
	case ETHTOOL_ID_ACTIVE:
		pf->ledctl_saved = pf_rd(pf, SRNIC_LEDCTL);
		return 1;	/* ON and OFF once per second */
	case ETHTOOL_ID_ON:
		pf_wr(pf, SRNIC_LEDCTL, SRNIC_LEDCTL_ALL_ON);
		break;
	case ETHTOOL_ID_OFF:
		pf_wr(pf, SRNIC_LEDCTL, SRNIC_LEDCTL_ALL_OFF);
		break;
	case ETHTOOL_ID_INACTIVE:
		pf_wr(pf, SRNIC_LEDCTL, pf->ledctl_saved);
		break;
	}
	return 0;
}

const struct ethtool_ops srnic_pf_ethtool_ops = {
	SRNIC_PORT_ETHTOOL_OPS,
	.supported_coalesce_params = 0,
	.get_link_ksettings = srnic_pf_get_link_ksettings,
	.get_channels = srnic_pf_get_channels,
	.set_channels = srnic_pf_set_channels,
	.get_sset_count = srnic_pf_get_sset_count,
	.get_strings = srnic_pf_get_strings,
	.get_ethtool_stats = srnic_pf_get_ethtool_stats,
	.get_regs_len = srnic_pf_get_regs_len,
	.get_regs = srnic_pf_get_regs,
	.get_eeprom_len = srnic_pf_get_eeprom_len,
	.get_eeprom = srnic_pf_get_eeprom,
	.set_phys_id = srnic_pf_set_phys_id,
	.self_test = srnic_pf_self_test,
	.reset = srnic_pf_reset,
};
