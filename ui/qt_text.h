#pragma once

#include <QString>

#include <optional>
#include <string>

namespace noteward::ui {

// Core speaks UTF-8 std::string; Qt speaks QString. Conversions happen only at this boundary.
inline QString toQt(const std::string& text) { return QString::fromStdString(text); }
inline QString toQt(const std::optional<std::string>& text) { return text ? toQt(*text) : QString(); }
inline std::string toStd(const QString& text) { return text.toStdString(); }
// Empty fields become "not given" rather than an empty value.
inline std::optional<std::string> toOptional(const QString& text)
{
    const QString t = text.trimmed();
    return t.isEmpty() ? std::nullopt : std::optional<std::string>(t.toStdString());
}

}  // namespace noteward::ui
