#pragma once

#include "core/model/Result.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace secretdesk {

// A pattern a string must (or must not) match, with the finding it raises otherwise.
struct PatternRule {
    QString code;
    Severity severity = Severity::Error;
    QRegularExpression pattern;
    bool mustMatch = true; // false: raise when the pattern matches
    QString message;
};

// One member of a JSON secret, as resources/formats/<kind>.json describes it.
struct FieldSpec {
    QString key;
    QString type = QStringLiteral("string"); // string, object, array, number, bool, any
    bool required = false;
    bool recommended = false;    // missing: a warning, not an error
    QStringList aliases;         // common wrong spellings, for the did-you-mean fix
    bool checkWhitespace = true; // false where surrounding whitespace is normal (a PEM key's last newline)
    QList<PatternRule> rules;
};

// The member set of one variant of a JSON secret (GCP has one per "type").
struct VariantSpec {
    QString discriminatorValue; // empty for the only variant
    QList<FieldSpec> fields;
    bool supported = true; // false: google-auth accepts it but we only check its type
};

// Everything the data files say about one kind. The checks that data cannot express (key
// parsing, checksums) live in the kind's code validator, named by `validator`.
struct FormatSpec {
    QString kind;
    QString displayName;
    QString valueType; // "string" or "json"
    QString codePrefix;
    QStringList names; // secret names that imply this kind
    QString validator; // id of the code validator, empty for data only
    QByteArray templateDocument;
    QString description;
    // String kinds
    Severity whitespaceSeverity = Severity::Error;
    bool whitespaceInside = false; // string secrets: spaces inside the value are mistakes too (tokens)
    QList<PatternRule> rules;
    // JSON kinds
    QString discriminator; // member that selects the variant, e.g. "type"
    QList<VariantSpec> variants;
    bool warnUnknownKeys = true;

    bool isJson() const { return valueType == QLatin1String("json"); }
    const VariantSpec *variant(const QString &discriminatorValue) const;
    QString code(int number) const
    {
        return codePrefix + QStringLiteral("%1").arg(number, 3, 10, QLatin1Char('0'));
    }

    // Parses one format file; the error names the file and the problem.
    static Result<FormatSpec> fromJson(const QByteArray &text, const QString &file);
    // Every format compiled into the library (resources/formats via the Qt resource system).
    static QList<FormatSpec> builtIn();
};

} // namespace secretdesk
