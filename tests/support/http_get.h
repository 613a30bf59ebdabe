// A plain HTTP/1.1 client for tests of `fora serve`: one request per connection to
// 127.0.0.1, written and read over a POSIX socket (nothing shared with the server's Beast
// code). Test-only: a failure to connect throws std::runtime_error.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace fora::test {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case; the last of a name wins
  std::string body;
};

// `method` `target` on 127.0.0.1:`port`, with `headers` ("Name: value") and `body`.
HttpReply http_request(unsigned short port, const std::string& method, const std::string& target,
                       const std::vector<std::string>& headers = {}, const std::string& body = {});
inline HttpReply http_get(unsigned short port, const std::string& target, const std::vector<std::string>& headers = {}) {
  return http_request(port, "GET", target, headers);
}

}  // namespace fora::test
