#include "core/validators/MaskedExcerpt.h"

#include <algorithm>

namespace secretdesk {

const QStringList &MaskedExcerpt::publicPrefixes()
{
    // Longest first, so github_pat_ wins over a shorter match. AWS prefixes name the key type.
    static const QStringList prefixes = {
        QStringLiteral("github_pat_"), QStringLiteral("glpat-"), QStringLiteral("gldt-"),
        QStringLiteral("glptt-"),      QStringLiteral("glrt-"),  QStringLiteral("ghp_"),
        QStringLiteral("gho_"),        QStringLiteral("ghu_"),   QStringLiteral("ghs_"),
        QStringLiteral("ghr_"),        QStringLiteral("AKIA"),   QStringLiteral("ASIA"),
        QStringLiteral("ABIA"),        QStringLiteral("ACCA"),   QStringLiteral("AIDA"),
        QStringLiteral("AROA"),        QStringLiteral("hvs."),   QStringLiteral("hvb."),
        QStringLiteral("ATATT"),       QStringLiteral("ATCTT"),
    };
    return prefixes;
}

QString MaskedExcerpt::of(QStringView value)
{
    for (const QString &prefix : publicPrefixes()) {
        // Only when something follows: a value that is nothing but a prefix shows no prefix either.
        if (value.size() > prefix.size() && value.startsWith(prefix))
            return prefix + QChar(0x2026);
    }
    return QString(QChar(0x2026));
}

QString MaskedExcerpt::name(QStringView name)
{
    const bool plain =
        !name.isEmpty() && name.size() <= 40 && std::all_of(name.begin(), name.end(), [](QChar c) {
            return c.unicode() < 0x80 && (c.isLetterOrNumber() || c == QLatin1Char('_') ||
                                          c == QLatin1Char('-') || c == QLatin1Char('.'));
        });
    return plain ? QLatin1Char('\'') + name.toString() + QLatin1Char('\'')
                 : QStringLiteral("with an unusual name");
}

QString MaskedExcerpt::withLength(QStringView value)
{
    return QStringLiteral("%1 (%2 characters)").arg(of(value)).arg(value.size());
}

} // namespace secretdesk
