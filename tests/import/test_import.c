/* test_import: decoding and detection, cleaning, articles, CSV and JSON,
 * and the database left as it was when a file fails.
 *
 * The fixtures are our own sentences in the form of the source article
 * (entries 主線#01 and 花絮1 with Pacific times), converted to other
 * charsets here with iconv(3). Pacific time is UTC-8 in November 2023. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boardroom/db.h"
#include "boardroom/text.h"
#include "import/import.h"
#include "tap.h"

/* Traditional script: it is in GB18030 and in Big5 alike. */
static const char article_trad[] =
	"首頁 > 資訊\n"
	"測試稿：一場董事會風波\n"
	"2023/11/24 10:00   編輯部\n"
	"\n"
	"  下面按照美國西部時間整理。\n"
	"\n"
	"  "
	"主線#01：11月16日晚間，某公司的董事甲收到一封郵件，約好第二天見面。\n"
	"\n"
	"  花絮1：此時乙已經知道了會議的內容。\n"
	"\n"
	"  圖片說明：會議室一角\n"
	"\n"
	"  主線#02:11月17日中午12點，董事會在線上開會，宣布更換負責人。\n"
	"\n"
	"  主線#03 緊接著12點23分，丙也被叫進了會議。\n"
	"\n"
	"  主線＃０４：17號下午3點，公司正式發佈公告。\n"
	"\n"
	"  花絮２：公告發出前一分鐘，投資方才得到消息。\n"
	"\n"
	"  主線#05第二天上午，員工開始聯名寫信。\n"
	"\n"
	"  本文完。\n";

static const char article_simp[] =
	"主线#01：11月16日晚间，某公司的董事甲收到一封邮件。\n"
	"花絮1：此时乙已经知道了会议的内容。\n"
	"主线#02：11月17日中午12点，董事会在线上开会。\n";

static char dir[] = "/tmp/br-test-import-XXXXXX";

static const char *path_of(const char *name)
{
	static char buf[4][256];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "%s/%s", dir, name);
	return buf[k];
}

static void write_file(const char *name, const char *data, size_t n)
{
	FILE *f = fopen(path_of(name), "wb");

	if (!f || fwrite(data, 1, n, f) != n) {
		diag("cannot write %s", name);
		exit(1);
	}
	fclose(f);
}

/* utf8 in charset `to`, with prefix (a BOM) before it; *n its size. */
static char *convert(const char *to, const char *prefix, size_t plen,
		     const char *utf8, size_t *n)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	size_t in_left = strlen(utf8), cap = in_left * 4 + 16, out_left;
	char *out = malloc(cap), *in = (char *)utf8, *o;

	if (cd == (iconv_t)-1 || !out) {
		diag("iconv cannot convert to %s", to);
		exit(1);
	}
	memcpy(out, prefix, plen);
	o = out + plen;
	out_left = cap - plen;
	if (iconv(cd, &in, &in_left, &o, &out_left) == (size_t)-1) {
		diag("iconv to %s: %s", to, strerror(errno));
		exit(1);
	}
	iconv_close(cd);
	*n = (size_t)(o - out);
	return out;
}

/* ------------------------------------------------------------------ */

static void detects(const char *label, const char *to, const char *bom,
		    size_t blen, const char *text, const char *want)
{
	struct br_decoded d;
	char err[256] = "";
	size_t n;
	char *data = convert(to, bom, blen, text, &n);
	int rc = br_import_decode("f.txt", data, n, NULL, 0, &d, err,
				  sizeof(err));

	if (!ok(rc == 0 && !strcmp(d.encoding, want) && d.detected &&
			d.bom == (blen > 0) && !strcmp(d.text, text),
		"%s is detected as %s", label, want))
		diag("rc %d, encoding '%s': %s", rc, rc ? "" : d.encoding, err);
	if (rc == 0)
		free(d.text);
	free(data);
}

static void test_detection(void)
{
	detects("GB18030 (traditional)", "GB18030", "", 0, article_trad,
		"GB18030");
	detects("GB18030 (simplified)", "GB18030", "", 0, article_simp,
		"GB18030");
	detects("Big5", "BIG5", "", 0, article_trad, "BIG5");
	detects("UTF-16LE with a BOM", "UTF-16LE", "\xFF\xFE", 2, article_trad,
		"UTF-16LE");
	detects("UTF-16BE with a BOM", "UTF-16BE", "\xFE\xFF", 2, article_simp,
		"UTF-16BE");
	detects("UTF-32LE with a BOM", "UTF-32LE", "\xFF\xFE\0\0", 4,
		article_simp, "UTF-32LE");
	detects("UTF-8 with a BOM", "UTF-8", "\xEF\xBB\xBF", 3, article_trad,
		"UTF-8");
	detects("UTF-8", "UTF-8", "", 0, article_simp, "UTF-8");
	detects("Big5 without markers", "BIG5", "", 0,
		"董事會在線上開會，宣布更換負責人。員工開始聯名寫信，"
		"要求董事會辭職。公司正式發佈公告，投資方才得到消息。",
		"BIG5");
	detects("GB18030 without markers", "GB18030", "", 0,
		"董事会在线上开会，宣布更换负责人。员工开始联名写信，"
		"要求董事会辞职。公司正式发布公告，投资方才得到消息。",
		"GB18030");
}

static void test_named_encoding(void)
{
	struct br_decoded d;
	char err[256] = "";
	size_t n;
	char *data = convert("GB18030", "", 0, article_simp, &n);

	ok(br_import_decode("f.txt", data, n, "GB18030", 0, &d, err,
			    sizeof(err)) == 0 &&
		   !d.detected && !strcmp(d.text, article_simp),
	   "a named encoding is used and reported as given");
	if (!d.detected)
		free(d.text);
	ok(br_import_decode("f.txt", data, n, "KLINGON-8", 0, &d, err,
			    sizeof(err)) < 0 &&
		   strstr(err, "unknown encoding 'KLINGON-8'"),
	   "an encoding iconv does not know: %s", err);
	free(data);
	ok(br_import_decode("f.bin", "ab\0cd", 5, NULL, 0, &d, err,
			    sizeof(err)) < 0 &&
		   strstr(err, "f.bin: binary data") && strstr(err, "byte 2"),
	   "a NUL byte is binary data: %s", err);
	ok(br_import_decode("f.bin", "\x80\x81\xFF\xFE\x80\x90\xA0\xFF", 8,
			    NULL, 0, &d, err, sizeof(err)) < 0 &&
		   strstr(err, "not text"),
	   "junk in no known charset: %s", err);
}

/* An invalid byte in the middle, and a character cut at the end. */
static void test_damage(void)
{
	struct br_decoded d;
	char err[256] = "", want[256];
	size_t n, at, k;
	long line = 1;
	char *gb = convert("GB18030", "", 0, article_trad, &n);
	char *bad = malloc(n + 1);
	const char *marker = strstr(article_trad, "主線#02");
	char *conv_prefix;
	size_t prefix_len;

	/* The byte offset of 主線#02 in GB18030: convert what precedes. */
	conv_prefix =
		br_xstrndup(article_trad, (size_t)(marker - article_trad));
	free(convert("GB18030", "", 0, conv_prefix, &prefix_len));
	for (k = 0; conv_prefix[k]; k++)
		line += conv_prefix[k] == '\n';
	free(conv_prefix);
	at = prefix_len + 4; /* inside the entry, between two characters */
	memcpy(bad, gb, at);
	bad[at] = '\xFF';
	memcpy(bad + at + 1, gb + at, n - at);
	snprintf(want, sizeof(want),
		 "bad.txt: invalid GB18030 at byte %zu "
		 "(line %ld)",
		 at, line);
	ok(br_import_decode("bad.txt", bad, n + 1, NULL, 0, &d, err,
			    sizeof(err)) < 0 &&
		   !strcmp(err, want),
	   "an invalid byte names its offset and line: %s", err);
	if (ok(br_import_decode("bad.txt", bad, n + 1, NULL, 1, &d, err,
				sizeof(err)) == 0,
	       "--lossy decodes it")) {
		is_str(d.encoding, "GB18030", "still detected as GB18030");
		is_int(d.replaced, 1, "one byte replaced");
		ok(strstr(d.text, "\xEF\xBF\xBD") != NULL, "by U+FFFD");
		free(d.text);
	}
	/* Cut the final newline and the second byte of 。 before it: the
	 * last line is the article's last, its lead byte at n - 3. */
	for (line = 0, k = 0; article_trad[k]; k++)
		line += article_trad[k] == '\n';
	snprintf(want, sizeof(want),
		 "cut.txt: truncated GB18030 character at byte %zu (line %ld)",
		 n - 3, line);
	ok(br_import_decode("cut.txt", gb, n - 2, NULL, 0, &d, err,
			    sizeof(err)) < 0 &&
		   !strncmp(err, want, strlen(want)),
	   "a character cut at the end: %s", err);
	if (ok(br_import_decode("cut.txt", gb, n - 2, NULL, 1, &d, err,
				sizeof(err)) == 0,
	       "--lossy reads the cut character")) {
		is_int(d.replaced, 1, "and counts it");
		free(d.text);
	}
	free(gb);
	free(bad);
}

/* ------------------------------------------------------------------ */

static void cleans(const char *in, int toneless, const char *want, long pinyin,
		   long fffd, long stars)
{
	struct br_clean c = {0};
	char *out = br_import_clean_line(in, toneless, &c);

	if (!ok(!strcmp(out, want) && c.pinyin == pinyin &&
			c.fffd_runs == fffd && c.stars == stars,
		"clean '%s'", in))
		diag("got '%s' (%ld pinyin, %ld runs, %ld stars)", out,
		     c.pinyin, c.fffd_runs, c.stars);
	free(out);
}

static void test_cleaning(void)
{
	cleans("首頁(yè) > 評(píng)論", 0, "首頁 > 評論", 2, 0, 0);
	cleans("遠(yuǎn)川（yuǎn）", 0, "遠川", 2, 0, 0);
	cleans("評論(píng lùn)很多", 0, "評論很多", 1, 0, 0);
	cleans("Bret Taylor(擔(dān)任主席)", 0, "Bret Taylor(擔任主席)", 1, 0,
	       0);
	cleans("數據(data)和模型(model)", 0, "數據(data)和模型(model)", 0, 0,
	       0);
	cleans("會(hu)議", 1, "會議", 1, 0, 0);
	cleans("會(hu)議", 0, "會(hu)議", 0, 0, 0);
	cleans("機器學習(machine learning)", 1, "機器學習(machine learning)", 0,
	       0, 0);
	cleans("Brad Lightcap(COO)和Q*(Q-Star)", 0,
	       "Brad Lightcap(COO)和Q*(Q-Star)", 0, 0, 0);
	cleans("這是歷史上*的運動，*次反轉", 0, "這是歷史上*的運動，*次反轉", 0,
	       0, 2);
	cleans("指出\xEF\xBF\xBD\xEF\xBF\xBD,OpenAI\xEF\xBF\xBD", 0,
	       "指出,OpenAI", 0, 2, 0);
	cleans("點名表?yè)P(yáng)了", 1, "點名表?yè)P了", 1, 0, 0);
	cleans("點名表?yè)P(yáng)了", 0, "點名表?yè)P(yáng)了", 0, 0, 0);
	cleans("Kwon(Kwon)和P(yang)", 1, "Kwon(Kwon)和P(yang)", 0, 0, 0);
	ok(!br_import_has_readings("頁(yè)評(píng)論"), "two readings are few");
	ok(br_import_has_readings(
		   "頁(yè)評(píng)論會(hu)議發(fā)現(xiàn)對(duì)"
		   "個(gè)時(shí)來(lái)結(jié)"),
	   "ten readings show the converter's traces");
}

/* ------------------------------------------------------------------ */

static struct br_db *db;

static long long scalar(const char *sql, const char *arg)
{
	sqlite3_stmt *st = br_db_stmt(db, sql);
	long long v = -1;

	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	return v;
}

static const char *text_of(const char *sql, const char *arg)
{
	static char buf[4][512];
	static int k;
	sqlite3_stmt *st = br_db_stmt(db, sql);
	const unsigned char *t;

	k = (k + 1) % 4;
	buf[k][0] = '\0';
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW && (t = sqlite3_column_text(st, 0)))
		snprintf(buf[k], sizeof(buf[k]), "%s", (const char *)t);
	br_db_reset(st);
	return buf[k];
}

/* Imports files into a new database; 0, or -1 with err. */
static int import(const char *dbname, const char *const *files, size_t n,
		  int lossy, struct br_import_report *rep, char *err,
		  size_t errlen)
{
	struct br_import_opts o = {0};
	struct br_importer *im;
	size_t k;
	int rc = 0;

	o.lossy = lossy;
	im = br_import_begin(path_of(dbname), &o, err, errlen);
	if (!im)
		return -1;
	for (k = 0; k < n && rc == 0; k++) {
		br_import_report_free(rep);
		rc = br_import_file(im, path_of(files[k]), rep, err, errlen);
	}
	if (br_import_end(im, rc ? NULL : err, errlen) < 0)
		rc = -1;
	return rc;
}

static int open_db(const char *name)
{
	char err[256];

	br_db_close(db);
	db = br_db_open_file(path_of(name), BR_DB_READ, err, sizeof(err));
	if (!db)
		diag("%s", err);
	return db != NULL;
}

static const char when_sql[] =
	"SELECT strftime('%Y-%m-%dT%H:%M:%SZ', t_min, 'unixepoch') || ' ' ||"
	" strftime('%Y-%m-%dT%H:%M:%SZ', t_max, 'unixepoch') || ' ' ||"
	" precision || ' ' || inferred FROM event WHERE marker = ?";

static void test_article(void)
{
	static const char *const files[] = {"trad.txt"};
	struct br_import_report rep = {0};
	char err[512] = "";
	size_t n;
	char *big5 = convert("BIG5", "", 0, article_trad, &n);

	write_file("trad.txt", big5, n);
	free(big5);
	if (!ok(import("a.db", files, 1, 0, &rep, err, sizeof(err)) == 0,
		"a Big5 article imports") ||
	    !open_db("a.db")) {
		diag("%s", err);
		br_import_report_free(&rep);
		return;
	}
	is_int(rep.entries[0], 5, "five main-line entries");
	is_int(rep.entries[1], 2, "two sidelights");
	is_int(rep.lines_before, 4, "four lines before the first entry");
	is_int(rep.lines_between, 1, "one caption between entries");
	is_int(rep.lines_after, 1, "one line after the last");
	is_int(rep.dates_stated, 5, "five dates stated");
	is_int(rep.dates_inferred, 2, "two inferred");
	is_int(rep.year, 2023, "the year is the article's");
	is_int(scalar("SELECT count(*) FROM event WHERE marker IN ('主線#01',"
		      " '主線#02', '主線#03', '主線#04', '主線#05', '花絮1',"
		      " '花絮2')",
		      NULL),
	       7, "markers normalised: ＃０４ and no colon read too");
	is_str(text_of(when_sql, "主線#01"),
	       "2023-11-17T02:00:00Z 2023-11-17T07:59:59Z part_of_day 0",
	       "11月16日晚間 is the evening of Nov 16 PT");
	is_str(text_of(when_sql, "花絮1"),
	       "2023-11-17T02:00:00Z 2023-11-17T07:59:59Z part_of_day 1",
	       "an undated entry takes the previous evening, inferred");
	is_str(text_of(when_sql, "主線#02"),
	       "2023-11-17T20:00:00Z 2023-11-17T20:00:00Z hour 0",
	       "11月17日中午12點");
	is_str(text_of(when_sql, "主線#03"),
	       "2023-11-17T20:23:00Z 2023-11-17T20:23:00Z minute 0",
	       "12點23分, the day of the entry before");
	is_str(text_of(when_sql, "花絮2"),
	       "2023-11-17T08:00:00Z 2023-11-18T07:59:59Z day 1",
	       "after a time, an undated entry takes its whole day");
	is_str(text_of(when_sql, "主線#05"),
	       "2023-11-18T14:00:00Z 2023-11-18T19:59:59Z part_of_day 0",
	       "第二天上午 is the morning after the entry before");
	is_str(text_of("SELECT title_zh FROM event WHERE marker = ?",
		       "主線#04"),
	       "公司正式發佈公告",
	       "a title skips a clause that is only a date");
	is_str(text_of("SELECT time_text FROM event WHERE marker = ?",
		       "主線#04"),
	       "17號下午3點", "time_text is the phrase as written");
	is_str(text_of("SELECT summary_en || title_en FROM event WHERE"
		       " marker = ?",
		       "主線#01"),
	       "", "no English is made up");
	is_int(scalar("SELECT count(*) FROM note WHERE kind = 'inference'",
		      NULL),
	       2, "each inferred time has a note saying why");
	br_import_report_free(&rep);
}

static void test_simplified_gb18030(void)
{
	static const char *const files[] = {"simp.txt"};
	struct br_import_report rep = {0};
	char err[512] = "";
	size_t n;
	char *gb = convert("GB18030", "", 0, article_simp, &n);

	write_file("simp.txt", gb, n);
	free(gb);
	ok(import("s.db", files, 1, 0, &rep, err, sizeof(err)) == 0 &&
		   open_db("s.db"),
	   "a simplified GB18030 article imports");
	is_str(rep.encoding, "GB18030", "detected as GB18030");
	is_int(scalar("SELECT count(*) FROM event WHERE marker = '主线#01'",
		      NULL),
	       1, "the marker keeps the script it is written in");
	br_import_report_free(&rep);
}

/* A damaged copy: the converter's readings, a garbled stretch and a
 * dropped word, in UTF-8 as scraped. */
static void test_damaged_article(void)
{
	static const char text[] =
		"頁(yè)首 > 評(píng)論\n"
		"主線#01：11月16日晚間，董事會(huì)收到郵件(jiàn)。\n"
		"主線#02：11月17日，評(píng)論*"
		"很多\xEF\xBF\xBD\xEF\xBF\xBD。\n";
	static const char *const files[] = {"damaged.txt"};
	struct br_import_report rep = {0};
	char err[512] = "";

	write_file("damaged.txt", text, strlen(text));
	if (!ok(import("dm.db", files, 1, 0, &rep, err, sizeof(err)) == 0 &&
			open_db("dm.db"),
		"a damaged article imports")) {
		diag("%s", err);
		br_import_report_free(&rep);
		return;
	}
	is_int(rep.pinyin, 3, "three readings removed from the entries");
	is_int(rep.fffd_runs, 1, "one run of U+FFFD removed");
	is_int(rep.stars, 1, "one dropped word marked");
	is_int(rep.lines_before, 1, "the furniture line is counted");
	is_str(text_of("SELECT summary_zh FROM event WHERE marker = ?",
		       "主線#01"),
	       "11月16日晚間，董事會收到郵件。", "the text reads clean");
	is_str(text_of("SELECT summary_zh FROM event WHERE marker = ?",
		       "主線#02"),
	       "11月17日，評論*很多。", "the gap keeps its mark");
	is_int(scalar("SELECT count(*) FROM note WHERE kind = 'damage'", NULL),
	       1, "a note says where the text is damaged");
	br_import_report_free(&rep);
}

/* ------------------------------------------------------------------ */

static void test_csv_parser(void)
{
	static const char csv[] =
		"a,b,c\r\n"
		"\"one, two\",\"say \"\"hi\"\"\",\"line 1\nline 2\"\n"
		"\n"
		"x,,\"\"\r\n"
		"last,row,no newline";
	struct br_csv t;
	char err[256] = "";

	if (!ok(br_csv_parse(csv, strlen(csv), &t, err, sizeof(err)) == 0,
		"CSV parses")) {
		diag("%s", err);
		return;
	}
	is_int(t.n, 4, "four records (a blank line is none)");
	if (t.n == 4) {
		is_str(t.rows[1].fields[0], "one, two", "a comma in quotes");
		is_str(t.rows[1].fields[1], "say \"hi\"", "doubled quotes");
		is_str(t.rows[1].fields[2], "line 1\nline 2",
		       "a line break in quotes");
		is_int(t.rows[2].line, 5, "lines counted across the break");
		is_int(t.rows[2].n, 3, "empty fields count");
		is_str(t.rows[3].fields[2], "no newline", "a last line");
	}
	br_csv_free(&t);
	/* Found by fuzzing: a NUL byte once stopped the reader advancing. */
	if (ok(br_csv_parse("\0", 1, &t, err, sizeof(err)) >= 0 ||
		       err[0] != '\0',
	       "a NUL byte ends, with rows or a message"))
		br_csv_free(&t);
	memset(&t, 0, sizeof(t));
	ok(br_csv_parse("a,b\n\"open,c\n", 12, &t, err, sizeof(err)) < 0 &&
		   !strcmp(err, "line 2: a quoted field is not closed"),
	   "an open quote names its line: %s", err);
	ok(br_csv_parse("\"a\"b\n", 5, &t, err, sizeof(err)) < 0 &&
		   strstr(err, "line 1: text after the closing quote"),
	   "text after a closing quote: %s", err);
}

static const char csv_header[] =
	"marker,kind,start,end,at,precision,inferred,time_text,title_en,"
	"title_zh,summary_en,summary_zh,people,participants\r\n";

static void test_csv_import(void)
{
	static const char rows[] =
		"M1,main,2023-11-17T20:00:00Z,2023-11-17T20:00:00Z,"
		"2023-11-17T20:00:00Z,hour,0,noon,\"Fired, by video\","
		"被解雇,\"Two lines:\nhere\",两行,Ann Lee,"
		"lee:actor:Ann Lee:李安|acme:subject:Acme%3A Inc%7C:阿克米\r\n"
		",aside,2023-11-17T08:00:00Z,2023-11-18T07:59:59Z,,day,1,,"
		"Aside,花絮,,,,\r\n";
	static const char *const files[] = {"t.csv"}, *const bad[] = {"b.csv"};
	struct br_import_report rep = {0};
	char err[512] = "", buf[2048];
	long long before;

	snprintf(buf, sizeof(buf), "%s%s", csv_header, rows);
	write_file("t.csv", buf, strlen(buf));
	if (!ok(import("c.db", files, 1, 0, &rep, err, sizeof(err)) == 0 &&
			open_db("c.db"),
		"a CSV export imports"))
		diag("%s", err);
	is_int(rep.rows, 2, "two rows");
	is_int(rep.people_created, 2, "two people created");
	is_str(text_of("SELECT name_en || '/' || name_zh FROM person WHERE"
		       " slug = ?",
		       "acme"),
	       "Acme: Inc|/阿克米", "escaped names are read back");
	is_str(text_of("SELECT summary_en FROM event WHERE marker = ?", "M1"),
	       "Two lines:\nhere", "a quoted line break is kept");
	is_int(scalar("SELECT count(*) FROM event WHERE marker IS NULL", NULL),
	       1, "an empty marker is none");
	br_import_report_free(&rep);
	/* A bad row rolls the whole file back. */
	snprintf(buf, sizeof(buf),
		 "%sM2,main,2023-11-18T00:00:00Z,"
		 "2023-11-18T00:00:00Z,,minute,0,,a,b,c,d,,\r\n"
		 "M3,main,yesterday,2023-11-18T00:00:00Z,,minute,0,,a,b,c,d,,"
		 "\r\n",
		 csv_header);
	write_file("b.csv", buf, strlen(buf));
	before = scalar("SELECT count(*) FROM event", NULL);
	br_db_close(db);
	db = NULL;
	ok(import("c.db", bad, 1, 0, &rep, err, sizeof(err)) < 0 &&
		   strstr(err, "b.csv: line 3: 'start' is not an ISO 8601"),
	   "a bad time names its line: %s", err);
	open_db("c.db");
	is_int(scalar("SELECT count(*) FROM event", NULL), before,
	       "and nothing of the file is left");
	br_import_report_free(&rep);
}

static void test_json_errors(void)
{
	static const char *const files[] = {"e.json"};
	static const char bad[] =
		"[{\"kind\":\"main\",\"start\":\"2023-11-17T20:00:00Z\","
		"\"end\":\"2023-11-17T20:00:00Z\",\"precision\":\"hour\","
		"\"title\":{\"en\":\"a\",\"zh\":\"b\"},\"summary\":{\"en\":"
		"\"\","
		"\"zh\":\"\"}},{\"kind\":\"main\",\"precision\":\"day\","
		"\"start\":\"2023-11-17\"}]";
	struct br_import_report rep = {0};
	char err[512] = "";

	write_file("e.json", bad, strlen(bad));
	ok(import("e.db", files, 1, 0, &rep, err, sizeof(err)) < 0 &&
		   strstr(err, "e.json: event 2: 'end'") == NULL &&
		   strstr(err, "e.json: event 2: 'start' is not an ISO"),
	   "a bad event names its place: %s", err);
	ok(access(path_of("e.db"), F_OK) != 0,
	   "a database made for nothing is removed");
	write_file("e.json", "[{\"kind\": ", 10);
	ok(import("e.db", files, 1, 0, &rep, err, sizeof(err)) < 0 &&
		   strstr(err, "e.json: not valid JSON at line 1"),
	   "broken JSON: %s", err);
	br_import_report_free(&rep);
}

static void test_duplicates(void)
{
	static const char *const files[] = {"dup.txt"};
	static const char text[] = "主線#01：11月16日晚間，甲。\n"
				   "主線#1：11月17日，乙。\n";
	struct br_import_report rep = {0};
	char err[512] = "";

	write_file("dup.txt", text, strlen(text));
	ok(import("d.db", files, 1, 0, &rep, err, sizeof(err)) < 0 &&
		   strstr(err, "line 2: 主線#01 appears twice (first on line "
			       "1)"),
	   "an entry given twice: %s", err);
	br_import_report_free(&rep);
}

/* Dates, markers and phrases that were misread or lost without a word. */
static void test_misreadings(void)
{
	static const char *const files[] = {"mis.txt"};
	static const char text[] =
		"2023/11/24\n"
		"主線#01：11月16日上午10點，董事會開會討論事情。\n"
		"主線#02：12023年11月17日，董事會開會。\n"
		"主線#03：18446744073709551616年11月17日，董事會開會。\n"
		"主線#04：99999年，董事會開會。\n"
		"主線#05：11月17日（周五）中午12点，董事會開會。\n"
		"主線#06：11月18日（周四）下午3點，董事會開會。\n"
		"主線#1000：11月19日，董事會再開會。\n"
		"花絮123456：11月20日，員工寫信。\n";
	static const char note_sql[] =
		"SELECT n.text_en FROM note n JOIN event e ON e.id = n.event_id"
		" WHERE e.marker = ? AND n.kind = 'inference'";
	static const char long_marker[] = "主線#1234567：11月19日，甲。\n";
	struct br_import_report rep = {0};
	char err[512] = "";

	write_file("mis.txt", text, strlen(text));
	if (!ok(import("mis.db", files, 1, 0, &rep, err, sizeof(err)) == 0 &&
			open_db("mis.db"),
		"an article of misreadings imports")) {
		diag("%s", err);
		br_import_report_free(&rep);
		return;
	}
	is_int(rep.entries[0] + rep.entries[1], 8, "every entry is read");
	is_int(rep.lines_between, 0, "none is taken for a caption");
	is_str(text_of(when_sql, "主線#1000"),
	       "2023-11-19T08:00:00Z 2023-11-20T07:59:59Z day 0",
	       "a four-digit marker is an entry");
	is_int(scalar("SELECT count(*) FROM event WHERE marker = '花絮123456'",
		      NULL),
	       1, "so is a six-digit one");
	is_int(rep.dates_unread, 4, "four phrases not understood, counted");
	is_str(text_of(when_sql, "主線#02"),
	       "2023-11-16T08:00:00Z 2023-11-17T07:59:59Z day 1",
	       "12023年11月17日 is not read as 2023-11-17");
	is_str(text_of(note_sql, "主線#02"),
	       "The entry's time \"12023年11月17日\" could not be read; it "
	       "is dated as the entry before it (主線#01).",
	       "its note names the phrase not read");
	is_int(scalar("SELECT inferred FROM event WHERE marker = '主線#03'",
		      NULL),
	       1, "18446744073709551616年 is not read as 1616");
	is_str(text_of(note_sql, "主線#04"),
	       "The entry's time \"99999年\" could not be read; it is dated "
	       "as the entry before it (主線#03).",
	       "99999年 is not read as 9999");
	is_str(text_of(when_sql, "主線#05"),
	       "2023-11-17T20:00:00Z 2023-11-17T20:00:00Z hour 0",
	       "a bracketed weekday keeps the time after it");
	is_str(text_of("SELECT time_text FROM event WHERE marker = ?",
		       "主線#05"),
	       "11月17日（周五）中午12点", "the phrase is kept as written");
	is_int(scalar("SELECT inferred FROM event WHERE marker = '主線#06'",
		      NULL),
	       1, "a weekday that is not the date's is not read");
	br_import_report_free(&rep);
	write_file("mis.txt", long_marker, strlen(long_marker));
	ok(import("mis2.db", files, 1, 0, &rep, err, sizeof(err)) < 0 &&
		   strstr(err, "mis.txt: line 1: an entry number of more "
			       "than 6 digits"),
	   "a longer number is an error: %s", err);
	br_import_report_free(&rep);
}

/* A JSON value of the wrong type is an error, not coerced. */
static void test_json_types(void)
{
	static const char *const files[] = {"t.json"};
	static const char head[] =
		"[{\"kind\":\"main\",\"start\":\"2023-11-17T20:00:00Z\","
		"\"end\":\"2023-11-17T20:00:00Z\",\"precision\":\"hour\","
		"\"title\":{\"en\":\"a\",\"zh\":\"b\"},\"summary\":{\"en\":"
		"\"\",\"zh\":\"\"}";
	static const struct {
		const char *field, *want;
	} cases[] = {
		{",\"marker\":7", "t.json: event 1: 'marker' is not a string"},
		{",\"inferred\":\"yes\"",
		 "t.json: event 1: 'inferred' is not true or false"},
		{",\"inferred\":2",
		 "t.json: event 1: 'inferred' is not true or false"},
		{",\"time_text\":[]",
		 "t.json: event 1: 'time_text' is not a string"},
		{",\"people\":[{\"slug\":\"a\",\"role\":\"actor\","
		 "\"name\":1}]",
		 "t.json: event 1: a person's 'name' is not a string"},
	};
	struct br_import_report rep = {0};
	char err[512], doc[1024];
	size_t k;

	for (k = 0; k < BR_ARRAY_SIZE(cases); k++) {
		snprintf(doc, sizeof(doc), "%s%s}]", head, cases[k].field);
		write_file("t.json", doc, strlen(doc));
		err[0] = '\0';
		ok(import("t.db", files, 1, 0, &rep, err, sizeof(err)) < 0 &&
			   strstr(err, cases[k].want),
		   "JSON %s: %s", cases[k].field + 1, err);
		br_import_report_free(&rep);
	}
	snprintf(doc, sizeof(doc), "%s,\"marker\":null,\"inferred\":1}]", head);
	write_file("t.json", doc, strlen(doc));
	ok(import("t.db", files, 1, 0, &rep, err, sizeof(err)) == 0 &&
		   rep.dates_inferred == 1,
	   "null and 1 are read: %s", err);
	br_import_report_free(&rep);
}

/* A UTF-8 line then lines in GB18030: the error names the first line
 * that is not UTF-8, and --lossy keeps the UTF-8 ones. */
static void test_mixed_charsets(void)
{
	static const char line1[] = "主線#01：11月17日中午12點，董事會開會。\n";
	static const char line2[] =
		"主線#02：11月17日下午3點，員工們聯名寫信要求董事會辭職，"
		"員工們聯名寫信要求董事會辭職，員工們聯名寫信要求董事會辭職，"
		"員工們聯名寫信要求董事會辭職，員工們聯名寫信要求董事會辭職。"
		"\n";
	static const char line3[] = "主線#03：11月18日上午9點，甲回來了。\n";
	static const char line4[] = "主線#04：11月19日晚上8點，乙也回來了。\n";
	struct br_decoded d;
	char err[512] = "", want[128], data[2048];
	size_t n, n1 = strlen(line1), len;
	char *gb = convert("GB18030", "", 0, line2, &n);

	memcpy(data, line1, n1);
	memcpy(data + n1, gb, n);
	len = n1 + n;
	snprintf(want, sizeof(want),
		 "f.txt: invalid UTF-8 at byte %zu (line 2)", n1);
	ok(br_import_decode("f.txt", data, len, NULL, 0, &d, err, sizeof(err)) <
			   0 &&
		   strstr(err, want),
	   "a UTF-8 line, then GB18030: %s", err);
	memcpy(data + len, line3, strlen(line3));
	len += strlen(line3);
	memcpy(data + len, line4, strlen(line4));
	len += strlen(line4);
	if (ok(br_import_decode("f.txt", data, len, NULL, 1, &d, err,
				sizeof(err)) == 0 &&
		       !strcmp(d.encoding, "UTF-8") && d.replaced > 0,
	       "three lines of UTF-8 and one of GB18030, --lossy: UTF-8")) {
		ok(strstr(d.text, line1) && strstr(d.text, line3) &&
			   strstr(d.text, line4),
		   "the UTF-8 lines are read right");
		free(d.text);
	} else {
		diag("%s", err);
	}
	free(gb);
	ok(br_import_decode("f.txt", "ab\xFB\x8C\x91\xBF\xAA\n", 8, "UTF-8", 0,
			    &d, err, sizeof(err)) < 0 &&
		   strstr(err, "f.txt: invalid UTF-8 at byte 2 (line 1)"),
	   "a five-byte sequence is not UTF-8: %s", err);
	if (ok(br_import_decode("f.txt", "ab\xFB\x8C\x91\xBF\xAA\n", 8, "UTF-8",
				1, &d, err, sizeof(err)) == 0 &&
		       d.replaced == 5 && br_text_valid(d.text, d.len),
	       "--lossy replaces its bytes"))
		free(d.text);
}

static void cleanup(void)
{
	char cmd[300];

	br_db_close(db);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		ok(0, "a temporary directory");
		return tap_done();
	}
	test_detection();
	test_named_encoding();
	test_damage();
	test_cleaning();
	test_article();
	test_simplified_gb18030();
	test_damaged_article();
	test_csv_parser();
	test_csv_import();
	test_json_errors();
	test_duplicates();
	test_misreadings();
	test_json_types();
	test_mixed_charsets();
	cleanup();
	return tap_done();
}
