#pragma once

#include "core/validators/FormatSpec.h"
#include "core/validators/ValidationContext.h"

namespace secretdesk {

// The checks that resources/formats/*.json describe: presence, JSON types, unknown keys with a
// did-you-mean, empty values, stray whitespace and pattern rules. Codes are the kind's prefix
// plus 001 missing, 002 type, 003 unknown key, 004 empty, 005 recommended key missing,
// 006 whitespace, 007 bad discriminator, 008 variant not checked further.
class ShapeCheck {
public:
    // A string value: empty, whitespace, then the spec's rules on the trimmed text. Returns the
    // trimmed field (what code validators should look at), or an empty field when it is empty.
    static StringField checkString(ValidationContext &context, const FormatSpec &spec,
                                   const QList<PatternRule> &rules, const StringField &field,
                                   bool checkWhitespace = true);

    // The root object of a JSON kind. Returns the variant whose fields apply, or null when the
    // discriminator is missing or unknown (the finding is already reported) or the variant is unsupported.
    static const VariantSpec *checkObject(ValidationContext &context, const FormatSpec &spec);

    // The closest known name: an alias, a case-insensitive match or one within two edits.
    static QString suggestName(const QString &unknown, const QList<FieldSpec> &fields);
    static QString closest(const QString &unknown, const QStringList &candidates, int maxDistance = 2);
};

} // namespace secretdesk
