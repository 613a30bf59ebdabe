// `fora serve`'s router: which page a path asks for, the stylesheet, and the token check
// when the server listens beyond the loopback address.
#pragma once

#include <optional>
#include <string>

#include "context.h"
#include "http_server.h"

namespace fora::web {

class Site {
 public:
  // `token`: when set, every request must carry it (Authorization: Bearer TOKEN, or the
  // cookie that `?token=TOKEN` sets).
  Site(const cli::Context& ctx, std::optional<std::string> token) : ctx_(ctx), token_(std::move(token)) {}
  Response answer(const Request& request) const;

 private:
  Response route(const Request& request) const;

  const cli::Context& ctx_;
  std::optional<std::string> token_;
};

}  // namespace fora::web
