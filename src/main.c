/* boardroom: a terminal explorer of the OpenAI board crisis of November
 * 2023. */
#include <locale.h>

#include "cli.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return cli_main(argc, argv);
}
