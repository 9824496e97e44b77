#include "core/validators/AwsCredentialsValidator.h"

#include "core/validators/MaskedExcerpt.h"

#include <QRegularExpression>

namespace secretdesk {

// Codes: AWS011 the field holds an IAM ID that is not a key, AWS012 unusual prefix or length,
// AWS013 body outside base32, AWS014 documentation placeholder, AWS015 the account (hint),
// AWS030 temporary key without SESSION_TOKEN, AWS031 SESSION_TOKEN with a long-lived key.
QString AwsCredentialsValidator::accountId(const QString &accessKeyId)
{
    if (accessKeyId.size() != 20 || accessKeyId.startsWith(QLatin1String("AKIAI")) ||
        accessKeyId.startsWith(QLatin1String("AKIAJ")))
        return {};
    quint64 bits = 0;
    int count = 0;
    QByteArray bytes;
    for (const QChar c : QStringView(accessKeyId).mid(4)) {
        int v = -1;
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            v = c.unicode() - 'A';
        else if (c >= QLatin1Char('2') && c <= QLatin1Char('7'))
            v = c.unicode() - '2' + 26;
        if (v < 0)
            return {};
        bits = (bits << 5) | static_cast<quint64>(v);
        count += 5;
        if (count >= 8) {
            count -= 8;
            bytes.append(static_cast<char>((bits >> count) & 0xFF));
        }
    }
    quint64 z = 0;
    for (int i = 0; i < 6; ++i)
        z = (z << 8) | static_cast<quint8>(bytes.at(i));
    return QStringLiteral("%1").arg((z & 0x7fffffffff80ULL) >> 7, 12, 10, QLatin1Char('0'));
}

void AwsCredentialsValidator::checkObject(ValidationContext &context, const FormatSpec &spec,
                                          const VariantSpec &) const
{
    const JsonNode &root = context.json().root();
    StringField key;
    const bool hasKey = context.stringMember(root, {}, QStringLiteral("ACCESS_KEY"), &key);
    StringField session;
    const bool hasSession = context.stringMember(root, {}, QStringLiteral("SESSION_TOKEN"), &session) &&
                            !session.value.trimmed().isEmpty();
    if (!hasKey)
        return;
    const QString id = key.value.trimmed();
    if (id.isEmpty())
        return;
    const QString prefix = id.left(4);
    const QString excerpt = MaskedExcerpt::of(id);
    static const QStringList keyPrefixes = {QStringLiteral("AKIA"), QStringLiteral("ASIA"),
                                            QStringLiteral("ABIA"), QStringLiteral("ACCA"),
                                            QStringLiteral("A3T")};
    static const QStringList otherIds = {
        QStringLiteral("AIDA"), QStringLiteral("AROA"), QStringLiteral("AGPA"), QStringLiteral("AIPA"),
        QStringLiteral("ANPA"), QStringLiteral("ANVA"), QStringLiteral("APKA"), QStringLiteral("ASCA")};
    if (otherIds.contains(prefix)) {
        static const QHash<QString, QString> what = {
            {QStringLiteral("AIDA"), QStringLiteral("an IAM user ID")},
            {QStringLiteral("AROA"), QStringLiteral("a role ID")},
            {QStringLiteral("AGPA"), QStringLiteral("a group ID")},
            {QStringLiteral("AIPA"), QStringLiteral("an instance profile ID")},
            {QStringLiteral("ANPA"), QStringLiteral("a managed policy ID")},
            {QStringLiteral("ANVA"), QStringLiteral("a policy version ID")},
            {QStringLiteral("APKA"), QStringLiteral("a public key ID")},
            {QStringLiteral("ASCA"), QStringLiteral("a certificate ID")}};
        context.reportField(
            Severity::Error, spec.code(11),
            QStringLiteral("ACCESS_KEY starts with %1, which is %2, not an access key ID (AKIA… or ASIA…)")
                .arg(prefix, what.value(prefix)),
            key);
        return;
    }
    const bool knownPrefix = std::any_of(keyPrefixes.cbegin(), keyPrefixes.cend(),
                                         [&](const QString &p) { return id.startsWith(p); });
    if (!knownPrefix || id.size() != 20) {
        context.reportField(Severity::Warning, spec.code(12),
                            QStringLiteral("ACCESS_KEY %1 is unusual: access key IDs are 20 characters "
                                           "starting AKIA (or ASIA for temporary keys)")
                                .arg(MaskedExcerpt::withLength(id)),
                            key);
    } else {
        static const QRegularExpression base32(QStringLiteral("^[A-Z2-7]{16}$"));
        if (!base32.match(QStringView(id).mid(4)).hasMatch())
            context.reportField(Severity::Warning, spec.code(13),
                                QStringLiteral("ACCESS_KEY %1 has characters outside A-Z and 2-7 after the "
                                               "prefix: check for typos (0/O, 1/I, 8/B)")
                                    .arg(excerpt),
                                key, 4);
    }
    if (id.endsWith(QLatin1String("EXAMPLE")))
        context.reportField(
            Severity::Warning, spec.code(14),
            QStringLiteral("ACCESS_KEY is the placeholder from the AWS documentation, not a real key"), key);
    else if (const QString account = accountId(id); !account.isEmpty() && knownPrefix)
        context.reportField(Severity::Hint, spec.code(15),
                            QStringLiteral("this access key belongs to AWS account %1").arg(account), key);

    if (prefix == QLatin1String("ASIA") && !hasSession) {
        const JsonNode *node = context.json().member(root, QStringLiteral("ACCESS_KEY"));
        context.reportNode(
            Severity::Error, spec.code(30),
            QStringLiteral("ACCESS_KEY is a temporary (ASIA…) key: SESSION_TOKEN is required with it"), node,
            key.pointer);
    }
    if (prefix == QLatin1String("AKIA") && hasSession)
        context.reportField(
            Severity::Warning, spec.code(31),
            QStringLiteral(
                "SESSION_TOKEN is set but ACCESS_KEY is a long-lived (AKIA…) key: AWS will reject the pair"),
            session);
}

} // namespace secretdesk
