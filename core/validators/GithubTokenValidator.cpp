#include "core/validators/GithubTokenValidator.h"

#include "core/validators/GithubTokenChecksum.h"
#include "core/validators/MaskedExcerpt.h"

#include <QRegularExpression>

namespace secretdesk {

// Codes: GH010 not a GitHub token, GH011 character outside the token alphabet, GH012 classic
// token of the wrong length, GH013 checksum mismatch, GH014 fine-grained shape differs, GH015
// stateless ghs_ token malformed, GH016 legacy hex token, GH017 longer than 255 characters.
void GithubTokenValidator::checkString(ValidationContext &context, const FormatSpec &spec,
                                       const StringField &value) const
{
    static const QRegularExpression legacy(QStringLiteral("^[0-9a-f]{40}$"));
    static const QRegularExpression classicPrefix(QStringLiteral("^gh[pousr]_"));
    static const QRegularExpression fineGrained(
        QStringLiteral("^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$"));
    const QString &token = value.value;
    const QString excerpt = MaskedExcerpt::withLength(token);

    if (legacy.match(token).hasMatch()) {
        context.reportField(Severity::Warning, spec.code(16),
                            QStringLiteral("40 hex characters: a pre-2021 GitHub token (or a commit hash); "
                                           "new tokens have a ghp_-style prefix"),
                            value);
        return;
    }
    const bool classic = classicPrefix.match(token).hasMatch();
    const bool pat = token.startsWith(QLatin1String("github_pat_"));
    if (!classic && !pat) {
        context.reportField(
            Severity::Error, spec.code(10),
            QStringLiteral("%1 is not a GitHub token: expected ghp_, github_pat_, gho_, ghu_, ghs_ or ghr_")
                .arg(excerpt),
            value);
        return;
    }

    // The stateless installation token: ghs_<app id>_<JWT>, opaque, no checksum.
    const bool stateless = token.startsWith(QLatin1String("ghs_")) && token.size() != 40;
    for (qsizetype i = 0; i < token.size(); ++i) {
        const QChar c = token.at(i);
        const bool allowed = (c.isLetterOrNumber() && c.unicode() < 0x80) || c == QLatin1Char('_') ||
                             (stateless && c == QLatin1Char('.'));
        if (!allowed) {
            context.reportField(
                Severity::Error, spec.code(11),
                QStringLiteral("%1 contains a character GitHub tokens never have at column %2")
                    .arg(excerpt)
                    .arg(i + 1),
                value, i);
            return;
        }
    }
    if (stateless) {
        if (token.size() < 40)
            context.reportField(
                Severity::Error, spec.code(15),
                QStringLiteral("%1 is too short for a ghs_ installation token (at least 40 characters)")
                    .arg(excerpt),
                value);
        return;
    }
    if (pat) {
        if (!fineGrained.match(token).hasMatch())
            context.reportField(Severity::Warning, spec.code(14),
                                QStringLiteral("%1 does not have the usual fine-grained shape (github_pat_ + "
                                               "22 + '_' + 59 = 93 characters)")
                                    .arg(excerpt),
                                value);
        if (token.size() > 255)
            context.reportField(Severity::Warning, spec.code(17),
                                QStringLiteral("%1 is longer than 255 characters").arg(excerpt), value);
        return;
    }
    if (token.size() != 40) {
        context.reportField(
            Severity::Error, spec.code(12),
            QStringLiteral(
                "%1 should be 40 characters (a 4-character prefix and 36): it is truncated or has extra text")
                .arg(excerpt),
            value, qMin(token.size(), qsizetype(40)));
        return;
    }
    if (!GithubTokenChecksum::verify(token.mid(4).toLatin1()))
        context.reportField(
            Severity::Error, spec.code(13),
            QStringLiteral("%1 fails its checksum: a character was mistyped or changed").arg(excerpt), value,
            34);
}

} // namespace secretdesk
