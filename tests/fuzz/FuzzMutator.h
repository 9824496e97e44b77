#pragma once

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>

namespace secretdesk {

// The GCC build's stand-in for libFuzzer in the corpus replay tests: deterministic small mutations
// of a seed (bit flips, cuts, deleted and repeated ranges, inserted tokens that matter to the parser).
class FuzzMutator {
public:
    FuzzMutator(QList<QByteArray> tokens, quint32 seed)
        : m_tokens(std::move(tokens))
        , m_random(seed)
    {}

    QByteArray mutate(QByteArray input);

private:
    QList<QByteArray> m_tokens;
    QRandomGenerator m_random;
};

} // namespace secretdesk
