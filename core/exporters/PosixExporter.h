#pragma once

#include "core/exporters/Exporter.h"

namespace secretdesk {

// `export NAME='value'` lines for sh, dash, bash and zsh (`. file` or `eval "$(…)"`). Inside
// single quotes nothing is special, so each ' is written as '\'' and newlines stay literal. The
// same text serves the three ids posix, bash and zsh; only the id and display name differ.
class PosixExporter : public Exporter {
public:
    enum class Dialect { Posix, Bash, Zsh };
    explicit PosixExporter(Dialect dialect = Dialect::Posix);

    QString id() const override;
    QString displayName() const override;
    Status check(const ExportEntry &entry) const override;

    // 'value' with each ' written as '\'' (shared with callers that build command lines).
    static QByteArray singleQuoted(const QByteArray &value);
    static void appendSingleQuoted(const QByteArray &value, QByteArray &out);

protected:
    void renderEntry(const ExportEntry &entry, QByteArray &out) const override;

private:
    Dialect m_dialect;
};

} // namespace secretdesk
