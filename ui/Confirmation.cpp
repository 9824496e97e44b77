#include "ui/Confirmation.h"

#include <QMessageBox>

namespace secretdesk {

std::optional<bool> Confirmation::s_nextAnswer;

bool Confirmation::ask(QWidget *parent, const QString &title, const QString &text)
{
    if (s_nextAnswer) {
        const bool answer = *s_nextAnswer;
        s_nextAnswer.reset();
        return answer;
    }
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Yes;
}

void Confirmation::setNextAnswer(bool answer)
{
    s_nextAnswer = answer;
}

} // namespace secretdesk
