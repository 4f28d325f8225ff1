#pragma once

// What the two desktop tools (the screenshot tour and the UI bench) share: they stop with a
// message on the first failure, and wait for the real window without a test framework's
// assertions.
#include "util/result.h"

#include <QElapsedTimer>
#include <QTest>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

namespace noteward::tools {

inline const char* g_toolName = "tool";

[[noreturn]] inline void die(const std::string& what)
{
    std::fprintf(stderr, "%s: %s\n", g_toolName, what.c_str());
    std::exit(1);
}

template <typename T>
T must(core::Result<T> r, const char* what)
{
    if (!r) die(std::string(what) + ": " + r.error().message);
    return std::move(r.value());
}

inline void must(core::Result<void> r, const char* what)
{
    if (!r) die(std::string(what) + ": " + r.error().message);
}

inline bool waitFor(const std::function<bool()>& done, int ms = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms) QTest::qWait(5);
    return done();
}

}  // namespace noteward::tools
