#include "ui/AppSettings.h"

#include <QSettings>

#include <algorithm>

namespace secretdesk {

namespace {

const QString clipboardKey = QStringLiteral("clipboard/clearAfterSeconds");
const QString lockKey = QStringLiteral("lock/idleMinutes");
const QString formatKey = QStringLiteral("export/format");
const QString styleKey = QStringLiteral("export/style");
const QString themeKey = QStringLiteral("appearance/theme");

bool isKnownStyle(const QString &style)
{
    return style == QLatin1String("own") || style == QLatin1String("context") ||
           style == QLatin1String("plain");
}

} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(new QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("secretdesk"),
                               QStringLiteral("secretdesk"), this))
{}

AppSettings::~AppSettings() = default;

int AppSettings::clipboardSeconds() const
{
    const int seconds = m_settings->value(clipboardKey, defaultClipboardSeconds).toInt();
    return std::clamp(seconds, minClipboardSeconds, maxClipboardSeconds);
}

void AppSettings::setClipboardSeconds(int seconds)
{
    store(clipboardKey, std::clamp(seconds, minClipboardSeconds, maxClipboardSeconds));
}

int AppSettings::lockMinutes() const
{
    return std::clamp(m_settings->value(lockKey, defaultLockMinutes).toInt(), 0, maxLockMinutes);
}

void AppSettings::setLockMinutes(int minutes)
{
    store(lockKey, std::clamp(minutes, 0, maxLockMinutes));
}

QString AppSettings::exportFormat() const
{
    const QString id = m_settings->value(formatKey).toString();
    return id.isEmpty() ? QStringLiteral("posix") : id;
}

void AppSettings::setExportFormat(const QString &id)
{
    store(formatKey, id);
}

QString AppSettings::exportStyle() const
{
    const QString style = m_settings->value(styleKey).toString();
    return isKnownStyle(style) ? style : QStringLiteral("own");
}

void AppSettings::setExportStyle(const QString &style)
{
    if (isKnownStyle(style))
        store(styleKey, style);
}

AppSettings::Theme AppSettings::theme() const
{
    return themeFromName(m_settings->value(themeKey).toString());
}

void AppSettings::setTheme(Theme theme)
{
    store(themeKey, themeName(theme));
}

QString AppSettings::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

AppSettings::Theme AppSettings::themeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void AppSettings::store(const QString &key, const QVariant &value)
{
    if (m_settings->value(key) == value)
        return;
    m_settings->setValue(key, value);
    m_settings->sync();
    Q_EMIT changed();
}

} // namespace secretdesk
