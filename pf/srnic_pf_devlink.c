// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_pf: devlink instance. The PF private state lives in the devlink
 * priv area so that devlink outlives nothing it reports on.
 */
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <net/devlink.h>

#include "srnic_pf.h"

static int srnic_pf_devlink_info_get(struct devlink *devlink,
				     struct devlink_info_req *req,
				     struct netlink_ext_ack *extack)
{
	struct srnic_pf *pf = devlink_priv(devlink);
	char buf[32];
	int err;

#ifdef SRNIC_NEED_DEVLINK_DRIVER_NAME
	err = devlink_info_driver_name_put(req, SRNIC_PF_DRV_NAME);
	if (err)
		return err;
#endif
	snprintf(buf, sizeof(buf), "%016llx", pf->serial);
	err = devlink_info_serial_number_put(req, buf);
	if (err)
		return err;
	err = devlink_info_version_fixed_put(req,
					     DEVLINK_INFO_VERSION_GENERIC_BOARD_ID,
					     pf->pba);
	if (err)
		return err;
	snprintf(buf, sizeof(buf), "%lu.%lu.%lu",
		 FIELD_GET(SRNIC_NVM_VER_MAJOR, pf->nvm_version),
		 FIELD_GET(SRNIC_NVM_VER_MINOR, pf->nvm_version),
		 FIELD_GET(SRNIC_NVM_VER_BUILD, pf->nvm_version));
	return devlink_info_version_running_put(req,
						DEVLINK_INFO_VERSION_GENERIC_FW,
						buf);
}

/* ---- health reporters -------------------------------------------------- */

/*
 * Both reporters only report: there is nothing to recover. A flooding VF
 * is already contained by the deferral (srnic_pf_mbx_defer()), and a TX
 * timeout by the reset task. The report runs from health_work, in process
 * context: devlink_health_report() takes mutexes, and the events come
 * from the misc interrupt and the netdev watchdog timer.
 */

/* Queue health_work; sw_lock held. */
static void srnic_pf_health_kick(struct srnic_pf *pf, unsigned long delay)
{
	lockdep_assert_held(&pf->sw_lock);
	if (pf->health_on)
		mod_delayed_work(system_wq, &pf->health_work, delay);
}

/**
 * srnic_pf_health_mbx_msg - remember a VF message for the mailbox reporter
 * @pf: the PF
 * @vf: the VF
 * @msg: the SRNIC_MBX_WORDS words it posted
 * @rule: enum srnic_pol_rule of the refusal, SRNIC_POL_OK if served
 * @err: the refusal's errno, 0 if served
 * @now: jiffies_to_msecs(jiffies)
 *
 * Every message is kept as the VF's last one; a refused one also goes to
 * the VF's ring of offending messages (the reporter's dump).
 *
 * Context: sw_lock held.
 */
void srnic_pf_health_mbx_msg(struct srnic_pf *pf, unsigned int vf,
			     const u32 *msg, u8 rule, int err, u32 now)
{
	struct srnic_pf_mbx_log *l = &pf->mbx_log[vf];
	struct srnic_pf_mbx_ent *e;

	lockdep_assert_held(&pf->sw_lock);
	memcpy(l->last, msg, sizeof(l->last));
	if (!err)
		return;
	e = &l->ent[l->count++ % SRNIC_PF_MBX_LOG];
	e->ms = now;
	e->rule = rule;
	e->err = err;
	memcpy(e->msg, msg, sizeof(e->msg));
}

/**
 * srnic_pf_health_mbx_over - a VF went over its mailbox work budget
 * @pf: the PF
 * @vf: the VF
 * @now: jiffies_to_msecs(jiffies)
 *
 * Logs the last message the VF got served and, if this starts a flood
 * episode, has the mailbox reporter report it. A flooding VF goes over
 * budget again after every penalty (a few times a second); the episode
 * groups those, so a flood is reported once, however long it lasts.
 *
 * Context: sw_lock held.
 */
void srnic_pf_health_mbx_over(struct srnic_pf *pf, unsigned int vf, u32 now)
{
	struct srnic_pf_mbx_log *l = &pf->mbx_log[vf];
	struct srnic_pf_mbx_ent *e;

	lockdep_assert_held(&pf->sw_lock);
	e = &l->ent[l->count++ % SRNIC_PF_MBX_LOG];
	e->ms = now;
	e->rule = SRNIC_POL_THROTTLED;
	e->err = 0;
	memcpy(e->msg, l->last, sizeof(e->msg));
	l->last_over_ms = now;
	if (l->in_episode)
		return;
	l->in_episode = true;
	l->episodes++;
	pf->mbx_report |= BIT(vf);
	srnic_pf_health_kick(pf, 0);
}

/**
 * srnic_pf_health_tx_timeout - have the tx_timeout reporter report
 * @pf: the PF
 * @txq: the queue that timed out
 *
 * Context: any (ndo_tx_timeout runs from the netdev watchdog timer).
 */
void srnic_pf_health_tx_timeout(struct srnic_pf *pf, unsigned int txq)
{
	unsigned long flags;

	spin_lock_irqsave(&pf->sw_lock, flags);
	pf->tx_report = true;
	pf->tx_report_q = txq;
	srnic_pf_health_kick(pf, 0);
	spin_unlock_irqrestore(&pf->sw_lock, flags);
}

struct srnic_pf_health_vf {
	struct srnic_pol_stats st;
	u64 episodes;
	bool in_episode;
	bool deferred;
};

static void srnic_pf_health_work(struct work_struct *work)
{
	struct srnic_pf *pf = container_of(to_delayed_work(work),
					   struct srnic_pf, health_work);
	struct srnic_pf_health_vf snap[SRNIC_MAX_VFS];
	u32 now = jiffies_to_msecs(jiffies);
	bool tx, open = false;
	unsigned long report;
	unsigned int vf, txq;
	char msg[128];

	spin_lock_irq(&pf->sw_lock);
	report = pf->mbx_report;
	pf->mbx_report = 0;
	tx = pf->tx_report;
	txq = pf->tx_report_q;
	pf->tx_report = false;
	for (vf = 0; vf < SRNIC_MAX_VFS; vf++) {
		struct srnic_pf_mbx_log *l = &pf->mbx_log[vf];

		if (l->in_episode &&
		    now - l->last_over_ms >= SRNIC_PF_FLOOD_QUIET_MS)
			l->in_episode = false;
		open |= l->in_episode;
		if (vf < pf->num_vfs)
			snap[vf].st = srnic_pol_vf_state(&pf->pol, vf)->stats;
		else
			memset(&snap[vf].st, 0, sizeof(snap[vf].st));
		snap[vf].episodes = l->episodes;
	}
	/* look again when the episodes still open may have ended */
	if (open)
		srnic_pf_health_kick(pf, msecs_to_jiffies(SRNIC_PF_FLOOD_QUIET_MS));
	spin_unlock_irq(&pf->sw_lock);

	for_each_set_bit(vf, &report, SRNIC_MAX_VFS) {
		snprintf(msg, sizeof(msg),
			 "VF %u over its mailbox work budget (flood %llu): %llu messages, %llu refused, %llu deferrals, %llu VF resets",
			 vf, snap[vf].episodes, snap[vf].st.msgs,
			 snap[vf].st.refused, snap[vf].st.throttled,
			 snap[vf].st.flrs);
		devlink_health_report(pf->mbx_reporter, msg, NULL);
	}
	if (!open && !report)
		devlink_health_reporter_state_update(pf->mbx_reporter,
						     DEVLINK_HEALTH_REPORTER_STATE_HEALTHY);
	if (tx) {
		snprintf(msg, sizeof(msg), "TX queue %u timed out", txq);
		devlink_health_report(pf->tx_reporter, msg, NULL);
	}
}

static void srnic_pf_fmsg_rule_counts(struct devlink_fmsg *fmsg,
				      const struct srnic_pol_stats *st)
{
	unsigned int r;

	devlink_fmsg_obj_nest_start(fmsg);
	for (r = SRNIC_POL_OK + 1; r < SRNIC_POL_RULE_NR; r++)
		if (st->by_rule[r])
			devlink_fmsg_u32_pair_put(fmsg, srnic_pol_rule_name(r),
						  st->by_rule[r]);
	devlink_fmsg_obj_nest_end(fmsg);
}

static int srnic_pf_mbx_diagnose(struct devlink_health_reporter *reporter,
				 struct devlink_fmsg *fmsg,
				 struct netlink_ext_ack *extack)
{
	struct srnic_pf *pf = devlink_health_reporter_priv(reporter);
	struct srnic_pf_health_vf *snap;
	unsigned int vf, n;

	snap = kcalloc(SRNIC_MAX_VFS, sizeof(*snap), GFP_KERNEL);
	if (!snap)
		return -ENOMEM;
	spin_lock_irq(&pf->sw_lock);
	n = pf->num_vfs;
	for (vf = 0; vf < n; vf++) {
		snap[vf].st = srnic_pol_vf_state(&pf->pol, vf)->stats;
		snap[vf].episodes = pf->mbx_log[vf].episodes;
		snap[vf].in_episode = pf->mbx_log[vf].in_episode;
		snap[vf].deferred = pf->mbx_deferred & BIT(vf);
	}
	spin_unlock_irq(&pf->sw_lock);

	devlink_fmsg_arr_pair_nest_start(fmsg, "vfs");
	for (vf = 0; vf < n; vf++) {
		const struct srnic_pf_health_vf *s = &snap[vf];

		devlink_fmsg_obj_nest_start(fmsg);
		devlink_fmsg_u32_pair_put(fmsg, "vf", vf);
		devlink_fmsg_u64_pair_put(fmsg, "messages", s->st.msgs);
		devlink_fmsg_u64_pair_put(fmsg, "refused", s->st.refused);
		devlink_fmsg_u64_pair_put(fmsg, "deferrals", s->st.throttled);
		devlink_fmsg_u64_pair_put(fmsg, "resets", s->st.resets);
		devlink_fmsg_u64_pair_put(fmsg, "vf_resets", s->st.flrs);
		devlink_fmsg_u64_pair_put(fmsg, "floods", s->episodes);
		devlink_fmsg_bool_pair_put(fmsg, "flooding", s->in_episode);
		devlink_fmsg_bool_pair_put(fmsg, "deferred", s->deferred);
		devlink_fmsg_pair_nest_start(fmsg, "refused_by");
		srnic_pf_fmsg_rule_counts(fmsg, &s->st);
		devlink_fmsg_pair_nest_end(fmsg);
		devlink_fmsg_obj_nest_end(fmsg);
	}
	devlink_fmsg_arr_pair_nest_end(fmsg);
	kfree(snap);
	return 0;
}

static int srnic_pf_mbx_dump(struct devlink_health_reporter *reporter,
			     struct devlink_fmsg *fmsg, void *priv_ctx,
			     struct netlink_ext_ack *extack)
{
	struct srnic_pf *pf = devlink_health_reporter_priv(reporter);
	u32 now = jiffies_to_msecs(jiffies);
	struct srnic_pf_mbx_log *log;
	unsigned int vf, n, i, k, w;

	log = kcalloc(SRNIC_MAX_VFS, sizeof(*log), GFP_KERNEL);
	if (!log)
		return -ENOMEM;
	spin_lock_irq(&pf->sw_lock);
	n = pf->num_vfs;
	memcpy(log, pf->mbx_log, n * sizeof(*log));
	spin_unlock_irq(&pf->sw_lock);

	devlink_fmsg_arr_pair_nest_start(fmsg, "vfs");
	for (vf = 0; vf < n; vf++) {
		const struct srnic_pf_mbx_log *l = &log[vf];
		unsigned int kept = min_t(u32, l->count, SRNIC_PF_MBX_LOG);

		devlink_fmsg_obj_nest_start(fmsg);
		devlink_fmsg_u32_pair_put(fmsg, "vf", vf);
		devlink_fmsg_u32_pair_put(fmsg, "logged", l->count);
		devlink_fmsg_arr_pair_nest_start(fmsg, "last_offending");
		/* newest first */
		for (i = 0; i < kept; i++) {
			const struct srnic_pf_mbx_ent *e;

			k = (l->count - 1 - i) % SRNIC_PF_MBX_LOG;
			e = &l->ent[k];
			devlink_fmsg_obj_nest_start(fmsg);
			devlink_fmsg_u32_pair_put(fmsg, "age_ms", now - e->ms);
			devlink_fmsg_string_pair_put(fmsg, "msg",
						     srnic_pol_msg_name(e->msg[0]));
			devlink_fmsg_string_pair_put(fmsg, "policy",
						     srnic_pol_rule_name(e->rule));
			devlink_fmsg_u32_pair_put(fmsg, "errno", -e->err);
			devlink_fmsg_arr_pair_nest_start(fmsg, "words");
			for (w = 0; w < SRNIC_MBX_WORDS; w++)
				devlink_fmsg_u32_put(fmsg, e->msg[w]);
			devlink_fmsg_arr_pair_nest_end(fmsg);
			devlink_fmsg_obj_nest_end(fmsg);
		}
		devlink_fmsg_arr_pair_nest_end(fmsg);
		devlink_fmsg_obj_nest_end(fmsg);
	}
	devlink_fmsg_arr_pair_nest_end(fmsg);
	kfree(log);
	return 0;
}

static const struct devlink_health_reporter_ops srnic_pf_mbx_reporter_ops = {
	.name = "mailbox",
	.diagnose = srnic_pf_mbx_diagnose,
	.dump = srnic_pf_mbx_dump,
};

static int srnic_pf_tx_diagnose(struct devlink_health_reporter *reporter,
				struct devlink_fmsg *fmsg,
				struct netlink_ext_ack *extack)
{
	struct srnic_pf *pf = devlink_health_reporter_priv(reporter);

	devlink_fmsg_u64_pair_put(fmsg, "tx_timeouts",
				  READ_ONCE(pf->tx_timeouts));
	return 0;
}

static const struct devlink_health_reporter_ops srnic_pf_tx_reporter_ops = {
	.name = "tx_timeout",
	.diagnose = srnic_pf_tx_diagnose,
};

static void srnic_pf_health_create(struct srnic_pf *pf)
{
	struct devlink_health_reporter *r;

	r = devlink_health_reporter_create(pf->devlink,
					   &srnic_pf_mbx_reporter_ops, 0, pf);
	if (IS_ERR(r)) {
		pci_warn(pf->pdev, "no mailbox health reporter: %pe\n", r);
		return;
	}
	pf->mbx_reporter = r;
	r = devlink_health_reporter_create(pf->devlink,
					   &srnic_pf_tx_reporter_ops, 0, pf);
	if (IS_ERR(r)) {
		pci_warn(pf->pdev, "no tx_timeout health reporter: %pe\n", r);
		devlink_health_reporter_destroy(pf->mbx_reporter);
		pf->mbx_reporter = NULL;
		return;
	}
	pf->tx_reporter = r;
	spin_lock_irq(&pf->sw_lock);
	pf->health_on = true;
	spin_unlock_irq(&pf->sw_lock);
}

/*
 * Nothing queues health_work once health_on is clear (all queuers test it
 * under sw_lock); then the work is cancelled, and the reporters go.
 */
static void srnic_pf_health_destroy(struct srnic_pf *pf)
{
	spin_lock_irq(&pf->sw_lock);
	pf->health_on = false;
	spin_unlock_irq(&pf->sw_lock);
	cancel_delayed_work_sync(&pf->health_work);
	if (pf->tx_reporter)
		devlink_health_reporter_destroy(pf->tx_reporter);
	if (pf->mbx_reporter)
		devlink_health_reporter_destroy(pf->mbx_reporter);
	pf->tx_reporter = NULL;
	pf->mbx_reporter = NULL;
}

static const struct devlink_ops srnic_pf_devlink_ops = {
	.info_get = srnic_pf_devlink_info_get,
};

/**
 * srnic_pf_devlink_alloc - allocate the devlink instance and the PF state
 * @pdev: the PCI function
 *
 * Return: the zeroed PF state inside the devlink priv area, or NULL.
 */
struct srnic_pf *srnic_pf_devlink_alloc(struct pci_dev *pdev)
{
	struct devlink *devlink;
	struct srnic_pf *pf;

	devlink = devlink_alloc(&srnic_pf_devlink_ops, sizeof(*pf), &pdev->dev);
	if (!devlink)
		return NULL;
	pf = devlink_priv(devlink);
	pf->devlink = devlink;
	INIT_DELAYED_WORK(&pf->health_work, srnic_pf_health_work);
	return pf;
}

/**
 * srnic_pf_devlink_register - make the instance visible to user space
 * @pf: the PF
 *
 * The health reporters are optional: the PF runs without them.
 */
void srnic_pf_devlink_register(struct srnic_pf *pf)
{
	srnic_pf_health_create(pf);
	devlink_register(pf->devlink);
}

/**
 * srnic_pf_devlink_unregister - hide the instance from user space
 * @pf: the PF
 *
 * Reports stop first: a report needs the instance registered.
 */
void srnic_pf_devlink_unregister(struct srnic_pf *pf)
{
	srnic_pf_health_destroy(pf);
	devlink_unregister(pf->devlink);
}

/**
 * srnic_pf_devlink_free - free the instance and with it the PF state
 * @pf: the PF; invalid after the call
 */
void srnic_pf_devlink_free(struct srnic_pf *pf)
{
	devlink_free(pf->devlink);
}
