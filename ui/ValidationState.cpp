#include "ui/ValidationState.h"

#include <QCoreApplication>

namespace secretdesk {

ValidationState validationStateOf(const Findings &findings)
{
    ValidationState state = ValidationState::Valid;
    for (const Finding &finding : findings) {
        if (finding.severity() == Severity::Error)
            return ValidationState::Errors;
        if (finding.severity() == Severity::Warning)
            state = ValidationState::Warnings;
    }
    return state;
}

QString validationStateText(ValidationState state)
{
    switch (state) {
    case ValidationState::Valid:
        return QCoreApplication::translate("ValidationState", "valid");
    case ValidationState::Warnings:
        return QCoreApplication::translate("ValidationState", "warnings");
    case ValidationState::Errors:
        return QCoreApplication::translate("ValidationState", "errors");
    case ValidationState::NotChecked:
        break;
    }
    return QCoreApplication::translate("ValidationState", "not checked");
}

QString validationStateKeyword(ValidationState state)
{
    switch (state) {
    case ValidationState::Valid:
        return QStringLiteral("valid");
    case ValidationState::Warnings:
        return QStringLiteral("warnings");
    case ValidationState::Errors:
        return QStringLiteral("errors");
    case ValidationState::NotChecked:
        break;
    }
    return QStringLiteral("unchecked");
}

QIcon validationStateIcon(ValidationState state)
{
    return QIcon(QStringLiteral(":/icons/validation-%1.svg").arg(validationStateKeyword(state)));
}

} // namespace secretdesk
