#include "ui/dialogs/ThemePalette.h"

#include <QApplication>
#include <QDirIterator>
#include <QIcon>
#include <QStyle>
#include <QTest>

using namespace secretdesk;

// Themes offscreen: Light and Dark leave no colour role unset in any group, System gives the desktop's
// palette back, and the icons are SVG so they render sharp at any scale.
class TestThemePalette : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void everyRoleOfEveryGroupIsSet_data();
    void everyRoleOfEveryGroupIsSet();
    void textIsReadable_data();
    void textIsReadable();
    void systemRestoresTheDesktopPalette();
    void iconsAreScalable();
};

void TestThemePalette::cleanup()
{
    ThemePalette::apply(AppSettings::Theme::System);
}

void TestThemePalette::everyRoleOfEveryGroupIsSet_data()
{
    QTest::addColumn<AppSettings::Theme>("theme");
    QTest::newRow("light") << AppSettings::Theme::Light;
    QTest::newRow("dark") << AppSettings::Theme::Dark;
}

void TestThemePalette::everyRoleOfEveryGroupIsSet()
{
    QFETCH(AppSettings::Theme, theme);
    ThemePalette::apply(theme);
    const QPalette palette = QApplication::palette();
    QCOMPARE(palette, ThemePalette::paletteFor(theme));
    for (auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        for (int role = 0; role < QPalette::NColorRoles; ++role) {
            if (role == QPalette::NoRole)
                continue;
            QVERIFY2(palette.isBrushSet(group, static_cast<QPalette::ColorRole>(role)),
                     qPrintable(QStringLiteral("group %1 role %2 not set").arg(group).arg(role)));
        }
    }
    // Disabled text reads as disabled: it differs from the active text.
    QVERIFY(palette.color(QPalette::Disabled, QPalette::Text) !=
            palette.color(QPalette::Active, QPalette::Text));
}

void TestThemePalette::textIsReadable_data()
{
    everyRoleOfEveryGroupIsSet_data();
}

void TestThemePalette::textIsReadable()
{
    QFETCH(AppSettings::Theme, theme);
    const QPalette p = ThemePalette::paletteFor(theme);
    const auto contrast = [](const QColor &a, const QColor &b) {
        return std::abs(a.lightnessF() - b.lightnessF());
    };
    QVERIFY(contrast(p.color(QPalette::Text), p.color(QPalette::Base)) > 0.6);
    QVERIFY(contrast(p.color(QPalette::WindowText), p.color(QPalette::Window)) > 0.6);
    QVERIFY(contrast(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) > 0.3);
    QVERIFY(contrast(p.color(QPalette::Link), p.color(QPalette::Base)) > 0.3);
    QVERIFY(contrast(p.color(QPalette::PlaceholderText), p.color(QPalette::Base)) > 0.25);
    QCOMPARE(ThemePalette::isDark(p), theme == AppSettings::Theme::Dark);
}

void TestThemePalette::systemRestoresTheDesktopPalette()
{
    ThemePalette::apply(AppSettings::Theme::Dark);
    QVERIFY(ThemePalette::isDark(QApplication::palette()));
    ThemePalette::apply(AppSettings::Theme::System);
    // No palette of our own is left, so the platform theme's colours (none offscreen: the style's
    // standard palette) show, and follow the desktop when it changes.
    QCOMPARE(QApplication::palette().resolveMask(), QPalette::ResolveMask(0));
    const QPalette standard = QApplication::style()->standardPalette();
    QCOMPARE(QApplication::palette().color(QPalette::Window), standard.color(QPalette::Window));
    QCOMPARE(QApplication::palette().color(QPalette::Text), standard.color(QPalette::Text));
    QCOMPARE(QApplication::palette().color(QPalette::Disabled, QPalette::Text),
             standard.color(QPalette::Disabled, QPalette::Text));
}

void TestThemePalette::iconsAreScalable()
{
    const QString folder = qEnvironmentVariable("SECRETDESK_SOURCE_DIR") + QStringLiteral("/resources/icons");
    QDirIterator it(folder, QDir::Files);
    int icons = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QVERIFY2(path.endsWith(QLatin1String(".svg")), qPrintable(path + QStringLiteral(" is not an SVG")));
        // The SVG icon engine renders at the asked size, not a scaled-up bitmap.
        const QIcon icon(path);
        const QPixmap big = icon.pixmap(QSize(256, 256));
        QVERIFY2(!big.isNull(), qPrintable(path));
        QCOMPARE(big.size(), QSize(256, 256));
        ++icons;
    }
    QVERIFY(icons > 0);
}

QTEST_MAIN(TestThemePalette)
#include "tst_themepalette.moc"
