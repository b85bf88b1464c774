#include "palette.h"

namespace mcdesk::ui::palette {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor statusColor(Status status, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (status) {
    case Status::Good:
        return dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
    case Status::Bad:
        return dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
    case Status::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x6a, 0x00);
    case Status::Neutral:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

QColor tintedBackground(Status status, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Window);
    const QColor tint = statusColor(status, palette);
    const qreal amount = isDark(palette) ? 0.22 : 0.14;
    auto mix = [amount](int a, int b) {
        return int(a + (b - a) * amount);
    };
    return QColor(mix(base.red(), tint.red()), mix(base.green(), tint.green()),
                  mix(base.blue(), tint.blue()));
}

} // namespace mcdesk::ui::palette
