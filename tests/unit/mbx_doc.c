// SPDX-License-Identifier: GPL-2.0
/*
 * The message and reason-code tables of Documentation/mailbox.rst are
 * srnic_mbx_msg_types[] and srnic_mbx_reasons[] printed: the unit tests
 * fail when they disagree, and `make -C tests/unit docs` (gen_mbx_doc)
 * rewrites them from the schema. Only the text between each pair of
 * marker comments is touched.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "srnic_mbx_proto.h"
#include "mbx_doc.h"

static const char *doc_dir(const struct srnic_mbx_msg_type *t)
{
	return t->dir == SRNIC_MBX_DIR_VF_TO_PF ? "VF to PF" : "PF to VF";
}

static const char *doc_states(const struct srnic_mbx_msg_type *t)
{
	switch (t->states) {
	case SRNIC_MBX_IN_RESET | SRNIC_MBX_IN_CTS:
		return "any state";
	case SRNIC_MBX_IN_CTS:
		return "clear to send";
	case 0:
		return "never";
	default:
		return "?";
	}
}

/* what srnic_mbx_reply_words() says, in words */
static void doc_reply(const struct srnic_mbx_msg_type *t, char *buf,
		      size_t n)
{
	unsigned int ack = srnic_mbx_reply_words(t, SRNIC_MBX_API_1_0, true);
	unsigned int nack = srnic_mbx_reply_words(t, SRNIC_MBX_API_1_0, false);
	unsigned int nack11 = srnic_mbx_reply_words(t, SRNIC_MBX_API_1_1,
						    false);

	if (!ack)
		snprintf(buf, n, "none");
	else if (ack == nack && nack == nack11)
		snprintf(buf, n, "%u", ack);
	else if (ack == nack)
		snprintf(buf, n, "%u (%u for a 1.1 NACK)", ack, nack11);
	else
		snprintf(buf, n, "%u on ACK, %u on NACK", ack, nack);
}

#define MSG_RULE "======  ======================  =========  =====  =======  " \
		 "=============  =====================\n"

static void doc_messages(FILE *f)
{
	char name[64], reply[64];
	unsigned int i;

	fputs(MSG_RULE, f);
	fprintf(f, "%-6s  %-22s  %-9s  %-5s  %-7s  %-13s  %s\n", "ID", "Name",
		"Direction", "Words", "Min API", "Accepted", "Reply words");
	fputs(MSG_RULE, f);
	for (i = 0; i < srnic_mbx_nr_msg_types; i++) {
		const struct srnic_mbx_msg_type *t = &srnic_mbx_msg_types[i];

		snprintf(name, sizeof(name), "%s%s", t->name,
			 t->ext ? " (srnic)" : "");
		doc_reply(t, reply, sizeof(reply));
		fprintf(f, "0x%04x  %-22s  %-9s  %-5u  %u.%-5u  %-13s  %s\n",
			t->id, name, doc_dir(t), t->len, t->min_api >> 8,
			t->min_api & 0xff, doc_states(t), reply);
	}
	fputs(MSG_RULE, f);
}

#define REASON_RULE "======  ===============  ==================  " \
		    "================================\n"

static void doc_reasons(FILE *f)
{
	unsigned int i;

	fputs(REASON_RULE, f);
	fprintf(f, "%-6s  %-15s  %-18s  %s\n", "Code", "Name", "VF errno",
		"Meaning");
	fputs(REASON_RULE, f);
	for (i = 0; i < srnic_mbx_nr_reasons; i++) {
		const struct srnic_mbx_reason_type *r = &srnic_mbx_reasons[i];

		fprintf(f, "%-6u  %-15s  %-18s  %s\n", r->code, r->name,
			r->err ? strerrorname_np(-r->err) : "caller's default",
			r->meaning);
	}
	fputs(REASON_RULE, f);
}

static const struct {
	const char *name;
	void (*render)(FILE *f);
} doc_blocks[MBX_DOC_NR] = {
	[MBX_DOC_MESSAGES] = { "messages", doc_messages },
	[MBX_DOC_REASONS] = { "reasons", doc_reasons },
};

const char *mbx_doc_name(enum mbx_doc_block blk)
{
	return doc_blocks[blk].name;
}

/**
 * mbx_doc_table - one schema table as reStructuredText
 * @blk: which
 *
 * Return: a malloc'ed string, one line per schema row plus the frame.
 */
char *mbx_doc_table(enum mbx_doc_block blk)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	doc_blocks[blk].render(f);
	fclose(f);
	return buf;
}

static char *doc_read(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n + 1);
	if (buf && fread(buf, 1, n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = 0;
	fclose(f);
	return buf;
}

/**
 * mbx_doc_check - compare (or rewrite) one table in @path
 * @path: Documentation/mailbox.rst
 * @blk: which table
 * @write: replace the text between the markers with the rendered table
 * @found: out, may be NULL: the text found between the markers (malloc'ed)
 *
 * Return: 0 if the file agrees (or was rewritten), 1 if it disagrees, -1 if
 * it cannot be read or has no markers.
 */
int mbx_doc_check(const char *path, enum mbx_doc_block blk, bool write,
		  char **found)
{
	char *doc = doc_read(path), *want = mbx_doc_table(blk), *b, *e;
	char begin[128], end[128];
	int ret = -1;
	FILE *f;

	snprintf(begin, sizeof(begin),
		 ".. mbx-schema-begin %s (make -C tests/unit docs)\n",
		 doc_blocks[blk].name);
	snprintf(end, sizeof(end), ".. mbx-schema-end %s\n",
		 doc_blocks[blk].name);
	if (found)
		*found = NULL;
	if (!doc || !want)
		goto out;
	b = strstr(doc, begin);
	e = b ? strstr(b, end) : NULL;
	if (!e)
		goto out;
	b += strlen(begin);
	/* a blank line on either side keeps the comments apart from the table */
	if (*b == '\n')
		b++;
	if (e > b && e[-1] == '\n' && e - 1 > b && e[-2] == '\n')
		e--;
	if (found)
		*found = strndup(b, e - b);
	ret = (size_t)(e - b) != strlen(want) || memcmp(b, want, e - b);
	if (ret && write) {
		f = fopen(path, "w");
		if (!f) {
			ret = -1;
			goto out;
		}
		fwrite(doc, 1, b - doc, f);
		fputs(want, f);
		fputs(e, f);
		ret = fclose(f) ? -1 : 0;
	}
out:
	free(doc);
	free(want);
	return ret;
}

#ifdef MBX_DOC_MAIN
int main(int argc, char **argv)
{
	int blk, ret = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: %s Documentation/mailbox.rst\n", argv[0]);
		return 2;
	}
	for (blk = 0; blk < MBX_DOC_NR; blk++) {
		if (mbx_doc_check(argv[1], blk, true, NULL) < 0) {
			fprintf(stderr, "%s: no mbx-schema-begin/end %s markers\n",
				argv[1], doc_blocks[blk].name);
			ret = 1;
		}
	}
	return ret;
}
#endif
