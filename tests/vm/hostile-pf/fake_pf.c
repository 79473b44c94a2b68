// SPDX-License-Identifier: GPL-2.0
/*
 * fake_pf: a hostile 82576 PF in userspace, for srnic_vf.
 *
 * The PF is bound to pci-pf-stub (so sriov_numvfs works without a PF
 * driver); this program maps its BAR0 through sysfs resource0 and serves
 * VF 0's mailbox by polling MBVFICR and VFLRE, no interrupts. It first
 * writes CTRL_EXT.PFRSTD, the only thing that clears RSTI in the VF
 * mailboxes (QEMU igb model, docs §2), then answers each request as the
 * scenario says:
 *
 *   honest        VF_RESET: ACK with a MAC; API_NEGOTIATE: NACK (stock igb,
 *                 API 1.0); anything else: ACK
 *   again2-garbage  handshakes 1 and 2: VF_RESET answered with a reply to
 *                 another message ("try again"), from the third on with a
 *                 word that names VF_RESET but is no legal reply (issue 7
 *                 defect 1)
 *   nack2-garbage handshakes 1 and 2: VF_RESET answered NACK without CTS,
 *                 and API_NEGOTIATE too; then garbage as above
 *   silent        never answers
 *   wrong         every request answered with a reply to another message
 *   garbage       random words to every request
 *   rstd-storm    honest, but PFRSTD rung every 10 ms: RSTD without end
 *
 * A handshake is counted at each VFLRE (the VF's VTCTRL.RST). Every request
 * and reply is logged on stdout. Runs until SIGTERM or the time limit.
 *
 * Usage: fake_pf RESOURCE0 SCENARIO [SECONDS]
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <linux/array_size.h>

#include "srnic_regs.h"
#include "srnic_mbx_proto.h"

#define VF		0
#define POLL_US		100
#define STORM_MS	10

enum scenario {
	SC_HONEST, SC_AGAIN2_GARBAGE, SC_NACK2_GARBAGE, SC_SILENT, SC_WRONG,
	SC_GARBAGE, SC_RSTD_STORM,
};

static const char * const sc_names[] = {
	"honest", "again2-garbage", "nack2-garbage", "silent", "wrong",
	"garbage", "rstd-storm",
};

static volatile u8 *bar;
static volatile sig_atomic_t stop;
static u32 lcg = 0x5eed;
static unsigned int handshakes, requests, replies, lock_fails;

static u32 rd(u32 reg)
{
	return *(volatile u32 *)(bar + reg);
}

static void wr(u32 reg, u32 val)
{
	*(volatile u32 *)(bar + reg) = val;
}

static u32 rnd(void)
{
	lcg = lcg * 1103515245 + 12345;
	return lcg ^ (lcg >> 16);
}

static u64 now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void on_term(int sig)
{
	(void)sig;
	stop = 1;
}

/* PFU is only granted while the VF does not hold VFU */
static int pf_lock(void)
{
	int i;

	for (i = 0; i < 200; i++) {
		wr(SRNIC_PFMAILBOX(VF), SRNIC_PFMB_PFU);
		if (rd(SRNIC_PFMAILBOX(VF)) & SRNIC_PFMB_PFU)
			return 0;
		usleep(50);
	}
	lock_fails++;
	return -1;
}

static void post(const u32 *w, unsigned int n)
{
	unsigned int i;

	if (pf_lock())
		return;
	for (i = 0; i < n; i++)
		wr(SRNIC_VMBMEM(VF) + 4 * i, w[i]);
	/* STS without PFU: the message is there, and the buffer is released */
	wr(SRNIC_PFMAILBOX(VF), SRNIC_PFMB_STS);
	replies++;
}

static void honest(const u32 *req, u32 *rep, unsigned int *n)
{
	static const u8 mac[ETH_ALEN] = { 0x02, 0x5f, 0x00, 0x00, 0xaa, 0x01 };
	u16 id = srnic_mbx_msgid(req[0]);

	*n = 1;
	if (id == SRNIC_MBX_VF_RESET) {
		rep[0] = SRNIC_MBX_RESET_ACK;
		srnic_mbx_pack_mac(&rep[1], mac);
		*n = SRNIC_MBX_VF_RESET_REPLY_LEN;
	} else if (id == SRNIC_MBX_API_NEGOTIATE) {
		rep[0] = srnic_mbx_reply_w0(req[0], false, true);
	} else {
		rep[0] = srnic_mbx_reply_w0(req[0], true, true);
	}
}

/* a word that names VF_RESET but is neither of its two legal replies */
static void reset_garbage(u32 *rep, unsigned int *n)
{
	rep[0] = SRNIC_MBX_ACK | SRNIC_MBX_CTS | SRNIC_MBX_VF_RESET;
	rep[1] = rnd();
	rep[2] = rnd();
	*n = SRNIC_MBX_VF_RESET_REPLY_LEN;
}

/* Return: words to post, 0 for silence */
static unsigned int answer(enum scenario sc, const u32 *req,
			   u32 *rep)
{
	u16 id = srnic_mbx_msgid(req[0]);
	unsigned int n = 0, i;

	switch (sc) {
	case SC_HONEST:
	case SC_RSTD_STORM:
		honest(req, rep, &n);
		break;
	case SC_AGAIN2_GARBAGE:
		if (id != SRNIC_MBX_VF_RESET) {
			honest(req, rep, &n);
		} else if (handshakes <= 2) {
			rep[0] = SRNIC_MBX_ACK | SRNIC_MBX_CTS | SRNIC_MBX_SET_LPE;
			n = 1;
		} else {
			reset_garbage(rep, &n);
		}
		break;
	case SC_NACK2_GARBAGE:
		if (handshakes > 2 && id == SRNIC_MBX_VF_RESET) {
			reset_garbage(rep, &n);
		} else if (handshakes <= 2 && (id == SRNIC_MBX_VF_RESET ||
					       id == SRNIC_MBX_API_NEGOTIATE)) {
			rep[0] = srnic_mbx_reply_w0(req[0], false, false);
			n = 1;
		} else {
			honest(req, rep, &n);
		}
		break;
	case SC_SILENT:
		break;
	case SC_WRONG:
		rep[0] = SRNIC_MBX_ACK | SRNIC_MBX_CTS |
			 (id == SRNIC_MBX_SET_MAC_ADDR ? SRNIC_MBX_SET_VLAN :
			  SRNIC_MBX_SET_MAC_ADDR);
		n = 1;
		break;
	case SC_GARBAGE:
		for (i = 0; i < SRNIC_MBX_WORDS; i++)
			rep[i] = rnd();
		n = SRNIC_MBX_WORDS;
		break;
	}
	return n;
}

int main(int argc, char **argv)
{
	u32 req[SRNIC_MBX_WORDS], rep[SRNIC_MBX_WORDS];
	u64 end, next_storm = 0;
	enum scenario sc;
	unsigned int i, n;
	struct stat st;
	u32 v;
	int fd;

	if (argc < 3) {
		fprintf(stderr, "usage: %s RESOURCE0 SCENARIO [SECONDS]\n", argv[0]);
		return 2;
	}
	for (sc = 0; sc < ARRAY_SIZE(sc_names); sc++)
		if (!strcmp(argv[2], sc_names[sc]))
			break;
	if (sc == ARRAY_SIZE(sc_names)) {
		fprintf(stderr, "fake_pf: unknown scenario %s\n", argv[2]);
		return 2;
	}
	end = now_ms() + 1000ULL * (argc > 3 ? strtoul(argv[3], NULL, 0) : 120);
	fd = open(argv[1], O_RDWR | O_SYNC);
	if (fd < 0 || fstat(fd, &st)) {
		fprintf(stderr, "fake_pf: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	bar = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (bar == MAP_FAILED) {
		fprintf(stderr, "fake_pf: mmap: %s\n", strerror(errno));
		return 1;
	}
	if (rd(SRNIC_STATUS) == ~0U) {
		fprintf(stderr, "fake_pf: BAR0 reads all ones (memory decode off?)\n");
		return 1;
	}
	signal(SIGTERM, on_term);
	signal(SIGINT, on_term);
	setvbuf(stdout, NULL, _IOLBF, 0);

	/* stale events of earlier runs are not this run's */
	wr(SRNIC_MBVFICR, ~0U);
	wr(SRNIC_VFLRE, ~0U);
	/* "PF reset done": clears RSTI, sets RSTD in every VF mailbox */
	wr(SRNIC_CTRL_EXT, rd(SRNIC_CTRL_EXT) | SRNIC_CTRL_EXT_PFRSTD);
	printf("fake_pf: %s, PFRSTD written\n", sc_names[sc]);

	while (!stop && now_ms() < end) {
		if (sc == SC_RSTD_STORM && now_ms() >= next_storm) {
			wr(SRNIC_CTRL_EXT, rd(SRNIC_CTRL_EXT) | SRNIC_CTRL_EXT_PFRSTD);
			next_storm = now_ms() + STORM_MS;
		}
		v = rd(SRNIC_VFLRE);
		if (v & BIT(VF)) {
			wr(SRNIC_VFLRE, BIT(VF));
			handshakes++;
			printf("vf reset %u\n", handshakes);
		}
		v = rd(SRNIC_MBVFICR);
		if (v & SRNIC_MBVFICR_VFACK(VF))
			wr(SRNIC_MBVFICR, SRNIC_MBVFICR_VFACK(VF));
		if (!(v & SRNIC_MBVFICR_VFREQ(VF))) {
			usleep(POLL_US);
			continue;
		}
		wr(SRNIC_MBVFICR, SRNIC_MBVFICR_VFREQ(VF));
		if (pf_lock())
			continue;
		for (i = 0; i < SRNIC_MBX_WORDS; i++)
			req[i] = rd(SRNIC_VMBMEM(VF) + 4 * i);
		/* ACK the VF's message; writing it without PFU releases PFU */
		wr(SRNIC_PFMAILBOX(VF), SRNIC_PFMB_ACK);
		requests++;
		memset(rep, 0, sizeof(rep));
		n = answer(sc, req, rep);
		printf("hs %u req 0x%08x 0x%08x -> ", handshakes, req[0], req[1]);
		if (n) {
			post(rep, n);
			printf("0x%08x (%u words)\n", rep[0], n);
		} else {
			printf("silence\n");
		}
	}
	printf("fake_pf: done: %u handshakes, %u requests, %u replies, %u lock failures\n",
	       handshakes, requests, replies, lock_fails);
	return 0;
}
