/* SPDX-License-Identifier: GPL-2.0 */
/* Documentation/mailbox.rst's message table, rendered from the schema */
#ifndef _SRNIC_MBX_DOC_H
#define _SRNIC_MBX_DOC_H

#include <stdbool.h>

#define MBX_DOC_BEGIN	".. mbx-schema-begin (make -C tests/unit docs)\n"
#define MBX_DOC_END	".. mbx-schema-end\n"

char *mbx_doc_table(void);
int mbx_doc_check(const char *path, bool write, char **found);

#endif
