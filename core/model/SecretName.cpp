#include "core/model/SecretName.h"

namespace secretdesk {

namespace {
bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}
bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

Diagnostic nameError(const QString &code, const QString &message)
{
    return Diagnostic::error(Failure::InvalidInput, code, message);
}
} // namespace

const QStringList &SecretName::reservedNames()
{
    // dict methods, Box (5.x, as pinned by Prefect 1.x) helpers, and Prefect's own Config methods.
    static const QStringList names = {
        QStringLiteral("clear"),      QStringLiteral("copy"),         QStringLiteral("fromkeys"),
        QStringLiteral("get"),        QStringLiteral("items"),        QStringLiteral("keys"),
        QStringLiteral("pop"),        QStringLiteral("popitem"),      QStringLiteral("setdefault"),
        QStringLiteral("update"),     QStringLiteral("values"),       QStringLiteral("to_dict"),
        QStringLiteral("to_json"),    QStringLiteral("to_yaml"),      QStringLiteral("to_toml"),
        QStringLiteral("to_msgpack"), QStringLiteral("from_json"),    QStringLiteral("from_yaml"),
        QStringLiteral("from_toml"),  QStringLiteral("from_msgpack"), QStringLiteral("merge_update"),
        QStringLiteral("get_nested"), QStringLiteral("set_nested"),   QStringLiteral("setdefault_nested"),
    };
    return names;
}

Result<SecretName> SecretName::parse(const QString &text)
{
    if (text.isEmpty())
        return nameError(QStringLiteral("NAME001"), QStringLiteral("a secret name cannot be empty"));
    if (text.size() > MaxLength) {
        return nameError(QStringLiteral("NAME002"),
                         QStringLiteral("a secret name is at most %1 characters long (this one has %2)")
                             .arg(MaxLength)
                             .arg(text.size()));
    }
    if (!isAsciiLetter(text.front())) {
        return nameError(QStringLiteral("NAME003"),
                         QStringLiteral("a secret name must start with an ASCII letter (A-Z, a-z)"));
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != u'_') {
            return nameError(QStringLiteral("NAME004"),
                             QStringLiteral("character %1 of the name is not allowed: use only A-Z, a-z, "
                                            "0-9 and _ (the name becomes an environment variable)")
                                 .arg(i + 1));
        }
    }
    if (text.contains(QLatin1String("__"))) {
        return nameError(QStringLiteral("NAME005"),
                         QStringLiteral("a secret name cannot contain \"__\": Prefect splits names there "
                                        "into nested tables"));
    }
    if (reservedNames().contains(text)) {
        return nameError(QStringLiteral("NAME006"),
                         QStringLiteral("'%1' shadows a method of Prefect's configuration object and would "
                                        "make `import prefect` fail")
                             .arg(text));
    }
    return SecretName(text);
}

Result<ProfileName> ProfileName::parse(const QString &text)
{
    if (text.isEmpty() || text.size() > MaxLength) {
        return nameError(QStringLiteral("PROFILE001"),
                         QStringLiteral("a profile name has 1 to %1 characters").arg(MaxLength));
    }
    if (!isAsciiLetter(text.front()) && !isAsciiDigit(text.front())) {
        return nameError(QStringLiteral("PROFILE002"),
                         QStringLiteral("a profile name must start with a letter or digit"));
    }
    for (const QChar c : text) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != u'-' && c != u'_' && c != u'.') {
            return nameError(QStringLiteral("PROFILE003"),
                             QStringLiteral("a profile name may only hold A-Z, a-z, 0-9, '.', '-' and '_'"));
        }
    }
    return ProfileName(text);
}

ProfileName ProfileName::defaultProfile()
{
    return ProfileName(QStringLiteral("default"));
}

} // namespace secretdesk
