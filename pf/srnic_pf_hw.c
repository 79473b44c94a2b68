// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_pf: MAC reset, NVM, PHY, address filters and MAC statistics.
 */
#include <linux/delay.h>
#include <linux/iopoll.h>
#include <linux/bitfield.h>
#include <linux/ethtool.h>

#include "srnic_pf.h"

#define SRNIC_MASTER_DISABLE_US	800
#define SRNIC_NVM_TIMEOUT_US	10000
#define SRNIC_MDIC_TIMEOUT_US	2000

/* Stop DMA before the reset so no request is in flight when it hits. */
static void srnic_pf_disable_master(struct srnic_pf *pf)
{
	u32 status;
	int err;

	pf_wr(pf, SRNIC_CTRL, pf_rd(pf, SRNIC_CTRL) |
	      SRNIC_CTRL_GIO_MASTER_DISABLE);
	err = read_poll_timeout_atomic(pf_rd, status,
				       !(status & SRNIC_STATUS_GIO_MASTER_EN) ||
				       srnic_removed(&pf->hw),
				       10, SRNIC_MASTER_DISABLE_US, false,
				       pf, SRNIC_STATUS);
	if (err)
		pci_dbg(pf->pdev, "master requests still pending before reset\n");
}

/**
 * srnic_pf_hw_reset - issue a full MAC reset
 * @pf: the PF
 *
 * Masks and clears interrupts, stops RX/TX, resets the MAC and waits for
 * the NVM auto-read. Every MAC register is back at its default afterwards,
 * so the caller must reprogram everything it owns.
 *
 * Return: 0, or -ENODEV if the device no longer answers.
 */
int srnic_pf_hw_reset(struct srnic_pf *pf)
{
	u32 eecd;
	int err;

	if (srnic_removed(&pf->hw))
		return -ENODEV;

	pf_wr(pf, SRNIC_IMC, ~0U);
	pf_wr(pf, SRNIC_EIMC, ~0U);
	pf_wr(pf, SRNIC_RCTL, 0);
	pf_wr(pf, SRNIC_TCTL, SRNIC_TCTL_PSP);
	srnic_wr_flush(&pf->hw);
	usleep_range(10000, 11000);

	srnic_pf_disable_master(pf);
	pf_wr(pf, SRNIC_CTRL, pf_rd(pf, SRNIC_CTRL) | SRNIC_CTRL_RST);
	usleep_range(1000, 2000);

	/*
	 * The NVM auto-read sets EECD.AUTO_RD on silicon; an emulated part
	 * may not model it. EERD reads fail cleanly later if the NVM really
	 * is not ready, so a missing bit is not fatal here. While the reset
	 * runs a live device may read all ones: the poll reads quietly and
	 * only STATUS, read normally once it is over, decides "gone".
	 */
	err = read_poll_timeout(srnic_rd32_quiet, eecd,
				eecd != ~0U && (eecd & SRNIC_EECD_AUTO_RD),
				500, SRNIC_NVM_TIMEOUT_US, false,
				&pf->hw, SRNIC_EECD);
	if (err)
		pci_dbg(pf->pdev, "NVM auto-read not signalled after reset\n");

	pf_wr(pf, SRNIC_IMC, ~0U);
	pf_rd(pf, SRNIC_ICR);
	if (pf_rd(pf, SRNIC_STATUS) == ~0U)
		return -ENODEV;
	/* the VF mailboxes show RSTI until CTRL_EXT.PFRSTD */
	pf->pfrstd_pending = true;
	return 0;
}

/**
 * srnic_pf_nvm_read - read one 16-bit NVM word through EERD
 * @pf: the PF
 * @word: word address
 * @data: result
 *
 * Return: 0 or -ETIMEDOUT.
 */
int srnic_pf_nvm_read(struct srnic_pf *pf, u16 word, u16 *data)
{
	u32 eerd;
	int err;

	pf_wr(pf, SRNIC_EERD, FIELD_PREP(SRNIC_EERD_ADDR_MASK, word) |
	      SRNIC_EERD_START);
	err = read_poll_timeout(pf_rd, eerd,
				(eerd & SRNIC_EERD_DONE) || eerd == ~0U,
				5, SRNIC_NVM_TIMEOUT_US, false,
				pf, SRNIC_EERD);
	if (err || eerd == ~0U)
		return -ETIMEDOUT;
	*data = FIELD_GET(SRNIC_EERD_DATA_MASK, eerd);
	return 0;
}

/**
 * srnic_pf_nvm_validate - check the NVM checksum over words 0..0x3F
 * @pf: the PF
 *
 * Return: 0, -EIO on a bad checksum, or an NVM read error.
 */
int srnic_pf_nvm_validate(struct srnic_pf *pf)
{
	u16 sum = 0, w, i;
	int err;

	for (i = 0; i <= SRNIC_NVM_CHECKSUM_REG; i++) {
		err = srnic_pf_nvm_read(pf, i, &w);
		if (err)
			return err;
		sum += w;
	}
	return sum == SRNIC_NVM_SUM ? 0 : -EIO;
}

/**
 * srnic_pf_read_identity - read NVM size, MAC address, version and PBA
 * @pf: the PF
 *
 * Return: 0 or a negative errno.
 */
int srnic_pf_read_identity(struct srnic_pf *pf)
{
	u32 eecd = pf_rd(pf, SRNIC_EECD), shift;
	u16 w[3], pba0, pba1;
	int err, i;

	if (eecd == ~0U)
		return -ENODEV;
	shift = FIELD_GET(SRNIC_EECD_SIZE, eecd) + SRNIC_NVM_SIZE_SHIFT;
	pf->nvm_words = BIT(min_t(u32, shift, SRNIC_NVM_MAX_SHIFT));
	for (i = 0; i < 3; i++) {
		err = srnic_pf_nvm_read(pf, SRNIC_NVM_MAC_ADDR + i, &w[i]);
		if (err)
			return err;
		pf->perm_addr[2 * i] = w[i] & 0xff;
		pf->perm_addr[2 * i + 1] = w[i] >> 8;
	}
	/* the second port of a dual-port part flips the last bit */
	if (PCI_FUNC(pf->pdev->devfn) & 1)
		pf->perm_addr[5] ^= 1;

	err = srnic_pf_nvm_read(pf, SRNIC_NVM_VERSION, &pf->nvm_version);
	if (err)
		return err;
	err = srnic_pf_nvm_read(pf, SRNIC_NVM_PBA_0, &pba0);
	if (!err)
		err = srnic_pf_nvm_read(pf, SRNIC_NVM_PBA_1, &pba1);
	if (err)
		return err;
	/* legacy numeric layout: six digits, a dash, three digits */
	snprintf(pf->pba, sizeof(pf->pba), "%04X%02X-0%02X", pba0,
		 pba1 >> 8, pba1 & 0xFF);
	pf->serial = ether_addr_to_u64(pf->perm_addr);
	return 0;
}

static int srnic_pf_mdic(struct srnic_pf *pf, u32 cmd, u16 *val)
{
	u32 mdic;
	int err;

	pf_wr(pf, SRNIC_MDIC, cmd);
	err = read_poll_timeout(pf_rd, mdic,
				mdic & (SRNIC_MDIC_READY | SRNIC_MDIC_ERROR),
				10, SRNIC_MDIC_TIMEOUT_US, false,
				pf, SRNIC_MDIC);
	if (err)
		return -ETIMEDOUT;
	if (mdic == ~0U)
		return -ENODEV;
	if (mdic & SRNIC_MDIC_ERROR)
		return -EIO;
	if (val)
		*val = mdic & SRNIC_MDIC_DATA_MASK;
	return 0;
}

/**
 * srnic_pf_phy_read - read a PHY register through MDIC
 * @pf: the PF
 * @reg: PHY register (0..31)
 * @val: result
 *
 * Return: 0, -ETIMEDOUT or -EIO.
 */
int srnic_pf_phy_read(struct srnic_pf *pf, u32 reg, u16 *val)
{
	return srnic_pf_mdic(pf, FIELD_PREP(SRNIC_MDIC_REG_MASK, reg) |
			     FIELD_PREP(SRNIC_MDIC_PHY_MASK, SRNIC_PHY_ADDR) |
			     SRNIC_MDIC_OP_READ, val);
}

/**
 * srnic_pf_phy_write - write a PHY register through MDIC
 * @pf: the PF
 * @reg: PHY register (0..31)
 * @val: value
 *
 * Return: 0, -ETIMEDOUT or -EIO.
 */
int srnic_pf_phy_write(struct srnic_pf *pf, u32 reg, u16 val)
{
	return srnic_pf_mdic(pf, val | FIELD_PREP(SRNIC_MDIC_REG_MASK, reg) |
			     FIELD_PREP(SRNIC_MDIC_PHY_MASK, SRNIC_PHY_ADDR) |
			     SRNIC_MDIC_OP_WRITE, NULL);
}

/**
 * srnic_pf_phy_init - identify the PHY and start autonegotiation
 * @pf: the PF
 *
 * Advertises every copper speed and restarts autonegotiation; the link
 * change interrupt reports the result.
 *
 * Return: 0 or a negative errno.
 */
int srnic_pf_phy_init(struct srnic_pf *pf)
{
	u16 id1, id2, bmcr;
	int err;

	err = srnic_pf_phy_read(pf, SRNIC_PHY_ID1, &id1);
	if (!err)
		err = srnic_pf_phy_read(pf, SRNIC_PHY_ID2, &id2);
	if (err) {
		pci_err(pf->pdev, "PHY does not answer on MDIO: %d\n", err);
		return err;
	}
	pci_dbg(pf->pdev, "PHY id %04x:%04x\n", id1, id2);

	/* link comes up by autonegotiation, never forced */
	pf_wr(pf, SRNIC_CTRL, (pf_rd(pf, SRNIC_CTRL) | SRNIC_CTRL_SLU) &
	      ~(SRNIC_CTRL_FRCSPD | SRNIC_CTRL_FRCDPX));

	err = srnic_pf_phy_read(pf, SRNIC_PHY_BMCR, &bmcr);
	if (err)
		return err;
	bmcr |= SRNIC_BMCR_ANENABLE | SRNIC_BMCR_ANRESTART;
	return srnic_pf_phy_write(pf, SRNIC_PHY_BMCR, bmcr);
}

static void srnic_acc(struct srnic_pf *pf, u64 *ctr, u32 reg)
{
	u32 v = pf_rd(pf, reg);

	if (v != ~0U)
		*ctr += v;
}

/**
 * srnic_pf_update_hw_stats - fold the clear-on-read MAC counters in
 * @pf: the PF
 *
 * Does nothing while a MAC reset runs (the counters restart anyway).
 *
 * Context: any; takes stats_lock.
 */
void srnic_pf_update_hw_stats(struct srnic_pf *pf)
{
	struct srnic_pf_hw_stats *s = &pf->hw_stats;
	unsigned long flags;
	u64 lo;

	if (srnic_removed(&pf->hw))
		return;

	spin_lock_irqsave(&pf->stats_lock, flags);
	/* under the lock: srnic_pf_reset_locked() waits on it after setting */
	if (test_bit(SRNIC_PF_RESETTING, pf->state)) {
		spin_unlock_irqrestore(&pf->stats_lock, flags);
		return;
	}
	srnic_acc(pf, &s->crcerrs, SRNIC_CRCERRS);
	srnic_acc(pf, &s->algnerrc, SRNIC_ALGNERRC);
	srnic_acc(pf, &s->symerrs, SRNIC_SYMERRS);
	srnic_acc(pf, &s->rxerrc, SRNIC_RXERRC);
	srnic_acc(pf, &s->mpc, SRNIC_MPC);
	srnic_acc(pf, &s->colc, SRNIC_COLC);
	srnic_acc(pf, &s->latecol, SRNIC_LATECOL);
	srnic_acc(pf, &s->dc, SRNIC_DC);
	srnic_acc(pf, &s->rlec, SRNIC_RLEC);
	srnic_acc(pf, &s->xonrxc, SRNIC_XONRXC);
	srnic_acc(pf, &s->xontxc, SRNIC_XONTXC);
	srnic_acc(pf, &s->xoffrxc, SRNIC_XOFFRXC);
	srnic_acc(pf, &s->xofftxc, SRNIC_XOFFTXC);
	srnic_acc(pf, &s->gprc, SRNIC_GPRC);
	srnic_acc(pf, &s->bprc, SRNIC_BPRC);
	srnic_acc(pf, &s->mprc, SRNIC_MPRC);
	srnic_acc(pf, &s->gptc, SRNIC_GPTC);
	/* the low half must be read first: it latches the high half */
	lo = pf_rd(pf, SRNIC_GORCL);
	s->gorc += lo + ((u64)pf_rd(pf, SRNIC_GORCH) << 32);
	lo = pf_rd(pf, SRNIC_GOTCL);
	s->gotc += lo + ((u64)pf_rd(pf, SRNIC_GOTCH) << 32);
	srnic_acc(pf, &s->rnbc, SRNIC_RNBC);
	srnic_acc(pf, &s->ruc, SRNIC_RUC);
	srnic_acc(pf, &s->rfc, SRNIC_RFC);
	srnic_acc(pf, &s->roc, SRNIC_ROC);
	srnic_acc(pf, &s->rjc, SRNIC_RJC);
	srnic_acc(pf, &s->tpr, SRNIC_TPR);
	srnic_acc(pf, &s->tpt, SRNIC_TPT);
	srnic_acc(pf, &s->mptc, SRNIC_MPTC);
	srnic_acc(pf, &s->bptc, SRNIC_BPTC);
	srnic_acc(pf, &s->tsctc, SRNIC_TSCTC);
	/* TORH/TOTH latch too; read to keep them from saturating */
	pf_rd(pf, SRNIC_TORL);
	pf_rd(pf, SRNIC_TORH);
	pf_rd(pf, SRNIC_TOTL);
	pf_rd(pf, SRNIC_TOTH);
	spin_unlock_irqrestore(&pf->stats_lock, flags);
}

/**
 * srnic_pf_check_link - sample the link state from STATUS
 * @pf: the PF
 *
 * Return: true if the link state, speed or duplex changed.
 */
bool srnic_pf_check_link(struct srnic_pf *pf)
{
	u32 status = pf_rd(pf, SRNIC_STATUS);
	bool up = status != ~0U && (status & SRNIC_STATUS_LU);
	u16 speed = 0;
	u8 duplex = DUPLEX_UNKNOWN;
	bool changed;

	if (up) {
		switch (FIELD_GET(SRNIC_STATUS_SPEED_MASK, status)) {
		case SRNIC_STATUS_SPEED_10:
			speed = SPEED_10;
			break;
		case SRNIC_STATUS_SPEED_100:
			speed = SPEED_100;
			break;
		default:
			speed = SPEED_1000;
			break;
		}
		duplex = (status & SRNIC_STATUS_FD) ? DUPLEX_FULL : DUPLEX_HALF;
	}
	changed = up != pf->link_up || speed != pf->link_speed ||
		  duplex != pf->link_duplex;
	pf->link_up = up;
	pf->link_speed = speed;
	pf->link_duplex = duplex;
	return changed;
}
