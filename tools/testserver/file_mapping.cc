#include "file_mapping.h"

#include <boost/algorithm/string/case_conv.hpp>
#include <algorithm>
#include <optional>
#include <utility>

namespace fora::testserver {
namespace {

namespace fs = std::filesystem;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

bool has_dot_dot_segment(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (path.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

Mapping bad_request() { return Mapping{Mapping::Kind::BadRequest, {}, {}}; }
Mapping not_found() { return Mapping{Mapping::Kind::NotFound, {}, {}}; }

}  // namespace

Mapping map_target(const fs::path& root, std::string_view target) {
  const std::size_t q = target.find('?');
  const std::string_view raw_path = target.substr(0, q);
  if (raw_path.empty() || raw_path.front() != '/') return bad_request();
  auto path = percent_decode(raw_path);
  if (!path || path->find('\0') != std::string::npos || has_dot_dot_segment(*path)) {
    return bad_request();
  }
  std::error_code ec;
  const fs::path local = root / fs::path(path->substr(1));
  if (path->back() == '/') {
    for (const char* index : {"index.html", "index.xml"}) {
      if (fs::is_regular_file(local / index, ec))
        return Mapping{Mapping::Kind::File, local / index, {}};
    }
    return not_found();
  }
  // A page that is also a folder (vBulletin 5's /forum/channel beside its topics under
  // /forum/channel/...) is saved as "channel.html" beside the folder, as wget
  // --adjust-extension writes it; a folder without one answers with its slash form.
  if (fs::is_directory(local, ec) && !fs::is_regular_file(local.string() + ".html", ec)) {
    std::string location(raw_path);
    location += '/';
    if (q != std::string_view::npos) location += target.substr(q);
    return Mapping{Mapping::Kind::Redirect, {}, std::move(location)};
  }
  // A saved dynamic page: "/viewtopic.php?t=7&start=10" is the file
  // "viewtopic.php@t=7&start=10.html" (a '/' in the query written %2F).
  if (q != std::string_view::npos && q + 1 < target.size()) {
    std::string query(target.substr(q + 1));
    for (std::size_t at; (at = query.find('/')) != std::string::npos;) query.replace(at, 1, "%2F");
    for (const char* ext : {".html", ".xml"}) {  // a page, or a feed ("feed.php@mode=topics.xml")
      const fs::path saved = local.string() + "@" + query + ext;
      if (query.find('\0') == std::string::npos && fs::is_regular_file(saved, ec))
        return Mapping{Mapping::Kind::File, saved, {}};
    }
  }
  if (fs::is_regular_file(local, ec)) return Mapping{Mapping::Kind::File, local, {}};
  // An extensionless or script address saved as a page: "/latest" is "latest.html",
  // "/index.php" is "index.php.html" (what wget --adjust-extension writes).
  for (const char* ext : {".html", ".xml"})
    if (const fs::path page = local.string() + ext; fs::is_regular_file(page, ec))
      return Mapping{Mapping::Kind::File, page, {}};
  return not_found();
}

std::string content_type_for(const fs::path& file) {
  static const std::pair<const char*, const char*> types[] = {
      {".html", "text/html; charset=UTF-8"},
      {".htm", "text/html; charset=UTF-8"},
      {".xml", "application/xml"},
      {".txt", "text/plain; charset=UTF-8"},
      {".css", "text/css"},
      {".js", "text/javascript"},
      {".json", "application/json"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".svg", "image/svg+xml"},
      {".gz", "application/gzip"},
  };
  const std::string ext = boost::algorithm::to_lower_copy(file.extension().string());
  for (const auto& [e, type] : types) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

}  // namespace fora::testserver
