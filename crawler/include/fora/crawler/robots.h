// robots.txt as RFC 9309 reads it: groups by user-agent, Allow/Disallow rules with `*` and
// `$`, the longest match wins and Allow wins a tie; plus the Sitemap: lines and the
// non-standard Crawl-delay. A Robots is an immutable value; copy it freely, read it from any
// thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fora::crawler {

class Robots {
 public:
  // How much of a robots.txt is read: RFC 9309 §2.5 asks for at least the first 500 KiB.
  // The crawler fetches no more (a larger file is cut, not refused).
  static constexpr std::size_t kReadBytes = 500 * 1024;

  // Reads a robots.txt body for the crawler `user_agent` ("fora/0.1": its product token
  // "fora" is matched case-insensitively against the User-agent lines). The groups naming the
  // token are combined; without any, the `*` groups are; without those, everything is
  // allowed. Never fails: lines that make no sense are skipped, as the RFC asks. Only the
  // first kReadBytes are read (more is ignored, and so is a line the cut runs through).
  static Robots parse(std::string_view text, std::string_view user_agent);

  // What to do after fetching /robots.txt (RFC 9309 §2.3.1): 2xx -> parse(body); 4xx (the
  // file is "unavailable") -> allow_all(); 5xx and 429 ("unreachable") -> unreachable().
  // 3xx: the caller is expected to follow up to 5 redirects itself; a 3xx that reaches this
  // function counts as unavailable (allow all). For a network error, use unreachable().
  static Robots from_response(int status, std::string_view body, std::string_view user_agent);

  static Robots allow_all();
  static Robots disallow_all();
  // Disallows everything for now, as the RFC asks while robots.txt cannot be reached; the
  // crawler asks again later and leaves the host's pages queued, not refused.
  static Robots unreachable();
  bool is_unreachable() const { return unreachable_; }

  // True when the crawler may fetch `path_and_query` (e.g. "/a/b?x=1", as url_path_and_query
  // gives it). Percent-encoding is normalized on both sides before comparing. /robots.txt
  // itself is always allowed.
  bool allowed(std::string_view path_and_query) const;

  // Absolute URLs from Sitemap: lines, wherever they stood, in file order. Empty for
  // allow_all()/disallow_all().
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

  // Crawl-delay of the group that applies, in seconds (the largest if several say one);
  // nullopt when absent or unparsable. Callers honour it when larger than their own delay.
  std::optional<double> crawl_delay() const { return crawl_delay_; }

 private:
  struct Rule {
    std::string pattern;  // percent-normalized; may contain '*' and end in '$'
    bool allow = false;
  };
  Robots() = default;

  std::vector<Rule> rules_;
  std::vector<std::string> sitemaps_;
  std::optional<double> crawl_delay_;
  bool unreachable_ = false;
};

}  // namespace fora::crawler
