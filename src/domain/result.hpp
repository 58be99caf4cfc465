#pragma once
// Expected failures as values: a closed set of error codes, each with a stable snake_case key,
// a message safe to show to the person who caused it, an internal detail that is only logged,
// and where the error was made.

#include <source_location>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace hoot {

enum class Errc {
    kInvalidInput,     // 400/422: the request is well formed but a value breaks a rule
    kBadRequest,       // 400: the request itself is malformed (JSON, form, ids)
    kUnauthenticated,  // 401: signing in is needed
    kForbidden,        // 403: signed in, but not allowed (CSRF failures included)
    kNotFound,         // 404
    kConflict,         // 409: e.g. a username that is taken
    kTooLarge,         // 413
    kRateLimited,      // 429
    kUnavailable,      // 503: the database is busy or gone
    kInternal,         // 500: a bug or an unexpected failure
};

// The stable key of a code, as it appears in JSON errors and logs.
std::string_view ErrcKey(Errc code);
// The HTTP status a code maps to; the one place where that mapping lives.
int ErrcStatus(Errc code);

struct Error {
    Errc code = Errc::kInternal;
    std::string message;  // shown to the user
    std::string field;    // the form field it concerns, if any
    std::string detail;   // logged, never shown
    std::source_location where;

    static Error Make(Errc code, std::string message, std::string field = {},
                      std::string detail = {},
                      std::source_location where = std::source_location::current()) {
        return Error{code, std::move(message), std::move(field), std::move(detail), where};
    }
};

// A value or an Error. Deliberately small: ok(), value(), error(), operator*/->.
template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : data_(std::move(value)) {}      // NOLINT: implicit on purpose
    Result(Error error) : data_(std::move(error)) {}  // NOLINT
    bool ok() const { return data_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(data_); }
    const T& value() const& { return std::get<0>(data_); }
    T&& value() && { return std::get<0>(std::move(data_)); }
    const Error& error() const { return std::get<1>(data_); }
    Error&& take_error() { return std::get<1>(std::move(data_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

  private:
    std::variant<T, Error> data_;
};

struct Ok {};
using Status = Result<Ok>;
inline Status OkStatus() { return Ok{}; }

}  // namespace hoot
