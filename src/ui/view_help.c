/* Help: how to answer the usual questions, then every key, in the key
 * table's order. */
#include <stdio.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

void help_open(struct app *app)
{
	app->help.scroll = 0;
}

void help_scroll(struct app *app, enum app_request req)
{
	struct app_help *h = &app->help;

	if (req == REQ_FIRST)
		h->scroll = 0;
	else if (req == REQ_LAST)
		h->scroll = 1 << 20; /* prepare stops it at the end */
	else
		h->scroll += detail_scroll_by(req, h->page ? h->page
							   : app->rows - 2);
	if (h->scroll < 0)
		h->scroll = 0;
}

/* Lays help out in the box of p (drawing if p has a canvas). */
static void lay_out(const struct app *app, struct pen *p, int cols)
{
	static const char *const howto_en[] = {
		"What did someone do on a day?  p, type a name (mira, 穆拉蒂), "
		"Enter; then : Nov 19 (or ] for the next day).",
		"Who stood where at a moment?  : Nov 20 evening, then s. j/k "
		"move through time with the sides.",
		"How many had signed the letter?  s shows the figures then.",
	};
	static const char *const howto_zh[] = {
		"某人某天做了什么？按 p，输入名字（mira、穆拉蒂），Enter；"
		"再按 : 输入 11月19日（或 ] 到下一天）。",
		"某一时刻谁站哪边？按 : 输入 11月20日晚上，再按 s。j/k "
		"沿时间移动，阵营随之变化。",
		"公开信有多少人签名？按 s，可见此刻的数字。",
	};
	int zh = app->lang == BR_LANG_ZH, r, kw = 16;
	char keys[96], line[512];
	size_t i;

	pen_line(p, ui_tr(app, "How to", "怎么用"), BR_ST_BOLD);
	for (i = 0; i < BR_ARRAY_SIZE(howto_en); i++)
		pen_wrap(p, zh ? howto_zh[i] : howto_en[i], 2, BR_ST_NORMAL);
	/* What the crisis clock counts from: the start of the dataset's
	 * window (12:03 PT Nov 17 in the bundled one). */
	br_when_format(keys, sizeof(keys), app->meta->window_start,
		       app->meta->window_start, BR_PREC_MINUTE, 0, ui_zone(app),
		       app->lang, BR_WHEN_LONG);
	snprintf(line, sizeof(line),
		 UI_TR(app,
		       "Times show how precisely the source knows them: "
		       "'evening', '≈' for inferred. T counts from the start "
		       "of the dataset's window: %s %s.",
		       "时间按原文的精确程度显示：“晚上”、“≈”表示推断。T "
		       "从数据集时间窗口的起点起算：%s %s。"),
		 keys, ui_zone_label(app, 0));
	pen_wrap(p, line, 2, BR_ST_NORMAL);
	pen_row(p);
	pen_line(p, ui_tr(app, "Keys", "按键"), BR_ST_BOLD);
	/* The keys' column is as wide as the widest keys. */
	for (r = 1; r < REQ_COUNT; r++) {
		int w;

		keys_of((enum app_request)r, keys, sizeof(keys));
		w = br_text_width(keys, strlen(keys));
		if (w > kw)
			kw = w;
	}
	for (r = 1; r < REQ_COUNT; r++) {
		const char *help = keys_help((enum app_request)r, zh);
		int y;

		if (!help)
			continue;
		y = pen_row(p);
		if (y < 0)
			continue;
		keys_of((enum app_request)r, keys, sizeof(keys));
		br_canvas_put(p->c, y, 3, keys, kw, BR_ST_CURSOR);
		br_text_truncate(line, sizeof(line), help, cols - kw - 6);
		br_canvas_put(p->c, y, kw + 5, line, cols - kw - 6,
			      BR_ST_NORMAL);
	}
	pen_row(p);
	pen_line(p, ui_tr(app, "The ruler", "标尺"), BR_ST_BOLD);
	pen_wrap(p,
		 ui_tr(app,
		       "Bars: how many events per column. Under them: ▲ the "
		       "selection (while playing, the moment), ┆ a search "
		       "match, ★ a bookmark, ┣ and ┫ "
		       "the start and end of the crisis.",
		       "柱：每列的事件数。其下：▲ 所选事件（播放中为此刻），┆ "
		       "搜索匹配，★ "
		       "书签，┣ 与 ┫ 危机的开始与结束。"),
		 2, BR_ST_NORMAL);
	pen_row(p);
	pen_wrap(p,
		 ui_tr(app,
		       "In the people list, letters type the name; "
		       "Enter follows one person, + adds one to those "
		       "followed; Esc goes back. Mouse: click selects, wheel "
		       "scrolls. ? or q closes this help.",
		       "人物列表中，字母用于输入名字；Enter "
		       "只筛选此人，+ 添加一人；Esc 返回。鼠标：单击选择，"
		       "滚轮滚动。? 或 q 关闭帮助。"),
		 2, BR_ST_DIM);
}

void help_prepare(struct app *app, const struct br_canvas *c)
{
	struct app_help *h = &app->help;
	struct pen p = {NULL, 1, 1, c->rows - 2, c->cols - 2, 0, h->scroll};

	h->page = p.h;
	if (h->scroll > 0) {
		/* Scrolling stops where the last line is at the bottom. */
		lay_out(app, &p, c->cols);
		if (h->scroll > p.line - p.h)
			h->scroll = p.line > p.h ? p.line - p.h : 0;
	}
	h->shown = h->scroll;
}

void help_draw(const struct app *app, struct br_canvas *c)
{
	struct pen p = {c, 1, 1, c->rows - 2, c->cols - 2, 0, app->help.shown};

	lay_out(app, &p, c->cols);
}
