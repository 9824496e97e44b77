// Pre-included by scripts/fuzz into every C++ file of the clang build. clang (unlike GCC) wants
// QDebug complete for the deleted operator<<(QDebug, const SecretValue &) in
// core/model/SecretValue.h, which only forward-declares it. __has_include keeps CMake's compiler
// check (no Qt include path there) working. Remove once that header includes <QDebug> itself.
#if defined(__cplusplus) && __has_include(<QtCore/qdebug.h>)
#include <QtCore/qdebug.h>
#endif
