#pragma once

#include "core/validators/Finding.h"
#include "core/validators/JsonDocument.h"

#include <QByteArray>
#include <QString>

namespace secretdesk {

// A string under validation: a whole string secret or one member of a JSON secret, with the
// byte offset in the original text of each UTF-16 unit (plus one past the end), so rules can
// point at a column and build edits without caring where the string came from.
struct StringField {
    QString value;
    QString pointer; // "" for a whole string secret, "/client_email" for a member
    QList<qsizetype> offsets;

    qsizetype offsetOf(qsizetype index) const
    {
        return offsets.isEmpty() ? 0 : offsets.at(qBound(qsizetype(0), index, offsets.size() - 1));
    }
    // The edit that deletes the units [from, to).
    TextEdit deletion(qsizetype from, qsizetype to) const;
};

// The state of one validation run: the text, its JSON tree when the kind is structured, and
// the findings so far. Validators add findings through report(); the location is derived here.
class ValidationContext {
public:
    ValidationContext(const QByteArray &text, bool json, QString file = {});

    const QByteArray &text() const { return m_text; }
    bool isJson() const { return m_json; }
    // Valid once parse() succeeded (json kinds only).
    const JsonDocument &json() const { return m_doc; }
    // Parses the text as JSON; reports JSON001/JSON002/JSON003 and returns whether the root is an object.
    bool parseObject();

    // The whole value of a string secret.
    StringField wholeString() const;
    // A string member of the root object (or of `object`), or an empty optional-like field.
    bool stringMember(const JsonNode &object, const QString &objectPointer, const QString &key,
                      StringField *out) const;

    void report(Severity severity, const QString &code, const QString &message, qsizetype offset,
                const QString &pointer, Fix fix = {});
    void reportNode(Severity severity, const QString &code, const QString &message, const JsonNode *node,
                    const QString &pointer, Fix fix = {});
    void reportField(Severity severity, const QString &code, const QString &message, const StringField &field,
                     qsizetype index = 0, Fix fix = {});

    const Findings &findings() const { return m_findings; }
    Findings takeFindings();

    static QString pointerTo(const QString &parent, const QString &key);

private:
    QByteArray m_text;
    bool m_json;
    QString m_file;
    JsonDocument m_doc;
    Findings m_findings;
};

} // namespace secretdesk
