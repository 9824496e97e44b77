#include "app/cli/ValueInput.h"

#include <QFile>

namespace secretdesk::cli {

namespace {
constexpr qsizetype MaxValueBytes = 1024 * 1024;

Diagnostic tooLarge(const QString &where)
{
    return Diagnostic::error(
        Failure::InvalidInput, QStringLiteral("INPUT002"),
        QStringLiteral("%1 is larger than %2 bytes; the keychain is not meant for such values")
            .arg(where)
            .arg(MaxValueBytes));
}
} // namespace

void ValueInput::addOptions(QCommandLineParser &parser) const
{
    parser.addOption(m_stdin);
    parser.addOption(m_raw);
    parser.addOption(m_file);
}

Result<QByteArray> ValueInput::read(CliContext &context, const QCommandLineParser &parser,
                                    const QString &what) const
{
    if (parser.isSet(m_stdin) && parser.isSet(m_file)) {
        return Diagnostic::error(Failure::InvalidInput, QStringLiteral("INPUT001"),
                                 QStringLiteral("use either --stdin or --from-file, not both"));
    }
    if (parser.isSet(m_file)) {
        QFile file(parser.value(m_file));
        if (!file.open(QIODevice::ReadOnly)) {
            Location where;
            where.file = file.fileName();
            return Diagnostic::error(
                file.exists() ? Failure::Io : Failure::NotFound, QStringLiteral("INPUT003"),
                QStringLiteral("cannot read the file: %1").arg(file.errorString()), where);
        }
        QByteArray bytes = file.read(MaxValueBytes + 1);
        if (bytes.size() > MaxValueBytes)
            return tooLarge(file.fileName());
        return bytes;
    }
    if (parser.isSet(m_stdin)) {
        QByteArray bytes;
        // Standard input is a QFile over fd 0: read() blocks until data or end of input.
        while (bytes.size() <= MaxValueBytes) {
            const QByteArray chunk = context.in->read(64 * 1024);
            if (chunk.isEmpty())
                break;
            bytes += chunk;
        }
        if (bytes.size() > MaxValueBytes)
            return tooLarge(QStringLiteral("standard input"));
        if (!parser.isSet(m_raw) && bytes.endsWith('\n')) {
            bytes.chop(1);
            if (bytes.endsWith('\r'))
                bytes.chop(1);
        }
        return bytes;
    }
    if (context.inIsTerminal && context.readHidden)
        return context.readHidden(QStringLiteral("%1: ").arg(what));
    return Diagnostic::error(
        Failure::InvalidInput, QStringLiteral("INPUT004"),
        QStringLiteral("no value given: pass --stdin or --from-file FILE (values are never "
                       "taken from the command line)"));
}

} // namespace secretdesk::cli
