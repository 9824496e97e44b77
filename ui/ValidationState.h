#pragma once

#include "core/validators/Finding.h"

#include <QIcon>
#include <QString>

namespace secretdesk {

// What the window knows about a secret's value without keeping it: the worst finding of the last
// time its value was read this session (reveal, copy, edit). Values live only in the keychain and
// the catalog has no room for findings, so a secret nobody opened yet is NotChecked, and lock
// forgets every state again (a state is derived from the value, so it goes with the values).
enum class ValidationState { NotChecked, Valid, Warnings, Errors };

// Errors if any finding is an error, else Warnings if any is a warning, else Valid (hints only).
ValidationState validationStateOf(const Findings &findings);
// "valid", "warnings", "errors", "not checked" (translated; also the cell's accessible text).
QString validationStateText(ValidationState state);
// The keyword the search grammar uses: "valid", "warnings", "errors", "unchecked".
QString validationStateKeyword(ValidationState state);
// A scalable SVG icon per state (resources/icons/validation-<keyword>.svg); callers that paint
// often keep the four icons (building one looks up the SVG icon engine).
QIcon validationStateIcon(ValidationState state);

} // namespace secretdesk
