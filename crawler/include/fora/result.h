// Result<T>: the error type every fora library returns (the CLI maps it to a message and an
// exit code, once, in main). Header-only; the lowest layer, so every library can use it.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace fora {

// Few, actionable codes: each tells the user a different next step.
enum class Errc {
  InvalidArgument,  // the user's input (URL, query, option, file) is malformed
  NotFound,         // an ID, archive or file the user named does not exist
  Corrupt,          // on-disk data fails a check (schema version, checksum, torn frame)
  Io,               // the file system refused (permissions, disk full)
  Network,          // DNS, connect, TLS, HTTP failure
  RateLimited,      // the server asked us to slow down (429/503 with Retry-After)
  Locked,           // another writer holds the archive
  Cancelled,        // the user asked to stop (Ctrl-C)
  Internal,         // a bug: a library broke its own contract
};

// What failed (message) and what to try next (hint, may be empty).
struct Error {
  Errc code = Errc::Internal;
  std::string message;
  std::string hint;
  bool transient = false;  // the same request may succeed later (a timeout, a reset)
};

inline Error make_error(Errc code, std::string message, std::string hint = {}) {
  return Error{code, std::move(message), std::move(hint)};
}

// A value or an Error; the failure shows in the signature. Test with `if (!r)`, read with
// `*r` / `r->`, and take the error with `r.error()`.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  explicit operator bool() const { return v_.index() == 0; }
  bool ok() const { return v_.index() == 0; }
  T& operator*() { return std::get<0>(v_); }
  const T& operator*() const { return std::get<0>(v_); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& value() { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For operations that return nothing on success.
struct Ok {};
using Status = Result<Ok>;
inline Status ok() { return Ok{}; }

}  // namespace fora

// Propagates an error from an expression returning Result/Status:
//   FORA_TRY(status_expr);
#define FORA_TRY(expr)                                  \
  do {                                                  \
    auto fora_try_result_ = (expr);                     \
    if (!fora_try_result_) return fora_try_result_.error(); \
  } while (0)
