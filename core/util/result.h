#pragma once

#include <string>
#include <utility>
#include <variant>

namespace noteward::core {

// What kind of failure a user-facing operation met. The CLI maps every code to exit status
// 1 and the UI shows the message; the code lets callers react (e.g. re-prompt on a wrong
// passphrase) without parsing text.
enum class ErrorCode {
    WrongPassphrase,
    InvalidInput,
    NotFound,
    AlreadyExists,
    NotAVault,
    Corrupt,
    FromTheFuture,
    DiskFull,
    Io,
    Busy,
    Locked,
    Unavailable,  // a remote service could not be reached or was overloaded: worth a fallback
    Refused,      // a remote service said no (bad key, bad request): a fallback would not help
    Cancelled,    // the person (or a lock) stopped the work; nothing further was done
    Internal,
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;  // complete sentence for a person; never holds secrets
};

// A value or an Error. std::expected is C++23; this is the small subset the project needs.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}  // NOLINT(google-explicit-constructor)
    Result(Error error) : m_state(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    // By value, so `for (auto& x : f().value())` does not dangle on the temporary Result.
    T value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T operator*() && { return std::move(*this).value(); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

struct Ok {};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Ok) {}  // NOLINT(google-explicit-constructor)
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error makeError(ErrorCode code, std::string message)
{
    return Error{code, std::move(message)};
}

}  // namespace noteward::core
