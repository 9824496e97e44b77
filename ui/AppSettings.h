#pragma once

#include <QObject>
#include <QString>

class QSettings;

namespace secretdesk {

// The GUI's preferences, kept with QSettings (secretdesk/secretdesk.ini under XDG_CONFIG_HOME on Linux).
// Never a value, a name or anything read from the keychain: only timings and defaults.
// Every setter clamps to the documented range and emits changed() when something moved, so
// that the window, the clipboard and the lock follow a change made in the settings dialog.
class AppSettings : public QObject {
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };

    static constexpr int defaultClipboardSeconds = 20;
    static constexpr int minClipboardSeconds = 5;
    static constexpr int maxClipboardSeconds = 600;
    static constexpr int defaultLockMinutes = 10;
    static constexpr int maxLockMinutes = 24 * 60; // 0 means never lock when idle

    explicit AppSettings(QObject *parent = nullptr);
    ~AppSettings() override;

    int clipboardSeconds() const;
    void setClipboardSeconds(int seconds);
    int lockMinutes() const;
    void setLockMinutes(int minutes);
    // An ExporterRegistry id ("posix", "bash", "fish", "dotenv", ...); "posix" until chosen.
    QString exportFormat() const;
    void setExportFormat(const QString &id);
    // "own" (each secret's target), "context" or "plain".
    QString exportStyle() const;
    void setExportStyle(const QString &style);
    Theme theme() const;
    void setTheme(Theme theme);

    static QString themeName(Theme theme);
    static Theme themeFromName(const QString &name);

Q_SIGNALS:
    void changed();

private:
    void store(const QString &key, const QVariant &value);

    QSettings *m_settings;
};

} // namespace secretdesk
