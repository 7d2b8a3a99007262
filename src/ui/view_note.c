/* The note editor: the event, then the text with the cursor at its end.
 * Esc or Ctrl-S saves; an empty note is removed. */
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

void note_free(struct app *app)
{
	free(app->note.text);
	free(app->note.orig);
}

int note_open(struct app *app)
{
	struct app_note *nt = &app->note;
	const struct br_detail *d;
	char *text;
	int64_t version;

	if (!marks_usable(app) || !(d = detail_get(app)))
		return 0;
	if (br_notes_readonly(app->marks.notes)) {
		ui_message(app, 1, "%s", br_notes_readonly(app->marks.notes));
		return 0;
	}
	if (br_notes_get(app->marks.notes, &d->ev, &text, &version) < 0) {
		ui_message(app, 1, "%s",
			   ui_tr(app, "cannot read the note", "无法读取笔记"));
		free(text);
		return 0;
	}
	free(nt->text);
	free(nt->orig);
	nt->text = text;
	nt->orig = br_xstrdup(text);
	nt->len = strlen(text);
	nt->cap = nt->len + 1;
	nt->version = version;
	nt->back = app->view == VIEW_DETAIL ? VIEW_DETAIL : VIEW_TIMELINE;
	ui_message(app, 0, "%s",
		   ui_tr(app, "Esc or Ctrl-S saves · an empty note is removed",
			 "Esc 或 Ctrl-S 保存 · 清空即删除"));
	return 1;
}

/* Saves the note; 0, or -1 if it could not be (the status line says
 * why). Text as it was when the editor opened is not written: Esc on an
 * event with no bookmark does not make one. */
static int save(struct app *app)
{
	struct app_note *nt = &app->note;
	const struct br_detail *d = detail_get(app);
	char err[256];
	int rc;

	if (!d)
		return 0;
	if (!strcmp(nt->text, nt->orig)) {
		ui_message(app, 0, "%s",
			   nt->version || nt->text[0]
				   ? ui_tr(app, "note unchanged", "笔记未改动")
				   : ui_tr(app, "no note written", "未写笔记"));
		return 0;
	}
	rc = br_notes_set(app->marks.notes, &d->ev, nt->text, nt->version, err,
			  sizeof(err));
	marks_invalidate(app);
	if (rc == BR_NOTES_ERROR) {
		ui_message(app, 1,
			   UI_TR(app,
				 "not saved, kept open (Ctrl-S retries): %s",
				 "未保存，仍可编辑（Ctrl-S 重试）：%s"),
			   err);
		return -1;
	}
	if (rc == BR_NOTES_MERGED)
		ui_message(app, 1, "%s",
			   ui_tr(app,
				 "note changed elsewhere too: the two edits "
				 "merged",
				 "笔记也在别处修改过：两处修改已合并"));
	else
		ui_message(app, 0, "%s",
			   nt->len ? ui_tr(app, "note saved", "笔记已保存")
				   : ui_tr(app, "note removed", "笔记已删除"));
	return 0;
}

int note_key(struct app *app, int key)
{
	struct app_note *nt = &app->note;
	char buf[5];
	int len = 0;

	if (key == APP_KEY_ESC || key == APP_KEY_CTRL_S)
		return save(app) == 0;
	if (key == APP_KEY_BACKSPACE) {
		while (nt->len > 0 &&
		       ((unsigned char)nt->text[nt->len - 1] & 0xC0) == 0x80)
			nt->len--;
		if (nt->len > 0)
			nt->len--;
		nt->text[nt->len] = '\0';
		return 0;
	}
	if (key == APP_KEY_ENTER) {
		buf[len++] = '\n';
	} else if (key >= 0x20 && key < APP_KEY_UP && key != 0x7F &&
		   !(key >= 0xD800 && key < 0xE000)) {
		buf[0] = '\0';
		ui_append(buf, sizeof(buf), key);
		len = (int)strlen(buf);
	}
	if (!len)
		return 0;
	if (nt->len + (size_t)len + 1 > nt->cap) {
		nt->cap = (nt->len + (size_t)len + 1) * 2;
		nt->text = br_xrealloc(nt->text, nt->cap);
	}
	memcpy(nt->text + nt->len, buf, (size_t)len);
	nt->len += (size_t)len;
	nt->text[nt->len] = '\0';
	return 0;
}

const char *note_stop(struct app *app)
{
	return save(app) == 0 ? NULL : app->note.text;
}

void note_prepare(struct app *app)
{
	detail_get(app);
}

void note_draw(const struct app *app, struct br_canvas *c)
{
	const struct br_detail *d = detail_current(app);
	const char *note = app->note.text, *last;
	struct pen p = {c, 1, 1, c->rows - 2, c->cols - 2, 0, 0};
	struct pen count = {NULL, 0, 1, 0, c->cols - 2, 0, 0};
	size_t next = 0, n;
	int y, x = 0;

	if (!d)
		return;
	pen_line(&p, br_pick(d->ev.title, app->lang), BR_ST_BOLD);
	pen_line(&p, d->ev.marker, BR_ST_DIM);
	pen_row(&p);
	/* Count the lines first, to keep the end (and cursor) in view. */
	pen_lines(&count, note, 1, BR_ST_NORMAL);
	if (count.line > p.h - p.line)
		p.skip = count.line - (p.h - p.line);
	pen_lines(&p, note, 1, BR_ST_NORMAL);
	/* The cursor after the last character. */
	last = strrchr(note, '\n');
	last = last ? last + 1 : note;
	while (*last) {
		n = br_text_wrap(last, p.w - 1, &next);
		x = br_text_width(last, n);
		if (next == 0)
			break;
		last += next;
	}
	y = p.y + p.line - 1 - p.skip;
	if (y >= p.y && y < p.y + p.h && p.x + 1 + x < c->cols)
		br_canvas_put(c, y, p.x + 1 + x, "▏", 1, BR_ST_CURSOR);
}
