#pragma once

#include <QByteArray>
#include <QStringList>
#include <QTemporaryDir>

namespace secretdesk::test {

// A private folder standing in for HOME and the XDG folders of a process under test.
class TempHome {
public:
    TempHome();
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString dataHome() const { return path() + QStringLiteral("/data"); }
    QString configHome() const { return path() + QStringLiteral("/config"); }
    QString cacheHome() const { return path() + QStringLiteral("/cache"); }
    QString stateHome() const { return path() + QStringLiteral("/state"); }
    QString tempDir() const { return path() + QStringLiteral("/tmp"); }
    QString catalogPath() const { return dataHome() + QStringLiteral("/secretdesk/catalog.json"); }
    // HOME, XDG_DATA/CONFIG/CACHE/STATE_HOME and TMPDIR pointing here, for a child process.
    QStringList environment(const QStringList &base) const;
    // Every file below the folder holding `needle` (raw, base64, hex or JSON-escaped).
    QStringList filesContaining(const QByteArray &needle) const;

private:
    QTemporaryDir m_dir;
};

// The forms a leaked value may take in a file.
QList<QByteArray> leakForms(const QByteArray &value);
// Files below `root` whose bytes contain any form of `value`.
QStringList filesContaining(const QString &root, const QByteArray &value);

} // namespace secretdesk::test
