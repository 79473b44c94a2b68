// SPDX-License-Identifier: GPL-2.0
/*
 * hostile_vf: a VF that attacks its PF through the mailbox.
 *
 * It maps the BAR0 of a VF that no driver owns (sysfs resource0) and does
 * what a malicious guest driver could do with the same registers: malformed
 * and policy-violating messages, requests faster than the PF answers,
 * holding the mailbox, requests with no message, VF software reset storms,
 * random register writes. One more mode (setmac, not part of "all") is a
 * well-behaved trusted guest that changes its address in a loop, to race
 * the PF for one. Every mode is bounded by a time and a count, and
 * the tool prints how many operations it did, so a test can run it under a
 * timeout and judge the PF by what the rest of the system saw meanwhile.
 *
 * The register and message constants come from the project's own headers
 * (common/srnic_regs.h, mailbox/srnic_mbx_proto.h) through the unit-test
 * shim, so the tool and the drivers cannot disagree about the layout.
 *
 * Usage: hostile_vf -d 0000:01:10.0 [-m MODE] [-t SECONDS] [-n COUNT]
 *                   [-s SEED] [-M MAC]... [-q]
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <linux/array_size.h>

#include "srnic_regs.h"
#include "srnic_mbx_proto.h"

#define BAR_SIZE	0x4000
#define MAX_MACS	16

static volatile uint32_t *bar;
static uint32_t shadow;		/* read-to-clear bits seen, not yet used */
static uint64_t rng;
static volatile sig_atomic_t stop;

struct stats {
	unsigned long ops;	/* register writes that hit the PF */
	unsigned long msgs;	/* complete messages posted */
	unsigned long acked;
	unsigned long nacked;
	unsigned long noreply;	/* no ACK/reply within the wait */
	unsigned long nolock;	/* VFU did not stick */
};

static struct stats st;
static uint8_t macs[MAX_MACS][ETH_ALEN];
static unsigned int nmacs;
static int quiet;

static uint32_t rd(uint32_t off)
{
	return bar[off / 4];
}

static void wr(uint32_t off, uint32_t v)
{
	bar[off / 4] = v;
}

static uint64_t rnd(void)
{
	/* xorshift64*: reproducible from the printed seed */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ULL;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void us_sleep(unsigned int us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000L };

	nanosleep(&ts, NULL);
}

static uint32_t mbx_read(void)
{
	uint32_t v = rd(SRNIC_VF_MAILBOX);

	shadow |= v & SRNIC_VFMB_R2C_BITS;
	return v;
}

/* Wait up to @ms for a read-to-clear bit; consume it from the shadow. */
static int mbx_wait(uint32_t bit, unsigned int ms)
{
	double end = now_s() + ms / 1000.0;

	for (;;) {
		mbx_read();
		if (shadow & bit) {
			shadow &= ~bit;
			return 0;
		}
		if (now_s() > end)
			return -ETIMEDOUT;
		us_sleep(100);
	}
}

static int mbx_lock(void)
{
	int i;

	for (i = 0; i < 20; i++) {
		wr(SRNIC_VF_MAILBOX, SRNIC_VFMB_VFU);
		if (mbx_read() & SRNIC_VFMB_VFU)
			return 0;
		us_sleep(200);
	}
	st.nolock++;
	return -EBUSY;
}

static void mbx_write_mem(const uint32_t *w, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		wr(SRNIC_VF_MBMEM + 4 * i, w[i]);
}

/*
 * Post a message the proper way and wait @ms for the PF's ACK and reply.
 * Returns the reply's word 0, or 0 for none. A hostile VF has no reason
 * to wait long: a PF that defers it must not get it to slow down.
 */
static uint32_t mbx_xact(const uint32_t *w, unsigned int n, uint32_t *reply,
			 unsigned int rn, unsigned int ms)
{
	unsigned int i;
	uint32_t r0;

	if (mbx_lock())
		return 0;
	shadow &= ~(SRNIC_VFMB_PFACK | SRNIC_VFMB_PFSTS);
	mbx_write_mem(w, n);
	wr(SRNIC_VF_MAILBOX, SRNIC_VFMB_REQ);
	st.ops++;
	st.msgs++;
	if (mbx_wait(SRNIC_VFMB_PFACK, ms) || mbx_wait(SRNIC_VFMB_PFSTS, ms)) {
		st.noreply++;
		return 0;
	}
	/* the reply is ours to read once PFSTS was seen */
	if (mbx_lock())
		return 0;
	for (i = 0; i < rn; i++)
		reply[i] = rd(SRNIC_VF_MBMEM + 4 * i);
	r0 = rd(SRNIC_VF_MBMEM);
	wr(SRNIC_VF_MAILBOX, SRNIC_VFMB_ACK);
	if (r0 & SRNIC_MBX_ACK)
		st.acked++;
	else if (r0 & SRNIC_MBX_NACK)
		st.nacked++;
	return r0;
}

/* VTCTRL.RST, then the VF_RESET handshake: makes the VF clear to send. */
static uint32_t vf_reset(unsigned int ms)
{
	uint32_t w = SRNIC_MBX_VF_RESET, reply[3] = { 0 };
	double end;

	wr(SRNIC_VF_CTRL, SRNIC_VF_CTRL_RST);
	st.ops++;
	end = now_s() + 0.05;
	while ((mbx_read() & SRNIC_VFMB_RSTI) && now_s() < end)
		us_sleep(50);
	shadow = 0;
	return mbx_xact(&w, 1, reply, 3, ms);
}

static void put_mac(uint32_t *w, const uint8_t *m)
{
	w[1] = m[0] | m[1] << 8 | m[2] << 16 | (uint32_t)m[3] << 24;
	w[2] = m[4] | m[5] << 8;
}

static void rand_mac(uint8_t *m, int unicast)
{
	int i;

	for (i = 0; i < ETH_ALEN; i++)
		m[i] = rnd();
	if (unicast)
		m[0] = (m[0] & ~1) | 2;
}

/*
 * Build crafted message number @k (cycling) into @w; returns its length.
 * The set covers what the issue lists: other VFs' MACs, broadcast,
 * multicast and zero MACs, odd VIDs, 30+ hashes, absurd LPE, every
 * PROMISC combination, filter adds to exhaustion, unknown IDs.
 */
static unsigned int craft(unsigned long k, uint32_t *w)
{
	static const uint8_t bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const uint8_t mcast[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 };
	static const uint8_t zero[ETH_ALEN];
	static const uint32_t vids[] = { 0, 1, 4094, 4095, 4096, 4097, 0x8000,
					 0xffff, 0x10000, 0xffffffff };
	static const uint32_t lpes[] = { 0, 1, 17, 63, 64, 1517, 1518, 1522,
					 9018, 9728, 9729, 16383, 16384,
					 65535, 0x7fffffff, 0xffffffff };
	static const uint16_t ids[] = { 0, 7, 8, 9, 0xa, 0xf, 0x11, 0x100,
					0x101, 0x7fff, 0xffff };
	unsigned int kind = k % 11, i, n;
	uint8_t m[ETH_ALEN];
	const uint8_t *mp;

	memset(w, 0, SRNIC_MBX_WORDS * 4);
	switch (kind) {
	case 0:		/* SET_MAC_ADDR: someone else's or an illegal MAC */
	case 1:		/* MAC_FILTER_ADD: the same, and to exhaustion */
		switch ((k / 11) % 5) {
		case 0:
			mp = nmacs ? macs[(k / 55) % nmacs] : bcast;
			break;
		case 1:
			mp = bcast;
			break;
		case 2:
			mp = mcast;
			break;
		case 3:
			mp = zero;
			break;
		default:
			rand_mac(m, 1);
			mp = m;
		}
		w[0] = srnic_mbx_w0(SRNIC_MBX_SET_MAC_ADDR,
				    kind ? SRNIC_MBX_MAC_FILTER_ADD :
				    SRNIC_MBX_MAC_SET);
		put_mac(w, mp);
		return SRNIC_MBX_SET_MAC_LEN;
	case 2:		/* SET_VLAN add: odd VIDs, then many to exhaustion */
		w[0] = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, SRNIC_MBX_VLAN_ADD);
		i = (k / 11) % (ARRAY_SIZE(vids) + 100);
		w[1] = i < ARRAY_SIZE(vids) ? vids[i] : 2 + i;
		return SRNIC_MBX_SET_VLAN_LEN;
	case 3:		/* SET_VLAN with other MSGINFO values, removes */
		w[0] = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, rnd());
		w[1] = vids[rnd() % ARRAY_SIZE(vids)];
		return SRNIC_MBX_SET_VLAN_LEN;
	case 4:		/* SET_MULTICAST: 0..255 hashes claimed, 15 words */
		n = (k / 11) % 256;
		w[0] = srnic_mbx_w0(SRNIC_MBX_SET_MULTICAST, n);
		for (i = 1; i < SRNIC_MBX_WORDS; i++)
			w[i] = rnd();
		return SRNIC_MBX_WORDS;
	case 5:		/* SET_LPE */
		w[0] = srnic_mbx_w0(SRNIC_MBX_SET_LPE, rnd() & 1 ? rnd() : 0);
		w[1] = lpes[(k / 11) % ARRAY_SIZE(lpes)];
		return SRNIC_MBX_SET_LPE_LEN;
	case 6:		/* SET_PROMISC: every MSGINFO value in turn */
		w[0] = srnic_mbx_w0(SRNIC_MBX_SET_PROMISC, (k / 11) % 256);
		return SRNIC_MBX_SET_PROMISC_LEN;
	case 7:		/* API_NEGOTIATE with wrong magic or versions */
		w[0] = srnic_mbx_w0(SRNIC_MBX_API_NEGOTIATE, rnd());
		w[1] = rnd() & 1 ? SRNIC_MBX_API_MAGIC : (uint32_t)rnd();
		w[2] = rnd() & 1 ? 0xffff : (uint32_t)rnd();
		return SRNIC_MBX_API_NEGOTIATE_LEN;
	case 8:		/* unknown IDs, result bits already set */
		w[0] = ids[(k / 11) % ARRAY_SIZE(ids)] |
		       ((uint32_t)rnd() & (SRNIC_MBX_MSGINFO_MASK |
					   SRNIC_MBX_CTS | SRNIC_MBX_RESULT_MASK));
		for (i = 1; i < SRNIC_MBX_WORDS; i++)
			w[i] = rnd();
		return SRNIC_MBX_WORDS;
	case 9:		/* MAC_FILTER_CLR and sub-commands that do not exist */
		w[0] = srnic_mbx_w0(SRNIC_MBX_SET_MAC_ADDR, rnd() % 8);
		rand_mac(m, rnd() & 1);
		put_mac(w, m);
		return SRNIC_MBX_SET_MAC_LEN;
	default:	/* a mutation: random word 0 of a known ID, random rest */
		w[0] = (uint32_t)(1 + rnd() % 0x10) | ((uint32_t)rnd() & 0xffff0000);
		for (i = 1; i < SRNIC_MBX_WORDS; i++)
			w[i] = rnd() & 1 ? (uint32_t)rnd() : 0;
		return 1 + rnd() % SRNIC_MBX_WORDS;
	}
}

enum mode {
	M_MSGS, M_FLOOD, M_HOLD, M_NOMSG, M_ACK, M_RST, M_RANDOM,
	M_ATTACKS,		/* "all" runs the modes before this one */
	M_SETMAC = M_ATTACKS, M_NR
};

static const char * const mode_names[M_NR] = {
	[M_MSGS] = "msgs",	/* crafted/mutated messages, replies awaited */
	[M_FLOOD] = "flood",	/* REQ after REQ, never waiting for the ACK */
	[M_HOLD] = "hold",	/* keep VFU, ring REQ while holding it */
	[M_NOMSG] = "nomsg",	/* REQ with no message written */
	[M_ACK] = "ack",	/* ACK storm (no PF message to ack) */
	[M_RST] = "rst",	/* VTCTRL.RST storm */
	[M_RANDOM] = "random",	/* random VFMailbox and VMBMEM writes */
	[M_SETMAC] = "setmac",	/* SET_MAC_ADDR to each -M in turn, properly */
};

static void run_mode(enum mode m, double secs, unsigned long count)
{
	double end = now_s() + secs;
	uint32_t w[SRNIC_MBX_WORDS], reply[SRNIC_MBX_WORDS];
	unsigned long k = 0, start = st.ops;
	unsigned int n;

	/* the attacks are worth more from a VF the PF believes in */
	if (m != M_RST)
		vf_reset(200);
	while (!stop && st.ops - start < count) {
		if ((k & 63) == 0 && now_s() >= end)
			break;
		switch (m) {
		case M_MSGS:
			n = craft(k, w);
			mbx_xact(w, n, reply, SRNIC_MBX_WORDS, 20);
			break;
		case M_FLOOD:
			n = craft(rnd(), w);
			mbx_write_mem(w, n);
			wr(SRNIC_VF_MAILBOX, SRNIC_VFMB_REQ);
			st.ops++;
			break;
		case M_HOLD:
			wr(SRNIC_VF_MAILBOX, SRNIC_VFMB_VFU);
			if (k & 1)
				wr(SRNIC_VF_MAILBOX,
				   SRNIC_VFMB_VFU | SRNIC_VFMB_REQ);
			st.ops++;
			break;
		case M_NOMSG:
			wr(SRNIC_VF_MAILBOX, SRNIC_VFMB_REQ);
			st.ops++;
			break;
		case M_ACK:
			wr(SRNIC_VF_MAILBOX, SRNIC_VFMB_ACK);
			st.ops++;
			break;
		case M_RST:
			wr(SRNIC_VF_CTRL, SRNIC_VF_CTRL_RST);
			st.ops++;
			break;
		case M_SETMAC:
			/*
			 * What a trusted guest may do, as fast as the PF
			 * answers: race the PF for an address (defect 11);
			 * main() refuses setmac without a -M
			 */
			w[0] = srnic_mbx_w0(SRNIC_MBX_SET_MAC_ADDR,
					    SRNIC_MBX_MAC_SET);
			put_mac(w, macs[k % nmacs]);
			mbx_xact(w, SRNIC_MBX_SET_MAC_LEN, reply, 1, 500);
			break;
		case M_RANDOM:
			if (rnd() & 1)
				wr(SRNIC_VF_MBMEM + 4 * (rnd() % SRNIC_MBX_WORDS),
				   rnd());
			wr(SRNIC_VF_MAILBOX, rnd() & 0xff);
			mbx_read();
			st.ops++;
			break;
		default:
			return;
		}
		k++;
	}
	/* give the mailbox back; a stuck VFU would only hurt this VF */
	wr(SRNIC_VF_MAILBOX, 0);
	mbx_read();
	shadow = 0;
}

static int parse_mac(const char *s, uint8_t *m)
{
	unsigned int b[ETH_ALEN];
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4],
		   &b[5]) != ETH_ALEN)
		return -1;
	for (i = 0; i < ETH_ALEN; i++)
		m[i] = b[i];
	return 0;
}

static void on_signal(int sig)
{
	stop = 1;
}

static void usage(void)
{
	int i;

	fprintf(stderr, "usage: hostile_vf -d PCI [-m MODE|all|reset] [-t SECONDS] [-n COUNT]\n"
		"                  [-s SEED] [-M MAC]... [-q]\nmodes:");
	for (i = 0; i < M_NR; i++)
		fprintf(stderr, " %s", mode_names[i]);
	fprintf(stderr, "\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *dev = NULL, *mode = "all";
	unsigned long count = 100000000UL;
	double secs = 10, t0;
	char path[256];
	int c, fd, i;
	unsigned long long seed = (unsigned long long)time(NULL) ^ getpid();
	struct sigaction sa = { .sa_handler = on_signal };

	while ((c = getopt(argc, argv, "d:m:t:n:s:M:q")) != -1) {
		switch (c) {
		case 'd':
			dev = optarg;
			break;
		case 'm':
			mode = optarg;
			break;
		case 't':
			secs = atof(optarg);
			break;
		case 'n':
			count = strtoul(optarg, NULL, 0);
			break;
		case 's':
			seed = strtoull(optarg, NULL, 0);
			break;
		case 'M':
			if (nmacs >= MAX_MACS || parse_mac(optarg, macs[nmacs]))
				usage();
			nmacs++;
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			usage();
		}
	}
	if (!dev || secs <= 0 || !count || (!strcmp(mode, "setmac") && !nmacs))
		usage();
	rng = seed ? seed : 1;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource0", dev);
	fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0) {
		fprintf(stderr, "hostile_vf: %s: %s\n", path, strerror(errno));
		return 1;
	}
	bar = mmap(NULL, BAR_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (bar == MAP_FAILED) {
		fprintf(stderr, "hostile_vf: mmap %s: %s\n", path, strerror(errno));
		return 1;
	}
	/* all ones: the BAR does not decode (memory space off, VF gone) */
	if (rd(SRNIC_VF_MAILBOX) == 0xffffffff) {
		fprintf(stderr, "hostile_vf: %s reads all ones; enable it first\n",
			dev);
		return 1;
	}
	if (!quiet)
		printf("hostile_vf: %s seed 0x%llx\n", dev, seed);

	t0 = now_s();
	if (!strcmp(mode, "reset")) {
		/* a proper handshake, to show the PF still answers */
		uint32_t r = vf_reset(2000);
		double ms = (now_s() - t0) * 1000;

		printf("hostile_vf: reset reply 0x%08x in %.0f ms\n", r, ms);
		if (r != SRNIC_MBX_RESET_ACK && r != SRNIC_MBX_RESET_NACK)
			return 1;
		return ms <= 2000 ? 0 : 1;
	}
	for (i = 0; i < M_NR && !stop; i++) {
		struct stats before = st;
		double t1 = now_s();

		if (strcmp(mode, "all") ? strcmp(mode, mode_names[i]) :
		    i >= M_ATTACKS)
			continue;
		run_mode(i, strcmp(mode, "all") ? secs : secs / M_ATTACKS,
			 count);
		printf("hostile_vf: mode %s: %lu ops, %lu msgs (%lu acked, %lu nacked, %lu unanswered, %lu lock failures) in %.1f s\n",
		       mode_names[i], st.ops - before.ops, st.msgs - before.msgs,
		       st.acked - before.acked, st.nacked - before.nacked,
		       st.noreply - before.noreply, st.nolock - before.nolock,
		       now_s() - t1);
	}
	if (!st.ops) {
		fprintf(stderr, "hostile_vf: unknown mode %s\n", mode);
		usage();
	}
	printf("hostile_vf: total %lu ops in %.1f s\n", st.ops, now_s() - t0);
	return 0;
}
