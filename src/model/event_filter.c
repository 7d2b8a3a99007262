/* event_filter: the kinds of event and the filter over them (what a
 * filter leaves out is turned into SQL by event_query). */
#include "boardroom/event.h"

#include <string.h>

static const char *const kind_names[] = {"main", "aside", "background"};

const char *br_kind_name(enum br_kind kind)
{
	switch (kind) {
	case BR_KIND_MAIN:
		return kind_names[0];
	case BR_KIND_ASIDE:
		return kind_names[1];
	case BR_KIND_BACKGROUND:
		return kind_names[2];
	}
	return "";
}

enum br_kind br_kind_parse(const char *name)
{
	if (!strcmp(name, "main"))
		return BR_KIND_MAIN;
	if (!strcmp(name, "aside") || !strcmp(name, "sidelight"))
		return BR_KIND_ASIDE;
	if (!strcmp(name, "background") || !strcmp(name, "bg"))
		return BR_KIND_BACKGROUND;
	return 0;
}

const char *br_kind_mark(enum br_kind kind)
{
	switch (kind) {
	case BR_KIND_MAIN:
		return "●";
	case BR_KIND_ASIDE:
		return "○";
	case BR_KIND_BACKGROUND:
		return "·";
	}
	return " ";
}

void br_filter_init(struct br_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->kinds = BR_KIND_ALL;
	f->from = BR_INSTANT_MIN;
	f->to = BR_INSTANT_MAX;
}

int br_filter_active(const struct br_filter *f)
{
	return f->n_people > 0 || (f->kinds && f->kinds != BR_KIND_ALL) ||
	       f->faction || f->from != BR_INSTANT_MIN ||
	       f->to != BR_INSTANT_MAX || f->search;
}
