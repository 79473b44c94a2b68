// SPDX-License-Identifier: GPL-2.0
/* libFuzzer target for the PF side of the mailbox transport and the PF glue
 * that serves it, on the simulated mailbox registers (tests/unit/mbx_sim.c).
 *
 * The PF glue of pf/srnic_pf_sriov.c (srnic_pf_mbx_rcv,
 * srnic_pf_mbx_service_vf, srnic_pf_mbx_defer[_work], srnic_pf_vf_send,
 * srnic_pf_vf_act, link change, reset prepare) needs the kernel, so it is
 * replicated below step by step, calling the real transport
 * (mailbox/srnic_mbx.c), budget (srnic_pol_ev_*) and policy. Keep the
 * replica in step with srnic_pf_sriov.c.
 *
 * The input is a program of VF-side actions (a proper post, raw VFMailbox
 * writes: REQ, ACK, VFU take/release; VTCTRL.RST; garbage in VMBMEM; reads
 * that clear the read-to-clear bits), PF entry points (the mailbox
 * interrupt, the deferred work, admin changes and their kicks/pings, link
 * changes, PF resets, PF filter changes) and time steps. Any VF-side action
 * can also be armed to happen just before the k-th PF register read from
 * now, i.e. between any two reads of the PF, in the middle of a transport
 * function.
 *
 * Invariants, on top of the switch and policy ones (fuzz_check.c: every
 * 8th PF operation and at the end) and the reply and refusal checks (every
 * request served), which must hold whatever torn or hostile words the PF
 * read:
 *   - a VF event cannot make the PF change another VF's state;
 *   - the PF's busy-wait per served VF, and per send, stays within its
 *     bound (simulated microseconds in udelay());
 *   - the work the PF does for a VF (events served, at their budget price,
 *     plus busy-wait steps) over any window is within the burst, the
 *     refill rate and the bounded overdraft;
 *   - a request a VF posted properly (it held VFU, wrote the message, set
 *     REQ) is never overwritten by a PF message before the PF read it:
 *     sends back off when a request arrived (the TOCTOU fix).
 */
#include "fuzz_common.h"
#include "srnic_mbx.h"
#include "mbx_sim.h"

static struct srnic_hw *hw = &sim_pf_hw;

/* ---- the PF glue, as in pf/srnic_pf_sriov.c ---------------------------- */

static unsigned int nr_armed;	/* VF actions armed, see on_pf_read() */
static unsigned long deferred;	/* pf->mbx_deferred */
static bool defer_queued;	/* pf->mbx_defer pending */
static u64 defer_at;		/* ... and when it runs */
static u64 tnow;		/* harness clock, ms; the PF sees (u32)tnow */

/* work done per VF (events at their budget price, busy-wait steps) */
static u64 work[SRNIC_MAX_VFS];

static void hw_write(void *ctx, u32 reg, u32 val)
{
	srnic_wr32(ctx, reg, val);
}

static void glue_flush(void)
{
	srnic_sw_flush(&sw, hw_write, hw);
}

static void glue_rcv(unsigned int vf, u32 t)
{
	struct srnic_pol_result res;
	u32 msg[SRNIC_MBX_WORDS];
	unsigned int tries, waits;
	bool cts_before;
	int err;

	tries = srnic_pol_ev_units(&pol, vf, t);
	err = srnic_mbx_pf_lock_tries(hw, vf, tries, &waits);
	srnic_pol_ev_charge(&pol, vf, SRNIC_POL_EV_REQ + waits);
	work[vf] += SRNIC_POL_EV_REQ;
	if (err)
		return;		/* "holds its mailbox, message dropped" */
	srnic_mbx_pf_read(hw, vf, msg, SRNIC_MBX_WORDS);
	srnic_mbx_pf_ack_hold(hw, vf);
	if (srnic_mbx_msgid(msg[0]) == SRNIC_MBX_VF_RESET)
		srnic_wr32(hw, SRNIC_IVAR0(vf), 0);
	cts_before = pol.vf[vf].cts;
	srnic_pol_handle_msg(&pol, vf, msg, t, &res);
	fz_check_reply(vf, msg, &res, cts_before);
	fz_check_refusal(vf, msg, &res);
	glue_flush();
	if (srnic_sw_is_dirty(&sw))
		FAIL("VF %u learns the outcome before the switch is programmed", vf);
	if (res.reply_len)
		srnic_mbx_pf_post(hw, vf, res.reply, res.reply_len);
	else
		srnic_mbx_pf_unlock(hw, vf);
}

static void glue_defer(unsigned int vf)
{
	u32 ms = srnic_pol_ev_resume_ms(&pol, vf);

	if (deferred & BIT(vf))
		return;
	deferred |= BIT(vf);
	srnic_wr32(hw, SRNIC_MBVFIMR, GENMASK(pol.num_vfs - 1, 0) & ~deferred);
	/* mod_delayed_work(): the last deferral sets the deadline */
	defer_at = tnow + ms + 1;
	defer_queued = true;
}

/* bound of one srnic_pf_mbx_service_vf(): the request's PFU spin and the
 * bare NACK's send
 */
#define SERVE_BUSY_MAX_US	(2 * (SRNIC_MBX_PF_LOCK_TRIES - 1) * \
				 SRNIC_MBX_PF_LOCK_DELAY_US)

static void glue_service_vf(unsigned int vf, u32 t)
{
	unsigned long us0 = sim.now_us, busy;
	bool report = false, snap;
	u32 w;

	if (deferred & BIT(vf))
		return;
	/* with no event and nothing armed to raise one, nothing can change */
	snap = nr_armed || (sim.vflre & BIT(vf)) ||
	       (sim.mbvficr & (SRNIC_MBVFICR_VFREQ(vf) | SRNIC_MBVFICR_VFACK(vf)));
	if (snap)
		fz_snapshot();
	if (!srnic_pol_ev_may_serve(&pol, vf, t, &report))
		goto defer;
	if (srnic_mbx_pf_test_and_clear_vflr(hw, vf)) {
		srnic_pol_ev_charge(&pol, vf, SRNIC_POL_EV_VFLR);
		work[vf] += SRNIC_POL_EV_VFLR;
		srnic_pol_vf_flr(&pol, vf);
		glue_flush();
		if (!srnic_pol_ev_may_serve(&pol, vf, t, &report))
			goto defer;
	}
	if (srnic_mbx_pf_test_and_clear_req(hw, vf)) {
		glue_rcv(vf, t);
		if (!srnic_pol_ev_may_serve(&pol, vf, t, &report))
			goto defer;
	}
	if (srnic_mbx_pf_test_and_clear_ack(hw, vf)) {
		srnic_pol_ev_charge(&pol, vf, SRNIC_POL_EV_ACK);
		work[vf] += SRNIC_POL_EV_ACK;
		if (srnic_pol_vf_ack(&pol, vf, t, &w)) {
			srnic_pol_ev_charge(&pol, vf, SRNIC_MBX_PF_LOCK_TRIES);
			srnic_mbx_pf_send(hw, vf, &w, 1);
		}
	}
	goto out;
defer:
	glue_defer(vf);
out:
	busy = sim.now_us - us0;
	work[vf] += busy / SRNIC_MBX_PF_LOCK_DELAY_US;
	if (busy > SERVE_BUSY_MAX_US)
		FAIL("serving VF %u busy-waited %lu us", vf, busy);
	if (snap)
		fz_check_only_vf_changed(vf);
}

static void glue_defer_work(void)
{
	unsigned long pending = deferred;
	unsigned int vf;

	defer_queued = false;
	deferred = 0;
	for (vf = 0; vf < pol.num_vfs; vf++)
		if (pending & BIT(vf))
			glue_service_vf(vf, (u32)tnow);
	srnic_wr32(hw, SRNIC_MBVFIMR,
		   pol.num_vfs ? GENMASK(pol.num_vfs - 1, 0) & ~deferred : 0);
}

#define SEND_TRIES		3	/* SRNIC_PF_SEND_TRIES */
#define SEND_BUSY_MAX_US	(SEND_TRIES * (SERVE_BUSY_MAX_US + \
				 (SRNIC_MBX_PF_LOCK_TRIES - 1) * \
				 SRNIC_MBX_PF_LOCK_DELAY_US))

static void glue_vf_send(unsigned int vf, bool ping, u32 w)
{
	unsigned long us0 = sim.now_us;
	unsigned int i;

	for (i = 0; i < SEND_TRIES; i++) {
		glue_service_vf(vf, (u32)tnow);
		if (ping)
			w = srnic_pol_ping(&pol, vf);
		if (srnic_mbx_pf_send(hw, vf, &w, 1) != -EAGAIN)
			break;
	}
	if (sim.now_us - us0 > SEND_BUSY_MAX_US)
		FAIL("send to VF %u busy-waited %lu us", vf, sim.now_us - us0);
}

static void glue_service_all(void)
{
	unsigned int vf;

	for (vf = 0; vf < pol.num_vfs; vf++)
		glue_service_vf(vf, (u32)tnow);
}

static void glue_ping_vfs(void)
{
	unsigned int vf;

	for (vf = 0; vf < pol.num_vfs; vf++)
		glue_vf_send(vf, true, 0);
}

static void glue_vf_act(unsigned int vf, int act)
{
	bool legacy = pol.vf[vf].api < SRNIC_MBX_API_1_1;
	u32 w;

	glue_flush();
	if (act != SRNIC_POL_ACT_RESET && act != SRNIC_POL_ACT_PING)
		return;
	glue_service_vf(vf, (u32)tnow);
	if (act == SRNIC_POL_ACT_RESET) {
		w = srnic_pol_kick(&pol, vf, (u32)tnow);
		glue_flush();
		glue_vf_send(vf, false, w);
	} else {
		glue_vf_send(vf, true, 0);
	}
	if (legacy)
		srnic_wr32(hw, SRNIC_PVTEICS(vf), SRNIC_PVTEICS_ALL);
}

/* ---- the VF side -------------------------------------------------------- */

/* a request the VF posted by the rules and the PF has not read yet */
static bool proper[SRNIC_MAX_VFS];

enum {
	VF_POST,	/* VFU, check, message, REQ */
	VF_MBX,		/* raw VFMailbox write: REQ, ACK, VFU in any mix */
	VF_RST,		/* VTCTRL.RST */
	VF_JUNK,	/* one word of VMBMEM */
	VF_READ,	/* read VFMailbox: the read-to-clear bits go */
	VF_HOLD,	/* take VFU and keep it */
	VF_KINDS
};

struct vf_action {
	u8 kind;
	u8 vf;
	u32 a;
	u32 msg[SRNIC_MBX_WORDS];
};

static void vf_wr(unsigned int vf, u32 reg, u32 val)
{
	srnic_wr32(&sim_vf_hw[vf], reg, val);
}

static u32 vf_rd(unsigned int vf, u32 reg)
{
	return srnic_rd32(&sim_vf_hw[vf], reg);
}

static void vf_do(const struct vf_action *a)
{
	unsigned int vf = a->vf, i;

	if (a->kind != VF_READ)
		proper[vf] = false;	/* anything else voids the guarantee */
	switch (a->kind) {
	case VF_POST:
		vf_wr(vf, SRNIC_VF_MAILBOX, SRNIC_VFMB_VFU);
		if (!(vf_rd(vf, SRNIC_VF_MAILBOX) & SRNIC_VFMB_VFU))
			break;	/* the PF has the buffer: a VF waits */
		for (i = 0; i < SRNIC_MBX_WORDS; i++)
			vf_wr(vf, SRNIC_VF_MBMEM + 4 * i, a->msg[i]);
		vf_wr(vf, SRNIC_VF_MAILBOX, SRNIC_VFMB_REQ);
		proper[vf] = true;
		break;
	case VF_MBX:
		vf_wr(vf, SRNIC_VF_MAILBOX, a->a & (SRNIC_VFMB_REQ | SRNIC_VFMB_ACK |
						    SRNIC_VFMB_VFU));
		break;
	case VF_RST:
		vf_wr(vf, SRNIC_VF_CTRL, SRNIC_VF_CTRL_RST);
		break;
	case VF_JUNK:
		vf_wr(vf, SRNIC_VF_MBMEM + 4 * (a->a % SRNIC_MBX_WORDS), a->msg[0]);
		break;
	case VF_READ:
		vf_rd(vf, SRNIC_VF_MAILBOX);
		break;
	default:
		vf_wr(vf, SRNIC_VF_MAILBOX, SRNIC_VFMB_VFU);
		break;
	}
}

static void vf_parse(struct input *in, struct vf_action *a)
{
	u8 sel = in_u8(in);

	a->vf = in_u8(in) % pol.num_vfs;
	/* biased towards proper posts: they drive the policy */
	a->kind = sel % 16 < 8 ? VF_POST : sel % 16 - 8 < VF_KINDS ?
		  sel % 16 - 8 : VF_MBX;
	a->a = 0;
	if (a->kind == VF_POST) {
		fz_build_msg(in, a->msg);
	} else if (a->kind == VF_MBX || a->kind == VF_JUNK) {
		a->a = in_u8(in);
		a->msg[0] = a->kind == VF_JUNK ? in_u32(in) : 0;
	}
}

/* VF actions armed for the k-th PF register read from now */
#define MAX_ARMED 8
static struct vf_action armed[MAX_ARMED];
static unsigned long armed_at[MAX_ARMED];

FZ_NOCOV static void on_pf_read(struct mbx_sim *s, u32 off)
{
	unsigned int i, vf;

	for (i = 0; i < nr_armed;) {
		if (armed_at[i] != s->pf_reads) {
			i++;
			continue;
		}
		vf_do(&armed[i]);
		armed[i] = armed[nr_armed - 1];
		armed_at[i] = armed_at[nr_armed - 1];
		nr_armed--;
	}
	/* reading the message word 0 is the PF taking the request */
	if (off >= SRNIC_VMBMEM(0) && off < SRNIC_VMBMEM(SRNIC_MAX_VFS) &&
	    !((off - SRNIC_VMBMEM(0)) % 0x40)) {
		vf = (off - SRNIC_VMBMEM(0)) / 0x40;
		proper[vf] = false;
	}
}

FZ_NOCOV static void on_pf_write(struct mbx_sim *s, u32 off, u32 val)
{
	unsigned int vf;

	if (off < SRNIC_VMBMEM(0) || off >= SRNIC_VMBMEM(SRNIC_MAX_VFS))
		return;
	vf = (off - SRNIC_VMBMEM(0)) / 0x40;
	if (proper[vf])
		FAIL("PF wrote VMBMEM of VF %u over a request it never read", vf);
}

/* ---- the budget over time ----------------------------------------------- */

/*
 * From any point on, the bucket holds at most a burst; it refills at the
 * rate; an event served on the last unit may overdraw it by at most the
 * dearest charge (an ack and its bare NACK send) and then the VF waits at
 * least SRNIC_POL_EV_RESUME units of refill before it is served again.
 */
#define OVERDRAFT	(SRNIC_POL_EV_ACK + SRNIC_MBX_PF_LOCK_TRIES)
#define ANCHORS		16

static u64 anchor_t[ANCHORS], anchor_w[ANCHORS][SRNIC_MAX_VFS];
static unsigned int nr_anchors, next_anchor;

FZ_NOCOV static void anchor(void)
{
	unsigned int i = next_anchor;

	anchor_t[i] = tnow;
	memcpy(anchor_w[i], work, sizeof(work));
	next_anchor = (i + 1) % ANCHORS;
	if (nr_anchors < ANCHORS)
		nr_anchors++;
}

FZ_NOCOV static void check_budget(void)
{
	unsigned int i, vf;

	for (i = 0; i < nr_anchors; i++) {
		u64 dt = tnow - anchor_t[i];
		/* burst + rate * dt + one overdraft per resume, + two */
		u64 max = SRNIC_POL_EV_BURST + dt * SRNIC_POL_EV_RATE / 1000 +
			  OVERDRAFT * (2 + dt / (SRNIC_POL_EV_RESUME *
						 SRNIC_POL_EV_COST_MS));

		for (vf = 0; vf < pol.num_vfs; vf++)
			if (work[vf] - anchor_w[i][vf] > max)
				FAIL("VF %u got %llu units of PF work in %llu ms (max %llu)",
				     vf, (unsigned long long)(work[vf] - anchor_w[i][vf]),
				     (unsigned long long)dt, (unsigned long long)max);
	}
}

/* ---- the program -------------------------------------------------------- */

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct input in = { data, size };
	unsigned int num_vfs = in_u8(&in) % SRNIC_MAX_VFS + 1, steps = 0, vf;
	unsigned int pf_ops = 0;
	struct vf_action a;
	int act;

	sim_reset();
	sim.on_pf_read = on_pf_read;
	sim.on_pf_write = on_pf_write;
	srnic_sw_init(&sw, num_vfs);
	tnow = in_u32(&in);
	now = (u32)tnow;
	srnic_pol_init(&pol, &sw, num_vfs, now);
	srnic_pol_set_link(&pol, true, 1000);
	glue_flush();
	deferred = 0;
	defer_queued = false;
	nr_armed = 0;
	nr_anchors = 0;
	next_anchor = 0;
	memset(work, 0, sizeof(work));
	memset(proper, 0, sizeof(proper));
	anchor();

	while (in.n && steps++ < 512) {
		u8 op = in_u8(&in);

		now = (u32)tnow;
		switch (op % 16) {
		case 0 ... 3:
			/* VF register writes alone change no PF state */
			vf_parse(&in, &a);
			vf_do(&a);
			continue;
		case 4:
		case 5:
			if (nr_armed == MAX_ARMED)
				continue;
			armed_at[nr_armed] = sim.pf_reads + 1 + in_u8(&in) % 64;
			vf_parse(&in, &armed[nr_armed]);
			nr_armed++;
			continue;
		case 6 ... 8:
			glue_service_all();	/* the mailbox interrupt */
			break;
		case 9:
			tnow += (u64)in_u8(&in) << (op >> 5);
			anchor();
			if (defer_queued && tnow >= defer_at)
				glue_defer_work();
			break;
		case 10:
		case 11:
			act = fz_admin_op(&in, &vf);
			if (vf < pol.num_vfs)
				glue_vf_act(vf, act);
			else
				glue_flush();
			break;
		case 12:
			if (op & 0x80) {	/* srnic_pf_sriov_reset_prepare */
				srnic_pol_pf_reset(&pol);
			} else {		/* srnic_pf_sriov_link_change */
				srnic_pol_set_link(&pol, op & 0x40,
						   (op & 0x20) ? 100 : 1000);
				glue_flush();
			}
			glue_ping_vfs();
			break;
		case 13:
			fz_pf_op(&in);
			glue_flush();
			break;
		case 14:
			/* an unsolicited ping to one VF (e.g. an admin change) */
			glue_vf_send(in_u8(&in) % pol.num_vfs, true, 0);
			break;
		default:
			/* the deferred work, if it is due */
			if (defer_queued && tnow >= defer_at)
				glue_defer_work();
			break;
		}
		/*
		 * fuzz_policy checks the whole switch after every step; here
		 * every 8th PF operation (and at the end) keeps the transport
		 * fast, the per-event checks above run on every event.
		 */
		if (!(++pf_ops & 7))
			fz_check_all();
		check_budget();
	}
	/* what is left pending is served once the penalties are over */
	tnow += SRNIC_POL_CREDIT_MAX_MS;
	now = (u32)tnow;
	if (defer_queued)
		glue_defer_work();
	glue_service_all();
	fz_check_all();
	fz_probe_fairness(~0u);
	sim.on_pf_read = NULL;
	sim.on_pf_write = NULL;
	if (getenv("FUZZ_MBX_DEBUG"))	/* what a replayed input did */
		for (vf = 0; vf < pol.num_vfs; vf++)
			fprintf(stderr,
				"VF %u: msgs %llu refused %llu throttled %llu flrs %llu work %llu cts %d; busy %lu us, %lu PF reads\n",
				vf, (unsigned long long)pol.vf[vf].stats.msgs,
				(unsigned long long)pol.vf[vf].stats.refused,
				(unsigned long long)pol.vf[vf].stats.throttled,
				(unsigned long long)pol.vf[vf].stats.flrs,
				(unsigned long long)work[vf], pol.vf[vf].cts,
				sim.now_us, sim.pf_reads);
	return 0;
}
