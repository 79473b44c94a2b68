// SPDX-License-Identifier: GPL-2.0
/*
 * pf_mac_race: move a PF's address between two values as fast as the
 * kernel takes it, and after every move the kernel reports as done, read
 * the PF's own receive address register back to see that the filter moved
 * with it.
 *
 * Run next to a VF that asks for one of the two addresses in a loop
 * (hostile_vf -m setmac): a PF driver that checks who owns an address,
 * lets the mailbox interrupt in, then programs its filter can report
 * success for an address the VF got meanwhile; the PF netdev then has an
 * address its filter does not receive on (issue 7, defect 11).
 *
 * The register comes from the driver's ETHTOOL_GREGS dump, which holds
 * RAL0/RAH0 (srnic_pf keeps the PF's primary address in RAR entry 0). Its
 * place in the dump is found, not assumed: after the first move to -b,
 * the one word pair that holds -b with the address-valid bit set.
 *
 * Only the moves to -a are read back: -b is the PF's own, nobody else
 * asks for it, and the fewer register reads a move costs, the more moves
 * (and races) fit in the time.
 *
 * Usage: pf_mac_race -i IFNAME -a MAC -b MAC [-t SECONDS]
 * Prints one summary line and one line per stale read (at most 20);
 * exits 1 if any read was stale, 2 on a usage or setup error.
 */
#include <errno.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <linux/ethtool.h>
#include <linux/if_arp.h>
#include <linux/sockios.h>

#define RAH_AV		0x80000000u
#define MAX_REGS	4096

static int sock;
static struct ifreq ifr;
static struct ethtool_regs *regs;
static unsigned int nregs;

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int parse_mac(const char *s, unsigned char *m)
{
	unsigned int b[6];
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4],
		   &b[5]) != 6)
		return -1;
	for (i = 0; i < 6; i++)
		m[i] = b[i];
	return 0;
}

static uint32_t ral(const unsigned char *m)
{
	return m[0] | m[1] << 8 | m[2] << 16 | (uint32_t)m[3] << 24;
}

static uint32_t rah(const unsigned char *m)
{
	return m[4] | m[5] << 8;
}

/* SIOCSIFHWADDR: 0 or the errno the driver's ndo_set_mac_address gave */
static int set_mac(const unsigned char *m)
{
	struct ifreq r = ifr;

	r.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(r.ifr_hwaddr.sa_data, m, 6);
	return ioctl(sock, SIOCSIFHWADDR, &r) ? errno : 0;
}

static int get_regs(void)
{
	struct ifreq r = ifr;

	regs->cmd = ETHTOOL_GREGS;
	regs->len = nregs * 4;
	r.ifr_data = (void *)regs;
	return ioctl(sock, SIOCETHTOOL, &r) ? -errno : 0;
}

static int rar0_holds(unsigned int at, const unsigned char *m)
{
	const uint32_t *w = (const uint32_t *)regs->data;

	return w[at] == ral(m) && (w[at + 1] & (RAH_AV | 0xffff)) ==
	       (RAH_AV | rah(m));
}

static void usage(void)
{
	fprintf(stderr, "usage: pf_mac_race -i IFNAME -a MAC -b MAC [-t SECONDS]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	unsigned long moves = 0, ok_a = 0, busy_a = 0, other_a = 0, stale = 0;
	unsigned char a[6], b[6];
	const char *ifname = NULL;
	struct ethtool_drvinfo di = { .cmd = ETHTOOL_GDRVINFO };
	int have_a = 0, have_b = 0, c, err, found = -1;
	double secs = 10, end;
	unsigned int i;

	while ((c = getopt(argc, argv, "i:a:b:t:")) != -1) {
		switch (c) {
		case 'i':
			ifname = optarg;
			break;
		case 'a':
			have_a = !parse_mac(optarg, a);
			break;
		case 'b':
			have_b = !parse_mac(optarg, b);
			break;
		case 't':
			secs = atof(optarg);
			break;
		default:
			usage();
		}
	}
	if (!ifname || !have_a || !have_b || secs <= 0 ||
	    strlen(ifname) >= IFNAMSIZ)
		usage();

	sock = socket(AF_INET, SOCK_DGRAM, 0);
	if (sock < 0) {
		perror("pf_mac_race: socket");
		return 2;
	}
	strcpy(ifr.ifr_name, ifname);
	ifr.ifr_data = (void *)&di;
	if (ioctl(sock, SIOCETHTOOL, &ifr) || !di.regdump_len ||
	    di.regdump_len > MAX_REGS * 4) {
		fprintf(stderr, "pf_mac_race: %s has no register dump\n", ifname);
		return 2;
	}
	nregs = di.regdump_len / 4;
	regs = calloc(1, sizeof(*regs) + nregs * 4);
	if (!regs)
		return 2;

	/* find RAR0 in the dump: the one pair holding -b once the PF has it */
	err = set_mac(b);
	if (err || get_regs()) {
		fprintf(stderr, "pf_mac_race: cannot set %s to -b: %s\n", ifname,
			strerror(err ? err : errno));
		return 2;
	}
	for (i = 0; i + 1 < nregs; i++) {
		if (!rar0_holds(i, b))
			continue;
		if (found >= 0) {
			fprintf(stderr, "pf_mac_race: -b found twice in the dump\n");
			return 2;
		}
		found = i;
	}
	if (found < 0) {
		fprintf(stderr, "pf_mac_race: RAR0 with -b not in the dump\n");
		return 2;
	}

	end = now_s() + secs;
	while (now_s() < end) {
		const unsigned char *to = moves & 1 ? b : a;

		err = set_mac(to);
		moves++;
		if (to == a) {
			if (err == EADDRINUSE)
				busy_a++;
			else if (err)
				other_a++;
			else
				ok_a++;
		} else if (err) {
			fprintf(stderr, "pf_mac_race: move to -b refused: %s\n",
				strerror(err));
			return 2;
		}
		/* only -a is contested; the moves back just free it */
		if (err || to == b)
			continue;
		if (get_regs()) {
			perror("pf_mac_race: ETHTOOL_GREGS");
			return 2;
		}
		if (rar0_holds(found, to))
			continue;
		if (stale++ < 20) {
			const uint32_t *w = (const uint32_t *)regs->data;

			printf("pf_mac_race: move %lu to %02x:%02x:%02x:%02x:%02x:%02x succeeded, RAR0 reads %08x %08x\n",
			       moves, to[0], to[1], to[2], to[3], to[4], to[5],
			       w[found], w[found + 1]);
		}
	}
	set_mac(b);
	printf("pf_mac_race: %lu moves (to -a: %lu done, %lu EADDRINUSE, %lu other errors), %lu stale, RAR0 at dump word %d\n",
	       moves, ok_a, busy_a, other_a, stale, found);
	return stale ? 1 : 0;
}
