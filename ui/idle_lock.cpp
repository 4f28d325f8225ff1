#include "idle_lock.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

namespace noteward::ui {

IdleLock::IdleLock(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDefaultMinutes * 60 * 1000);
    connect(m_timer, &QTimer::timeout, this, &IdleLock::idle);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleLock::~IdleLock()
{
    if (auto* app = QCoreApplication::instance()) app->removeEventFilter(this);
}

void IdleLock::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
    if (m_active) m_timer->start();
}

int IdleLock::interval() const { return m_timer->interval(); }

void IdleLock::setActive(bool active)
{
    m_active = active;
    if (active) m_timer->start();
    else m_timer->stop();
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event)
{
    if (m_active) {
        switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
            m_timer->start();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace noteward::ui
