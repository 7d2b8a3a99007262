/* boardroom: a terminal explorer of the OpenAI board crisis of November
 * 2023. */
#include <locale.h>
#include <stddef.h>

#include "boardroom/db.h"
#include "cli/cli.h"

/* The bundled dataset as a database image (meson.build, tools/bake.c). */
extern const unsigned char br_bundled_image[];
extern const size_t br_bundled_image_len;

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	br_db_use_image(br_bundled_image, br_bundled_image_len);
	return cli_main(argc, argv);
}
