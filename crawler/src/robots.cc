#include "fora/crawler/robots.h"

#include <boost/algorithm/string/case_conv.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "fora/ascii_space.h"

namespace fora::crawler {
namespace {

// "fora/0.1 (+https://...)" -> "fora": the product token robots.txt groups name.
std::string product_token(std::string_view ua) {
  ua = trim_ascii_space(ua);
  return boost::algorithm::to_lower_copy(std::string(ua.substr(0, ua.find_first_of("/ \t"))));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_unreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

// RFC 9309 §2.2.2: compare paths with unreserved characters decoded and everything else
// (non-ASCII, reserved when escaped) percent-encoded with upper-case hex, on both sides.
std::string normalize_percent(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  auto encode = [&](unsigned char c) {
    out += '%';
    out += hex[c >> 4];
    out += hex[c & 0xf];
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      const auto decoded =
          static_cast<unsigned char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      if (is_unreserved(decoded)) {
        out += static_cast<char>(decoded);
      } else {
        encode(decoded);
      }
      i += 2;
    } else if (c <= 0x20 || c >= 0x7f) {
      encode(c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// `*` matches any run of octets; a final `$` anchors the end; otherwise the pattern need
// only match a prefix of the path.
bool matches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  std::size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (s < path.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = s;
    } else if (p == pattern.size() && !anchored) {
      return true;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::optional<double> parse_delay(std::string_view v) {
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d) || d < 0) {
    return std::nullopt;
  }
  return d;
}

struct Group {
  std::vector<std::string> agents;                  // lowercased product tokens, "*" included as is
  std::vector<std::pair<std::string, bool>> rules;  // (raw pattern, allow)
  std::optional<double> delay;
};

struct Parsed {
  std::vector<Group> groups;
  std::vector<std::string> sitemaps;
};

// Splits the file into groups: consecutive User-agent lines open one group; the rules that
// follow belong to it until the next User-agent line after a rule.
Parsed parse_groups(std::string_view text) {
  // A file of kReadBytes or more was (or may have been) cut there: a line the cut runs
  // through would say less than it does ("Disallow: /private/" cut to "Disallow: /"), so
  // it is dropped.
  if (text.size() >= Robots::kReadBytes) {
    text = text.substr(0, Robots::kReadBytes);
    text = text.substr(0, text.find_last_of("\r\n") + 1);
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Parsed out;
  bool in_agent_lines = false;
  while (!text.empty()) {
    const std::size_t eol = text.find_first_of("\r\n");
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    line = line.substr(0, line.find('#'));
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = boost::algorithm::to_lower_copy(std::string(trim_ascii_space(line.substr(0, colon))));
    const std::string_view value = trim_ascii_space(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agent_lines) out.groups.emplace_back();
      in_agent_lines = true;
      out.groups.back().agents.push_back(value == "*" ? "*" : product_token(value));
    } else if (key == "allow" || key == "disallow") {
      in_agent_lines = false;
      if (out.groups.empty() || value.empty()) continue;  // empty rule matches nothing
      out.groups.back().rules.emplace_back(std::string(value), key == "allow");
    } else if (key == "crawl-delay") {
      in_agent_lines = false;
      if (out.groups.empty()) continue;
      if (auto d = parse_delay(value)) {
        auto& delay = out.groups.back().delay;
        delay = std::max(delay.value_or(0.0), *d);
      }
    } else if (key == "sitemap") {
      if (!value.empty()) out.sitemaps.emplace_back(value);
    }
  }
  return out;
}

bool names(const Group& g, const std::string& token) {
  return std::ranges::count(g.agents, token) > 0;
}

}  // namespace

Robots Robots::parse(std::string_view text, std::string_view user_agent) {
  Parsed parsed = parse_groups(text);
  Robots robots;
  robots.sitemaps_ = std::move(parsed.sitemaps);

  std::string token = product_token(user_agent);
  const bool any_specific = std::ranges::any_of(parsed.groups, [&](const Group& g) { return names(g, token); });
  if (!any_specific) token = "*";
  for (const Group& g : parsed.groups) {
    if (!names(g, token)) continue;  // RFC 9309 §2.2.1: all matching groups are combined
    for (const auto& [pattern, allow] : g.rules) {
      robots.rules_.push_back({normalize_percent(pattern), allow});
    }
    if (g.delay) robots.crawl_delay_ = std::max(robots.crawl_delay_.value_or(0.0), *g.delay);
  }
  return robots;
}

Robots Robots::from_response(int status, std::string_view body, std::string_view user_agent) {
  if (status >= 200 && status < 300) return parse(body, user_agent);
  if (status == 429 || status >= 500) return unreachable();
  return allow_all();
}

Robots Robots::unreachable() {
  Robots robots = disallow_all();
  robots.unreachable_ = true;
  return robots;
}

Robots Robots::allow_all() { return Robots(); }

Robots Robots::disallow_all() {
  Robots robots;
  robots.rules_.push_back({"/", false});
  return robots;
}

bool Robots::allowed(std::string_view path_and_query) const {
  std::string path = normalize_percent(path_and_query.empty() ? "/" : path_and_query);
  if (path == "/robots.txt") return true;  // RFC 9309 §2.2.2: implicitly allowed
  std::size_t best_allow = 0, best_disallow = 0;
  bool any_disallow = false;
  for (const Rule& rule : rules_) {
    if (!matches(rule.pattern, path)) continue;
    if (rule.allow) {
      best_allow = std::max(best_allow, rule.pattern.size());
    } else {
      any_disallow = true;
      best_disallow = std::max(best_disallow, rule.pattern.size());
    }
  }
  return !any_disallow || best_allow >= best_disallow;
}

}  // namespace fora::crawler
