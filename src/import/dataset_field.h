/* dataset_field: the typed fields of the interchange format's records
 * (dataset_private.h says how problems are told). Each returns 0, or -1
 * after a problem named at ptr/key. Strings returned are owned by the
 * record. */
#ifndef BOARDROOM_DATASET_FIELD_H
#define BOARDROOM_DATASET_FIELD_H

#include <stdint.h>

#include "import/dataset_private.h"

/* ptr/key into buf. */
void imp_ds_ptr(char *buf, size_t len, const char *ptr, const char *key);

/* rec is an object whose members are all among keys (NULL-ended). */
int imp_ds_keys(struct imp_ds *ds, json_t *rec, const char *ptr,
		const char *const *keys);
/* A string member (absent or null: *out NULL, a problem if required). */
int imp_ds_str(struct imp_ds *ds, json_t *rec, const char *ptr, const char *key,
	       int required, const char **out);
/* A string among words (NULL-ended); absent: dflt (NULL: required). */
int imp_ds_word(struct imp_ds *ds, json_t *rec, const char *ptr,
		const char *key, const char *dflt, const char *const *words,
		const char **out);
/* {"en": ..., "zh": ...} (or one string for both); "" for what is not
 * given. */
int imp_ds_pair(struct imp_ds *ds, json_t *rec, const char *ptr,
		const char *key, int required, const char *out[2]);
/* An ISO 8601 time with Z or an offset; *has 0 if absent or null. */
int imp_ds_time(struct imp_ds *ds, json_t *rec, const char *ptr,
		const char *key, int required, int *has, br_instant *out);
int imp_ds_int(struct imp_ds *ds, json_t *rec, const char *ptr, const char *key,
	       int required, int *has, int64_t *out);
int imp_ds_bool(struct imp_ds *ds, json_t *rec, const char *ptr,
		const char *key, int *out);

/* References to records before: *id 0 if absent. A faction must be of
 * the side axis ("line", "crisis"). */
int imp_ds_person_ref(struct imp_ds *ds, json_t *rec, const char *ptr,
		      const char *key, int required, int64_t *id);
int imp_ds_faction_ref(struct imp_ds *ds, json_t *rec, const char *ptr,
		       const char *key, const char *axis, int64_t *id);
int imp_ds_event_ref(struct imp_ds *ds, json_t *rec, const char *ptr,
		     const char *key, int required, int64_t *id);
/* An event id (number or string) as text; -1 if v is neither. */
int imp_ds_event_key(json_t *v, char *buf, size_t len);
br_instant imp_ds_event_ts(struct imp_ds *ds, int64_t id);
/* Checking: the person (kind "person", by slug) or event ("event", by id)
 * of a record with a problem; references to it are then not told. */
void imp_ds_skip(struct imp_ds *ds, const char *kind, const char *key);

/* Steps an insert; a failure is a problem at ptr. */
int imp_ds_step(struct imp_ds *ds, sqlite3_stmt *st, const char *ptr);
void imp_ds_bind(sqlite3_stmt *st, int i, const char *s);
void imp_ds_bind_id(sqlite3_stmt *st, int i, int has, int64_t v);

#endif
