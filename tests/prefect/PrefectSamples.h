#pragma once

#include "core/model/SecretValue.h"

#include <QRandomGenerator>
#include <QString>

#include <vector>

// Seeded random secret values that hit Prefect's pitfalls: quotes of every kind, backslashes, "$",
// "${...}", "~", numbers and keywords as text, JSON- and Python-looking text, unicode, control
// characters, and nested JSON objects. Generated at test time; nothing here is a real credential.
class PrefectSamples {
public:
    explicit PrefectSamples(quint32 seed)
        : m_random(seed)
    {}

    secretdesk::SecretValue next();
    std::vector<secretdesk::SecretValue> take(int count);

    QString randomText();

private:
    QString fragment();
    QString jsonValue(int depth);
    QString jsonObject(int depth);

    QRandomGenerator m_random;
};
