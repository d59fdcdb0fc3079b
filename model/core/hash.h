/* hash.h: a fingerprint of input files (FNV-1a, 64 bits), so a report can
 * say which bytes it was made from.  A fingerprint, not a cryptographic
 * digest: it tells two sets of inputs apart, it does not authenticate. */
#ifndef CC_HASH_H
#define CC_HASH_H

#include <stddef.h>
#include <stdint.h>

#define CC_HASH_INIT UINT64_C (0xcbf29ce484222325)

/* H with the N bytes at BUF folded in. */
uint64_t cc_hash_bytes (uint64_t h, const void *buf, size_t n);

/* *H with every byte of the file at PATH folded in: 0, or -1 when it
 * cannot be read (*H is then unchanged). */
int cc_hash_file (uint64_t *h, const char *path);

#endif
