#pragma once

#include <QByteArray>
#include <QList>

namespace secretdesk {

// Replaces every occurrence of the given values in a byte stream with "*****", also when a value
// arrives split across two reads. Only the bytes that could still begin a value are held back, so
// prompts and partial lines flow through at once.
class OutputMasker {
public:
    static constexpr int MinimumLength = 4; // shorter values would mask ordinary text
    static constexpr char Mask[] = "*****";

    explicit OutputMasker(const QList<QByteArray> &values);
    ~OutputMasker();

    // Returns what can be written now.
    QByteArray feed(const QByteArray &chunk);
    // Returns the rest at the end of the stream.
    QByteArray finish();

private:
    qsizetype firstOpenStart(const QByteArray &text, qsizetype from) const;
    QByteArray process(bool final);

    QList<QByteArray> m_values; // longest first, so a value containing another is masked whole
    QByteArray m_pending;
    qsizetype m_longest = 0;
};

} // namespace secretdesk
