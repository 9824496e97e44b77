#pragma once

#include "core/model/Result.h"

#include <QString>
#include <QStringList>

namespace secretdesk {

// A secret's name, checked against what Prefect can carry (docs/../spec prefect-secrets.md §2):
// an identifier usable as an environment variable, without "__" (Prefect splits it into nested
// tables) and not shadowing a method of Prefect's Config object (which breaks `import prefect`).
class SecretName {
public:
    static constexpr int MaxLength = 128;

    static Result<SecretName> parse(const QString &text);
    // The names that shadow a Config/Box method; matched case-sensitively, as Python does.
    static const QStringList &reservedNames();

    const QString &toString() const { return m_text; }
    friend bool operator==(const SecretName &, const SecretName &) = default;
    friend auto operator<=>(const SecretName &a, const SecretName &b)
    {
        return a.m_text.compare(b.m_text) <=> 0;
    }

private:
    explicit SecretName(QString text)
        : m_text(std::move(text))
    {}
    QString m_text;
};

// A profile keeps one set of secrets apart from another (dev, prod).
class ProfileName {
public:
    static constexpr int MaxLength = 64;
    static Result<ProfileName> parse(const QString &text);
    static ProfileName defaultProfile();

    const QString &toString() const { return m_text; }
    friend bool operator==(const ProfileName &, const ProfileName &) = default;

private:
    explicit ProfileName(QString text)
        : m_text(std::move(text))
    {}
    QString m_text;
};

} // namespace secretdesk
