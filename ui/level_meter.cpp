#include "level_meter.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace noteward::ui {

namespace {
constexpr double kFloorDb = -60.0;
}

double meterFraction(float level)
{
    if (!(level > 0)) return 0.0;
    const double db = 20.0 * std::log10(static_cast<double>(level));
    return std::clamp((db - kFloorDb) / -kFloorDb, 0.0, 1.0);
}

int meterDecibels(float level)
{
    if (!(level > 0)) return static_cast<int>(kFloorDb);
    return static_cast<int>(std::lround(std::max(kFloorDb, 20.0 * std::log10(static_cast<double>(level)))));
}

LevelMeter::LevelMeter(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("levelMeter"));
    setAccessibleName(tr("Input level"));
    setMinimumHeight(14);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void LevelMeter::setLevels(float peak, float rms)
{
    m_peak = peak;
    m_rms = rms;
    // The description is what a screen reader says; changed only when the peak moves by a
    // few decibels, so it does not chatter 25 times a second.
    const int db = meterDecibels(peak);
    if (std::abs(db - m_spokenPeak) >= 6) {
        m_spokenPeak = db;
        setAccessibleDescription(db <= kFloorDb ? tr("Silence") : tr("Peak %1 dB").arg(db));
    }
    update();
}

void LevelMeter::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QRect r = rect().adjusted(0, 0, -1, -1);
    p.fillRect(r, palette().base());
    p.setPen(palette().mid().color());
    p.drawRect(r);
    const int width = r.width() - 2;
    const int rmsWidth = static_cast<int>(width * meterFraction(m_rms));
    // Green in the speaking range, amber near clipping: the colours carry meaning, not theme.
    const QColor bar = meterFraction(m_peak) > 0.95 ? QColor(0xef, 0x6c, 0x00) : QColor(0x2e, 0x7d, 0x32);
    p.fillRect(QRect(r.left() + 1, r.top() + 1, rmsWidth, r.height() - 1), bar);
    const int peakX = r.left() + 1 + static_cast<int>(width * meterFraction(m_peak));
    p.setPen(QPen(palette().text().color(), 2));
    p.drawLine(peakX, r.top() + 1, peakX, r.bottom());
}

}  // namespace noteward::ui
