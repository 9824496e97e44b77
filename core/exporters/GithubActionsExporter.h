#pragma once

#include "core/exporters/Exporter.h"

#include <functional>

namespace secretdesk {

// The $GITHUB_ENV file format: every variable as a heredoc block
//   NAME<<DELIMITER
//   value lines
//   DELIMITER
// with one random delimiter per export, drawn again while any value contains it (so no value can
// end its block early and set other variables). The runner joins the lines with \n and drops a
// carriage return before each line feed, so a carriage return is refused; GITHUB_* and RUNNER_*
// names and NODE_OPTIONS are refused because the runner will not let a step set them.
class GithubActionsExporter : public Exporter {
public:
    using DelimiterSource = std::function<QByteArray()>;

    // By default delimiters come from QRandomGenerator::system(); tests pass a fixed source.
    explicit GithubActionsExporter(DelimiterSource source = {});

    QString id() const override { return QStringLiteral("github-actions"); }
    QString displayName() const override { return QStringLiteral("GitHub Actions $GITHUB_ENV file"); }
    Status check(const ExportEntry &entry) const override;

    // "ghadelimiter_" and 32 random hex digits.
    static QByteArray randomDelimiter();

protected:
    QByteArray renderChecked(const QList<ExportEntry> &entries) const override;
    void renderEntry(const ExportEntry &entry, QByteArray &out) const override;

private:
    QByteArray delimiterFor(const QList<ExportEntry> &entries) const;
    static void appendBlock(const ExportEntry &entry, const QByteArray &delimiter, QByteArray &out);

    DelimiterSource m_source;
};

} // namespace secretdesk
