/* marks: bookmarks, and the user database they are kept in. */
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

void marks_open(struct app *app)
{
	app->marks.notes = br_notes_open(app->db, NULL, app->marks.err,
					 sizeof(app->marks.err));
}

void marks_close(struct app *app)
{
	br_marks_free(&app->marks.marks);
	br_notes_close(app->marks.notes);
	app->marks.notes = NULL;
}

int marks_usable(struct app *app)
{
	if (app->marks.notes)
		return 1;
	ui_message(app, 1, "%s %s",
		   ui_tr(app, "no bookmarks:", "无法使用书签："),
		   app->marks.err);
	return 0;
}

const struct br_marks *marks_list(struct app *app)
{
	if (!app->marks.ok) {
		br_marks_free(&app->marks.marks);
		if (app->marks.notes)
			br_notes_list(app->marks.notes, &app->marks.marks);
		app->marks.ok = 1;
	}
	return &app->marks.marks;
}

void marks_invalidate(struct app *app)
{
	app->marks.ok = 0;
}

int marks_is(struct app *app, const struct br_event *ev)
{
	return app->marks.notes &&
	       br_notes_is_marked(app->marks.notes, ev) == 1;
}

void marks_unconfirm(struct app *app)
{
	app->marks.confirm = 0;
}

/* A bookmark with a note goes only when m is pressed twice: the first
 * says what would go. 1 if it asked. */
static int ask_first(struct app *app, const struct br_event *ev)
{
	char *text = NULL, shown[128];
	int64_t version;
	int ask = 0;

	if (app->marks.confirm != ev->id &&
	    br_notes_get(app->marks.notes, ev, &text, &version) == 1 &&
	    text[0]) {
		text[strcspn(text, "\n")] = '\0';
		br_text_truncate(shown, sizeof(shown), text, 40);
		app->marks.confirm = ev->id;
		ui_message(app, 1,
			   UI_TR(app,
				 "m again removes the bookmark and its note "
				 "“%s”; any other key keeps them",
				 "再按 m 删除书签及其笔记“%s”；"
				 "按其他键保留"),
			   shown);
		ask = 1;
	}
	free(text);
	return ask;
}

void marks_toggle(struct app *app, const struct br_event *ev)
{
	char err[256];
	int marked;

	if (ask_first(app, ev))
		return;
	app->marks.confirm = 0;

	if (br_notes_toggle(app->marks.notes, ev, &marked, err, sizeof(err)) <
	    0) {
		ui_message(app, 1, "%s", err);
		return;
	}
	app->marks.ok = 0;
	ui_message(app, 0, "%s",
		   marked ? ui_tr(app, "bookmarked", "已加书签")
			  : ui_tr(app, "bookmark removed", "已取消书签"));
}
