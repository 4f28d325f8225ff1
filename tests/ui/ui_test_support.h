#pragma once

// Finding and driving widgets of the real window by object name (never by colour or label).
#include <QAbstractButton>
#include <QTest>
#include <QWidget>

namespace noteward::test {

template <typename T>
T* named(QWidget* root, const char* name)
{
    T* found = root->findChild<T*>(QString::fromLatin1(name));
    if (!found) qWarning("no widget named %s", name);
    return found;
}

inline void click(QWidget* root, const char* buttonName)
{
    auto* button = named<QAbstractButton>(root, buttonName);
    QVERIFY(button);
    QVERIFY2(button->isEnabled(), buttonName);
    button->click();
}

}  // namespace noteward::test
