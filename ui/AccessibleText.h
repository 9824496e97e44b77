#pragma once

#include <QCoreApplication>
#include <QLineEdit>
#include <QString>
#include <QToolButton>

namespace secretdesk {

// Every control carries an object name (tests, screenshots and the accessibility walk find it by
// that) and the accessible name and description a screen reader speaks: one call sets all three.
template<class W>
W *described(W *widget, const QString &objectName, const QString &name, const QString &description)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(name);
    widget->setAccessibleDescription(description);
    return widget;
}

template<class W>
W *described(W *widget, const char *objectName, const QString &name, const QString &description)
{
    return described(widget, QString::fromLatin1(objectName), name, description);
}

// The clear button of a QLineEdit with setClearButtonEnabled() is a button of its own for a screen
// reader, with no name: say what it does.
inline void describeClearButton(QLineEdit *edit, const QString &description)
{
    for (auto *button : edit->findChildren<QToolButton *>()) {
        button->setAccessibleName(QCoreApplication::translate("secretdesk::AccessibleText", "Clear search"));
        button->setAccessibleDescription(description);
    }
}

} // namespace secretdesk
