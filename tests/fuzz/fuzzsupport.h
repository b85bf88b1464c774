#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace mcdesk::fuzz {

// The input as an owning QByteArray, the way the real code holds what it read from a socket
// or a file (QByteArray::fromRawData would not be NUL-terminated like those are).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// A broken invariant is a finding: name it (with the values that disagree, if given), then
// abort so libFuzzer saves the input.
[[noreturn]] inline void fail(const char *what, const QString &first = {},
                              const QString &second = {})
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    for (const QString &value : {first, second}) {
        if (!value.isNull())
            std::fprintf(stderr, "  [%s]\n", value.toUtf8().constData());
    }
    std::abort();
}

} // namespace mcdesk::fuzz
