/* families.h: the service families every charge and every value driver
 * belongs to: storage, compute, ai, network, database, productivity and
 * other.  The one list; the service map (data/service-map.csv) and the
 * scenario files name families from it. */
#ifndef CC_FAMILIES_H
#define CC_FAMILIES_H

#include <stddef.h>

/* How many families there are. */
#define CC_NFAMILIES 7

/* The families in their fixed order, "storage" first, "other" last. */
extern const char *const cc_family_names[CC_NFAMILIES];

/* The list's own copy of NAME (static storage), or NULL when NAME is not a
 * family.  Names match exactly (lower case). */
const char *cc_family_find (const char *name);

/* 1 if NAME is one of the families, else 0. */
int cc_family_valid (const char *name);

/* "storage, compute, ai, network, database, productivity, other" in BUF
 * (cut to SIZE), for messages; returns BUF. */
char *cc_family_list (char *buf, size_t size);

/* A reader's name for family NAME ("AI services" for "ai"); NAME itself
 * when it is not a family. */
const char *cc_family_label (const char *name);

/* A reader's name for the provider key KEY ("Microsoft Azure" for
 * "azure", "Amazon Web Services" for "aws", "Google Cloud" for "gcp");
 * KEY itself for any other provider. */
const char *cc_provider_label (const char *key);

#endif
