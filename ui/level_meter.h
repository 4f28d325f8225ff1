#pragma once

#include <QWidget>

namespace noteward::ui {

// Where a linear level (0..1 of full scale) sits on the meter: decibels from -60 dBFS (empty)
// to 0 dBFS (full), as the ear judges loudness. Pure, so it is tested without a window.
double meterFraction(float level);
// The level in whole dBFS for reading out (-60 or below reads as silence).
int meterDecibels(float level);

// The recorder's input level: RMS as a bar, peak as a line, painted on a GUI timer from the
// figures the recorder computes on its writer thread (never from the audio callback).
class LevelMeter : public QWidget {
    Q_OBJECT
public:
    explicit LevelMeter(QWidget* parent = nullptr);

    void setLevels(float peak, float rms);
    float peak() const { return m_peak; }
    float rms() const { return m_rms; }
    QSize sizeHint() const override { return {240, 18}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    float m_peak = 0;
    float m_rms = 0;
    int m_spokenPeak = -100;
};

}  // namespace noteward::ui
