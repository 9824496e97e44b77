#include "FuzzMutator.h"

namespace secretdesk {

QByteArray FuzzMutator::mutate(QByteArray input)
{
    const int steps = 1 + m_random.bounded(4);
    for (int i = 0; i < steps; ++i) {
        const qsizetype pos = input.isEmpty() ? 0 : m_random.bounded(input.size() + 1);
        switch (m_random.bounded(5)) {
        case 0: // flip a bit
            if (!input.isEmpty())
                input[qMin(pos, input.size() - 1)] ^= static_cast<char>(1 << m_random.bounded(8));
            break;
        case 1: // truncate
            input.truncate(pos);
            break;
        case 2: // insert a token
            if (!m_tokens.isEmpty())
                input.insert(pos, m_tokens.at(m_random.bounded(m_tokens.size())));
            break;
        case 3: // delete a range
            input.remove(pos, m_random.bounded(16));
            break;
        default: // duplicate a range
            input.insert(pos, input.mid(m_random.bounded(input.size() + 1), m_random.bounded(64)));
        }
    }
    return input;
}

} // namespace secretdesk
