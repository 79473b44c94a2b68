// SPDX-License-Identifier: GPL-2.0
/*
 * pcicfg: read and write PCI config space through sysfs (the initramfs has
 * no setpci).
 *
 *   pcicfg BDF OFF WIDTH          print the WIDTH-byte (1, 2, 4) value at OFF
 *   pcicfg BDF OFF WIDTH VAL      write it
 *   pcicfg BDF OFF WIDTH +BITS    set BITS (read, or, write)
 *   pcicfg BDF cap ID             offset of capability ID, 0 if none
 *   pcicfg BDF ecap ID            offset of extended capability ID, 0 if none
 *
 * Exit status 1 on any error, with a message on stderr.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int cfg_fd;

static uint32_t rd(unsigned int off, unsigned int width)
{
	uint8_t b[4] = { 0 };
	uint32_t v = 0;
	unsigned int i;

	if (pread(cfg_fd, b, width, off) != (ssize_t)width) {
		fprintf(stderr, "pcicfg: read %u bytes at 0x%x: %s\n", width,
			off, strerror(errno));
		exit(1);
	}
	for (i = 0; i < width; i++)
		v |= (uint32_t)b[i] << (8 * i);
	return v;
}

static void wr(unsigned int off, unsigned int width, uint32_t v)
{
	uint8_t b[4];
	unsigned int i;

	for (i = 0; i < width; i++)
		b[i] = v >> (8 * i);
	if (pwrite(cfg_fd, b, width, off) != (ssize_t)width) {
		fprintf(stderr, "pcicfg: write %u bytes at 0x%x: %s\n", width,
			off, strerror(errno));
		exit(1);
	}
}

static unsigned int find_cap(unsigned int id)
{
	unsigned int pos, n;

	if (!(rd(0x06, 2) & 0x10))
		return 0;
	pos = rd(0x34, 1) & 0xfc;
	for (n = 0; pos && n < 48; n++) {
		if (rd(pos, 1) == id)
			return pos;
		pos = rd(pos + 1, 1) & 0xfc;
	}
	return 0;
}

static unsigned int find_ecap(unsigned int id)
{
	unsigned int pos = 0x100, n;
	uint32_t h;

	for (n = 0; pos >= 0x100 && n < 480; n++) {
		h = rd(pos, 4);
		if (!h || h == 0xffffffffu)
			return 0;
		if ((h & 0xffff) == id)
			return pos;
		pos = (h >> 20) & 0xffc;
	}
	return 0;
}

int main(int argc, char **argv)
{
	unsigned int off, width;
	char path[128];
	uint32_t v;

	if (argc < 4) {
		fprintf(stderr, "usage: pcicfg BDF OFF WIDTH [VAL|+BITS] | BDF cap|ecap ID\n");
		return 1;
	}
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", argv[1]);
	cfg_fd = open(path, argc > 4 ? O_RDWR : O_RDONLY);
	if (cfg_fd < 0) {
		fprintf(stderr, "pcicfg: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!strcmp(argv[2], "cap") || !strcmp(argv[2], "ecap")) {
		v = strtoul(argv[3], NULL, 0);
		printf("0x%x\n", argv[2][0] == 'c' ? find_cap(v) : find_ecap(v));
		return 0;
	}
	off = strtoul(argv[2], NULL, 0);
	width = strtoul(argv[3], NULL, 0);
	if (width != 1 && width != 2 && width != 4) {
		fprintf(stderr, "pcicfg: width %u\n", width);
		return 1;
	}
	if (argc == 4) {
		printf("0x%0*x\n", 2 * width, rd(off, width));
		return 0;
	}
	if (argv[4][0] == '+')
		v = rd(off, width) | strtoul(argv[4] + 1, NULL, 0);
	else
		v = strtoul(argv[4], NULL, 0);
	wr(off, width, v);
	return 0;
}
