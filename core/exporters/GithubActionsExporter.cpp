#include "core/exporters/GithubActionsExporter.h"

#include <QRandomGenerator>

namespace secretdesk {

GithubActionsExporter::GithubActionsExporter(DelimiterSource source)
    : m_source(source ? std::move(source) : DelimiterSource(&GithubActionsExporter::randomDelimiter))
{}

Status GithubActionsExporter::check(const ExportEntry &entry) const
{
    if (Status common = checkCommon(QStringLiteral("GHA"), entry); !common.ok())
        return common;
    if (entry.name.startsWith(QLatin1String("GITHUB_"), Qt::CaseInsensitive) ||
        entry.name.startsWith(QLatin1String("RUNNER_"), Qt::CaseInsensitive) ||
        entry.name.compare(QLatin1String("NODE_OPTIONS"), Qt::CaseInsensitive) == 0)
        return refusal(
            QStringLiteral("GHA_NAME_RESERVED"), entry,
            QStringLiteral("the runner does not let a step set GITHUB_*, RUNNER_* or NODE_OPTIONS"));
    if (entry.value.contains('\r'))
        return refusal(
            QStringLiteral("GHA_CR"), entry,
            QStringLiteral("the runner drops a carriage return before a line feed and has no escape "
                           "for it"));
    return Status::success();
}

QByteArray GithubActionsExporter::randomDelimiter()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QByteArray raw(reinterpret_cast<const char *>(words), sizeof(words));
    return QByteArrayLiteral("ghadelimiter_") + raw.toHex();
}

QByteArray GithubActionsExporter::delimiterFor(const QList<ExportEntry> &entries) const
{
    // A fixed test source may keep colliding; after a few draws fall back to the random one.
    for (int attempt = 0;; ++attempt) {
        QByteArray candidate = attempt < 8 ? m_source() : randomDelimiter();
        if (candidate.isEmpty() || candidate.contains('\n') || candidate.contains('\r'))
            continue;
        bool collides = false;
        for (const ExportEntry &entry : entries) {
            if (entry.value.contains(candidate) || entry.name.toLatin1().contains(candidate)) {
                collides = true;
                break;
            }
        }
        if (!collides)
            return candidate;
    }
}

QByteArray GithubActionsExporter::renderChecked(const QList<ExportEntry> &entries) const
{
    const QByteArray delimiter = delimiterFor(entries);
    QByteArray out;
    for (const ExportEntry &entry : entries)
        appendBlock(entry, delimiter, out);
    return out;
}

void GithubActionsExporter::renderEntry(const ExportEntry &entry, QByteArray &out) const
{
    appendBlock(entry, delimiterFor({entry}), out);
}

void GithubActionsExporter::appendBlock(const ExportEntry &entry, const QByteArray &delimiter,
                                        QByteArray &out)
{
    out += entry.name.toLatin1();
    out += "<<";
    out += delimiter;
    out += '\n';
    out += entry.value;
    // An empty value is a block with no lines; otherwise the value's own last line ends here.
    if (!entry.value.isEmpty())
        out += '\n';
    out += delimiter;
    out += '\n';
}

} // namespace secretdesk
