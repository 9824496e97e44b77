#include "tests/support/fakeprefect/FakeGraphQl.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace secretdesk::test {

namespace {
struct Field {
    QString alias;
    QString name;
    QJsonObject arguments;
};

// A recursive-descent reader over the query text; any syntax error sets `error`.
class Parser {
public:
    Parser(const QString &text, QJsonObject variables)
        : m_text(text)
        , m_variables(std::move(variables))
    {}

    std::optional<QList<Field>> document(bool &isMutation)
    {
        skip();
        const QString keyword = peekName();
        isMutation = keyword == QLatin1String("mutation");
        if (keyword == QLatin1String("query") || isMutation) {
            name();
            skip();
            if (!peekName().isEmpty())
                name();
            skip();
            if (peek() == QLatin1Char('('))
                variableDefinitions();
        }
        auto fields = selectionSet();
        skip();
        if (m_pos != m_text.size())
            fail(QStringLiteral("unexpected text after the operation"));
        if (!error.isEmpty())
            return std::nullopt;
        return fields;
    }

    QString error;

private:
    QChar peek()
    {
        skip();
        return m_pos < m_text.size() ? m_text.at(m_pos) : QChar();
    }
    void skip()
    {
        while (m_pos < m_text.size() && (m_text.at(m_pos).isSpace() || m_text.at(m_pos) == QLatin1Char(',')))
            ++m_pos;
    }
    void fail(const QString &message)
    {
        if (error.isEmpty())
            error = QStringLiteral("Syntax Error: %1 at %2").arg(message).arg(m_pos);
        m_pos = m_text.size();
    }
    bool expect(QChar c)
    {
        if (peek() != c) {
            fail(QStringLiteral("expected '%1'").arg(c));
            return false;
        }
        ++m_pos;
        return true;
    }
    QString peekName()
    {
        qsizetype end = m_pos;
        while (end < m_text.size() &&
               (m_text.at(end).isLetterOrNumber() || m_text.at(end) == QLatin1Char('_')))
            ++end;
        return m_text.mid(m_pos, end - m_pos);
    }
    QString name()
    {
        skip();
        const QString n = peekName();
        if (n.isEmpty())
            fail(QStringLiteral("expected a name"));
        m_pos += n.size();
        return n;
    }
    void type()
    {
        if (peek() == QLatin1Char('[')) {
            ++m_pos;
            type();
            expect(QLatin1Char(']'));
        } else {
            name();
        }
        if (peek() == QLatin1Char('!'))
            ++m_pos;
    }
    void variableDefinitions()
    {
        expect(QLatin1Char('('));
        while (error.isEmpty() && peek() != QLatin1Char(')')) {
            expect(QLatin1Char('$'));
            const QString variable = name();
            expect(QLatin1Char(':'));
            type();
            if (!m_variables.contains(variable))
                fail(QStringLiteral("variable '$%1' has no value").arg(variable));
        }
        expect(QLatin1Char(')'));
    }
    QJsonValue value()
    {
        const QChar c = peek();
        if (c == QLatin1Char('$')) {
            ++m_pos;
            return m_variables.value(name());
        }
        if (c == QLatin1Char('"')) {
            ++m_pos;
            QString s;
            while (m_pos < m_text.size() && m_text.at(m_pos) != QLatin1Char('"')) {
                if (m_text.at(m_pos) == QLatin1Char('\\'))
                    ++m_pos;
                if (m_pos < m_text.size())
                    s += m_text.at(m_pos++);
            }
            expect(QLatin1Char('"'));
            return s;
        }
        if (c == QLatin1Char('{')) {
            ++m_pos;
            QJsonObject object;
            while (error.isEmpty() && peek() != QLatin1Char('}')) {
                const QString key = name();
                expect(QLatin1Char(':'));
                object.insert(key, value());
            }
            expect(QLatin1Char('}'));
            return object;
        }
        fail(QStringLiteral("unsupported argument value"));
        return {};
    }
    QList<Field> selectionSet()
    {
        QList<Field> fields;
        expect(QLatin1Char('{'));
        while (error.isEmpty() && peek() != QLatin1Char('}')) {
            Field field;
            field.name = name();
            if (peek() == QLatin1Char(':')) {
                ++m_pos;
                field.alias = field.name;
                field.name = name();
            } else {
                field.alias = field.name;
            }
            if (peek() == QLatin1Char('(')) {
                ++m_pos;
                while (error.isEmpty() && peek() != QLatin1Char(')')) {
                    const QString argument = name();
                    expect(QLatin1Char(':'));
                    field.arguments.insert(argument, value());
                }
                expect(QLatin1Char(')'));
            }
            if (peek() == QLatin1Char('{'))
                selectionSet(); // sub-selections ({ success }) are answered in full
            fields.append(field);
        }
        expect(QLatin1Char('}'));
        return fields;
    }

    QString m_text;
    qsizetype m_pos = 0;
    QJsonObject m_variables;
};

QJsonObject fieldError(const QString &alias, const QString &message)
{
    return QJsonObject{{QStringLiteral("message"), message}, {QStringLiteral("path"), QJsonArray{alias}}};
}
} // namespace

QJsonObject FakeGraphQl::execute(const QString &query, const QJsonValue &variables)
{
    QJsonObject vars = variables.toObject();
    if (variables.isString())
        vars = QJsonDocument::fromJson(variables.toString().toUtf8()).object();
    Parser parser(query, vars);
    bool isMutation = false;
    const auto fields = parser.document(isMutation);
    if (!fields) {
        return QJsonObject{
            {QStringLiteral("errors"), QJsonArray{QJsonObject{{QStringLiteral("message"), parser.error}}}}};
    }
    QJsonObject data;
    QJsonArray errors;
    for (const Field &field : *fields) {
        const QJsonObject input = field.arguments.value(QStringLiteral("input")).toObject();
        const QString inputName = input.value(QStringLiteral("name")).toString();
        if (!isMutation && field.name == QLatin1String("secret_names")) {
            QJsonArray names;
            for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it)
                names.append(it.key());
            data.insert(field.alias, names);
        } else if (!isMutation && field.name == QLatin1String("secret_value")) {
            const QString name = field.arguments.value(QStringLiteral("name")).toString();
            if (m_secrets.contains(name)) {
                data.insert(field.alias, m_secrets.value(name));
            } else {
                data.insert(field.alias, QJsonValue::Null);
                errors.append(
                    fieldError(field.alias, QStringLiteral("No value found for the requested key")));
            }
        } else if (isMutation && field.name == QLatin1String("set_secret") && !inputName.isEmpty() &&
                   input.contains(QStringLiteral("value"))) {
            m_secrets.insert(inputName, input.value(QStringLiteral("value")));
            data.insert(field.alias, QJsonObject{{QStringLiteral("success"), true}});
        } else if (isMutation && field.name == QLatin1String("delete_secret") && !inputName.isEmpty()) {
            if (m_secrets.remove(inputName) > 0) {
                data.insert(field.alias, QJsonObject{{QStringLiteral("success"), true}});
            } else {
                data.insert(field.alias, QJsonValue::Null);
                errors.append(fieldError(field.alias, QStringLiteral("Secret not found")));
            }
        } else {
            data.insert(field.alias, QJsonValue::Null);
            errors.append(fieldError(
                field.alias, QStringLiteral("Cannot query field '%1' with these arguments").arg(field.name)));
        }
    }
    QJsonObject response{{QStringLiteral("data"), data}};
    if (!errors.isEmpty())
        response.insert(QStringLiteral("errors"), errors);
    return response;
}

} // namespace secretdesk::test
