#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace secretdesk {

// The status bar's progress for long work (import, sync): a label saying what runs and a real
// progress bar, hidden while nothing runs. Fed by the dialogs' progress(done, total) signals.
class StatusProgress : public QWidget {
    Q_OBJECT
public:
    explicit StatusProgress(QWidget *parent = nullptr);

    // Names the work that progress() reports next ("Importing", "Syncing").
    void begin(const QString &what);
    // total 0 shows a busy bar; done >= total finishes and hides.
    void progress(int done, int total);
    void finish();
    bool isRunning() const;
    QProgressBar *bar() const { return m_bar; }

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QString m_what;
};

} // namespace secretdesk
