#pragma once

#include "core/model/SecretName.h"

#include <QIODevice>
#include <QTextStream>

#include <functional>

namespace secretdesk {
class SecretStore;
}

namespace secretdesk::cli {

// What a command may touch: its streams, the store, and the profile chosen on the command line.
// Tests build one over QBuffers and run commands in-process.
struct CliContext {
    QIODevice *in = nullptr;
    QIODevice *out = nullptr;
    QIODevice *err = nullptr;
    bool inIsTerminal = false;
    SecretStore *store = nullptr;
    ProfileName profile = ProfileName::defaultProfile();
    // Reads a line without echo from the terminal (the value prompt); replaced in tests.
    std::function<QByteArray(const QString &prompt)> readHidden;

    void write(const QByteArray &bytes) const { out->write(bytes); }
    void print(const QString &text) const { out->write(text.toUtf8()); }
    void message(const QString &text) const { err->write(text.toUtf8() + '\n'); }
    // Prints the diagnostic to stderr and returns the matching exit code.
    int fail(const Diagnostic &diagnostic) const;
    int usage(const QString &text) const;
};

} // namespace secretdesk::cli
