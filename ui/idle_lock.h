#pragma once

#include <QObject>

class QTimer;

namespace noteward::ui {

// Locks after a stretch without keyboard or mouse input anywhere in the application
// (KeePassXC's InactivityTimer shape): an application-wide event filter restarts a
// single-shot timer. The interval is a setting; tests set milliseconds instead of waiting.
class IdleLock : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultMinutes = 10;

    explicit IdleLock(QObject* parent = nullptr);
    ~IdleLock() override;

    void setInterval(int milliseconds);
    int interval() const;
    void setActive(bool active);

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer* m_timer;
    bool m_active = false;
};

}  // namespace noteward::ui
