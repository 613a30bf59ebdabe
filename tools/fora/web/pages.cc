#include "pages.h"

#include <charconv>

#include <fmt/format.h>

#include "html.h"
#include "output.h"

namespace fora::web {

Response error_page(unsigned status, std::string_view message) {
  Response r;
  r.status = status;
  r.body = page(fmt::format("{}", status), "", fmt::format("<h1>{}</h1>\n<p>{}</p>\n", status, escape(message)));
  return r;
}

Response error_page(const Error& error) {
  const unsigned status = error.code == Errc::NotFound ? 404 : error.code == Errc::InvalidArgument ? 400 : 500;
  std::string message = error.message;
  if (!error.hint.empty()) message += " (" + error.hint + ")";
  return error_page(status, message);
}

std::string author_link(const std::string& name) {
  if (name.empty()) return "(no author)";
  return fmt::format("<a href=\"/author/{}\">{}</a>", url_encode(name), escape(name));
}

Result<std::size_t> page_asked(const Request& request) {
  const auto p = request.query.find("page");
  if (p == request.query.end()) return std::size_t{1};
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(p->second.data(), p->second.data() + p->second.size(), n);
  if (ec != std::errc() || end != p->second.data() + p->second.size() || n == 0 || (n - 1) * kPageSize >= kDeepestResult)
    return make_error(Errc::InvalidArgument, fmt::format("page: a page number from 1 to {}", kDeepestResult / kPageSize));
  return n;
}

std::string paging_links(std::string_view here, std::size_t page_number, std::int64_t total) {
  std::string out = "<p class=\"pages\">";
  if (page_number > 1) out += fmt::format("<a rel=\"prev\" href=\"{}?page={}\">newer</a>", here, page_number - 1);
  if (page_number * kPageSize < static_cast<std::size_t>(total) && page_number * kPageSize < kDeepestResult)
    out += fmt::format("<a rel=\"next\" href=\"{}?page={}\">older</a>", here, page_number + 1);
  return out + "</p>\n";
}

std::string quoted_value(std::string_view value) {
  std::string q = "\"";
  for (char c : value) q += c == '"' ? ' ' : c;
  return q + "\"";
}

query::SearchOptions newest_first(std::size_t page_number) {
  query::SearchOptions options;
  options.natural = false;
  options.sort = query::Sort::DateDesc;
  options.limit = kPageSize;
  options.offset = (page_number - 1) * kPageSize;
  return options;
}

bool wants_json(const Request& request) {
  const auto f = request.query.find("format");
  return f != request.query.end() && f->second == "json";
}

Response json_response(const std::vector<cli::Record>& records) {
  Response r;
  r.content_type = "application/x-ndjson; charset=utf-8";
  for (const auto& record : records) r.body += cli::json_line(record);
  return r;
}

}  // namespace fora::web
