#include "ui/app.h"

int main(int argc, char **argv)
{
    return mcdesk::ui::runApp(argc, argv);
}
