/* SPDX-License-Identifier: GPL-2.0 */
/* Documentation/mailbox.rst's schema tables, rendered from the schema */
#ifndef _SRNIC_MBX_DOC_H
#define _SRNIC_MBX_DOC_H

#include <stdbool.h>

/* the blocks: ".. mbx-schema-begin NAME (make -C tests/unit docs)" */
enum mbx_doc_block {
	MBX_DOC_MESSAGES,
	MBX_DOC_REASONS,
	MBX_DOC_NR
};

const char *mbx_doc_name(enum mbx_doc_block blk);
char *mbx_doc_table(enum mbx_doc_block blk);
int mbx_doc_check(const char *path, enum mbx_doc_block blk, bool write,
		  char **found);

#endif
