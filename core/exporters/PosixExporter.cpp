#include "core/exporters/PosixExporter.h"

#include "core/exporters/EnvNameRules.h"

namespace secretdesk {

PosixExporter::PosixExporter(Dialect dialect)
    : m_dialect(dialect)
{}

QString PosixExporter::id() const
{
    switch (m_dialect) {
    case Dialect::Bash:
        return QStringLiteral("bash");
    case Dialect::Zsh:
        return QStringLiteral("zsh");
    case Dialect::Posix:
        break;
    }
    return QStringLiteral("posix");
}

QString PosixExporter::displayName() const
{
    // The bash and zsh dialects are named by their id; only plain POSIX needs a longer name.
    return m_dialect == Dialect::Posix ? QStringLiteral("POSIX shell (sh, dash, bash, zsh)") : id();
}

Status PosixExporter::check(const ExportEntry &entry) const
{
    if (Status common = checkCommon(QStringLiteral("POSIX"), entry); !common.ok())
        return common;
    if (EnvNameRules::isPosixShellReserved(entry.name))
        return refusal(QStringLiteral("POSIX_NAME_RESERVED"), entry,
                       QStringLiteral("bash, dash or zsh manage this variable themselves"));
    return Status::success();
}

QByteArray PosixExporter::singleQuoted(const QByteArray &value)
{
    QByteArray quoted;
    quoted.reserve(value.size() + 2);
    appendSingleQuoted(value, quoted);
    return quoted;
}

void PosixExporter::appendSingleQuoted(const QByteArray &value, QByteArray &out)
{
    out += '\'';
    qsizetype from = 0;
    for (qsizetype quote = value.indexOf('\''); quote >= 0; quote = value.indexOf('\'', from)) {
        out.append(value.constData() + from, quote - from);
        out += "'\\''";
        from = quote + 1;
    }
    out.append(value.constData() + from, value.size() - from);
    out += '\'';
}

void PosixExporter::renderEntry(const ExportEntry &entry, QByteArray &out) const
{
    out += "export ";
    out += entry.name.toLatin1();
    out += '=';
    // Straight into the output: no intermediate copy of the value is left behind.
    appendSingleQuoted(entry.value, out);
    out += '\n';
}

} // namespace secretdesk
