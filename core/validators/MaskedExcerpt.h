#pragma once

#include <QString>
#include <QStringList>

namespace secretdesk {

// What a finding may show of a secret: a public, well-known prefix (ghp_, AKIA, glpat-...) and
// the length, never a character of the secret part.
class MaskedExcerpt {
public:
    // "ghp_…" for a token with a known public prefix, "…" otherwise.
    static QString of(QStringView value);
    // "ghp_… (39 characters)".
    static QString withLength(QStringView value);
    // A field or key name as user text supplies it, quoted, when it looks like a name (at most 40
    // letters, digits, '_', '-', '.'); otherwise "an unusual name" (it may be pasted secret text).
    static QString name(QStringView name);
    // The prefixes that identify a credential's type and are safe to show.
    static const QStringList &publicPrefixes();
};

} // namespace secretdesk
