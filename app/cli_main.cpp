#include "cli/commandline.h"

int main(int argc, char **argv)
{
    return mcdesk::cli::run(argc, argv);
}
