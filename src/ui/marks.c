/* marks: bookmarks, and the user database they are kept in. */
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

void marks_toggle(struct app *app, const struct br_event *ev)
{
	char err[256];
	int marked;

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
