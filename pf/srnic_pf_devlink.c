// SPDX-License-Identifier: GPL-2.0
/*
 * srnic_pf: devlink instance. The PF private state lives in the devlink
 * priv area so that devlink outlives nothing it reports on.
 */
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
	snprintf(buf, sizeof(buf), "%u.%u.%u", pf->nvm_version >> 12,
		 (pf->nvm_version >> 4) & 0xFF, pf->nvm_version & 0xF);
	return devlink_info_version_running_put(req,
						DEVLINK_INFO_VERSION_GENERIC_FW,
						buf);
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
	return pf;
}

/**
 * srnic_pf_devlink_register - make the instance visible to user space
 * @pf: the PF
 */
void srnic_pf_devlink_register(struct srnic_pf *pf)
{
	devlink_register(pf->devlink);
}

/**
 * srnic_pf_devlink_unregister - hide the instance from user space
 * @pf: the PF
 */
void srnic_pf_devlink_unregister(struct srnic_pf *pf)
{
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
