#include "core/run/OutputMasker.h"

#include "core/model/SecureBytes.h"

#include <algorithm>

namespace secretdesk {

OutputMasker::OutputMasker(const QList<QByteArray> &values)
{
    for (const QByteArray &value : values) {
        if (value.size() >= MinimumLength && !m_values.contains(value))
            m_values.append(QByteArray(value.constData(), value.size()));
    }
    std::sort(m_values.begin(), m_values.end(),
              [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
    m_longest = m_values.isEmpty() ? 0 : m_values.constFirst().size();
}

OutputMasker::~OutputMasker()
{
    for (QByteArray &value : m_values)
        wipeBytes(value);
    wipeBytes(m_pending);
}

qsizetype OutputMasker::firstOpenStart(const QByteArray &text, qsizetype from) const
{
    // The earliest position whose tail is an unfinished beginning of some value: what follows may
    // complete it, so nothing from there on can be written yet.
    for (qsizetype q = std::max(from, text.size() - m_longest + 1); q < text.size(); ++q) {
        const QByteArrayView tail(text.constData() + q, text.size() - q);
        for (const QByteArray &value : m_values) {
            if (value.size() > tail.size() && QByteArrayView(value).startsWith(tail))
                return q;
        }
    }
    return -1;
}

QByteArray OutputMasker::process(bool final)
{
    QByteArray out;
    qsizetype pos = 0;
    while (pos < m_pending.size()) {
        // The earliest complete match wins; at the same position the longest (values are sorted so).
        qsizetype best = -1;
        qsizetype bestLength = 0;
        for (const QByteArray &value : m_values) {
            const qsizetype at = m_pending.indexOf(value, pos);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
                bestLength = value.size();
            }
        }
        const qsizetype open = final ? -1 : firstOpenStart(m_pending, pos);
        if (open >= 0 && (best < 0 || open <= best)) { // at the same place a longer value may still complete
            out += m_pending.mid(pos, open - pos);
            pos = open;
            break;
        }
        if (best < 0) {
            out += m_pending.mid(pos);
            pos = m_pending.size();
            break;
        }
        out += m_pending.mid(pos, best - pos);
        out += Mask;
        pos = best + bestLength;
    }
    QByteArray keep = m_pending.mid(pos);
    wipeBytes(m_pending);
    m_pending = keep;
    return out;
}

QByteArray OutputMasker::feed(const QByteArray &chunk)
{
    m_pending += chunk;
    return process(false);
}

QByteArray OutputMasker::finish()
{
    return process(true);
}

} // namespace secretdesk
