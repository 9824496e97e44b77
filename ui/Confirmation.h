#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace secretdesk {

// Asks the user to confirm a destructive action. Tests answer in advance with setNextAnswer(),
// so no modal box blocks an offscreen run.
class Confirmation {
public:
    static bool ask(QWidget *parent, const QString &title, const QString &text);
    static void setNextAnswer(bool answer);

private:
    static std::optional<bool> s_nextAnswer;
};

} // namespace secretdesk
