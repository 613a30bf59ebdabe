#include "page_work.h"

#include <boost/algorithm/string/predicate.hpp>

#include "fora/url/url.h"

namespace fora::crawler::detail {
namespace {

// What a response is, told from its status and headers alone: which reading it gets.
enum class Kind { robots_txt, redirect, gone, encoded, html, url_list, other };

bool is_xml(std::string_view content_type) {
  return content_type.find("xml") != std::string_view::npos;
}

// A gzip file such as sitemap.xml.gz, served as application/gzip, application/x-gzip or,
// by servers that do not know the type, application/octet-stream.
bool is_gzip_file(const archive::Response& response, const Url& url) {
  return response.content_type.find("gzip") != std::string::npos ||
         (url.path_and_query().ends_with(".gz") && response.content_type.find("octet-stream") != std::string::npos);
}

bool is_redirect(int status) { return status >= 300 && status < 400; }

Kind kind_of(const PageJob& job, const std::string& encoding) {
  const archive::Response& response = job.response;
  if (job.robots_txt) return Kind::robots_txt;
  if (is_redirect(response.status)) return Kind::redirect;
  if (response.status == 404 || response.status == 410) return Kind::gone;
  // fora asks for no encoding; a server that sends one anyway (a gzip bomb, say) is
  // archived as it came, and not unpacked to be read.
  if (!encoding.empty() && encoding != "identity") return Kind::encoded;
  if (response.status != 200) return Kind::other;
  if (is_html(response.content_type)) return Kind::html;
  if (is_xml(response.content_type) || is_gzip_file(response, job.url)) return Kind::url_list;
  return Kind::other;
}

Kind kind_of(const PageJob& job) { return kind_of(job, archive::header_value(job.response.headers, "Content-Encoding")); }

// A redirect's target, resolved against the address asked for.
std::optional<Url> redirect_target(const PageJob& job, const std::string& location) {
  return is_redirect(job.response.status) ? Url::resolve(job.url, location) : std::nullopt;
}

// robots.txt: its rules and sitemaps, or where it moved (RFC 9309 §2.3.1.2: a robots.txt
// redirect is followed; the loop counts the hops).
void read_robots(const PageJob& job, const std::string& location, LinkFilter& filter, PageRead& out) {
  out.outcome = "robots.txt";
  const std::optional<Url> moved = redirect_target(job, location);
  if (moved) {
    out.robots_moved = *moved;
    out.outcome = "robots.txt moved: " + moved->str();
    return;
  }
  out.robots = Robots::from_response(job.response.status, job.response.body, job.user_agent);
  for (const auto& sitemap : out.robots->sitemaps())
    if (auto url = Url::resolve(job.url, sitemap)) filter.admit(*url, out.links);
}

void follow_redirect(const PageJob& job, const std::string& location, LinkFilter& filter, PageRead& out) {
  const std::optional<Url> target = redirect_target(job, location);
  if (!target) {
    out.outcome = "redirect off the web, not followed: " + location;
  } else if (!filter.in_scope(*target)) {
    out.outcome = "redirect out of scope, not followed: " + target->str();
  } else if (job.hops >= kMaxRedirectHops) {
    out.outcome = "trap: a redirect chain longer than " + std::to_string(kMaxRedirectHops) +
                  " hops, not followed: " + target->str();
    out.trap = true;
  } else {
    out.outcome = "redirect";
    filter.admit(*target, out.links);
  }
}

// Returns what the page was, for the fetch log.
std::string read_page(const PageJob& job, const extract::Extractor& extractor, LinkFilter& filter, PageRead& out,
                      bool follow) {
  auto page = extract_response(extractor, job.response, job.try_first);
  if (!page) return "not HTML";  // the capture is kept for a later extractor
  out.html = true;
  out.reader = page->reader;
  if (follow) {
    for (const Url& link : page->links) filter.admit(link, out.links);
    for (const Url& feed : page->feeds) filter.admit_feed(feed, out.links);  // change signals, for updates
  }
  out.reply_links = std::move(page->reply_links);
  // A newest-first index: read at every update, as a feed is, while it is one at this visit
  // (for a 304, now, not when the stored copy was fetched).
  out.feed = page->every_update_until > out.seen_at;
  if (follow) out.rows = std::move(page->rows);
  out.newest_date = page->newest_date;
  // What was not read goes to the fetch log with what the page was.
  std::string cut;
  for (const std::string& warning : page->warnings) cut += ", read in part: " + warning;
  out.read_in_part = !cut.empty();
  if (page->thread) {
    out.thread = std::move(page->thread);
    return "thread page (" + page->reader + ")" + cut;
  }
  return (page->reader.empty() ? "no reader" : "page (" + page->reader + ")") + cut;
}

// A sitemap's or feed's URLs (resolved by the list's reader).
void read_url_list(const PageJob& job, bool follow, LinkFilter& filter, PageRead& out) {
  out.outcome = "sitemap or feed";
  out.feed = true;
  if (!follow) return;
  auto listed = extract::feed_or_sitemap_entries(job.response.body, job.response.url);
  if (!listed) {
    out.outcome = "sitemap or feed not read: " + listed.error().message;
    return;
  }
  for (auto& entry : *listed) {
    auto url = Url::parse(entry.url);
    if (!url) continue;
    filter.admit(*url, out.links);
    // A feed names a post of a thread (phpBB's ?t=5&p=77#p77): what changed is the
    // thread's page, under the address the crawl knows it by.
    if (!entry.modified) continue;
    entry.url = same_page(*url).str();
    out.modified.push_back(std::move(entry));
  }
}

}  // namespace

bool is_html(std::string_view content_type) {
  return boost::algorithm::istarts_with(content_type, "text/html") ||
         boost::algorithm::istarts_with(content_type, "application/xhtml");
}

Result<extract::Page> extract_response(const extract::Extractor& extractor, const archive::Response& response,
                                       const std::string& try_first) {
  // Relative dates ("3 hours ago") are read against the server's clock when it sent one.
  return extractor.extract(response.body, response.url, response.content_type,
                           response.sent_at.value_or(response.fetched_at), try_first);
}

PageCapture capture_page(const PageJob& job, Copies& copies) {
  if (job.not_modified) return {};  // the stored copy is the capture
  PageCapture capture{archive::prepare_capture(job.response, job.dictionary)};
  capture.copy = capture.record && kind_of(job) == Kind::html &&
                 copies.seen_elsewhere(job.response.url, capture.record->payload_sha256);
  return capture;
}

PageRead process_page(PageJob job, PageCapture capture, const extract::Extractor& extractor, LinkFilter& filter) {
  const archive::Response& response = job.response;
  PageRead out;
  out.url = response.url;
  out.origin = std::move(job.origin);
  out.status = response.status;
  out.bytes = response.body.size();
  out.outcome = "stored";
  out.not_modified = job.not_modified;
  out.seen_at = response.fetched_at;
  out.robots_txt = job.robots_txt;
  out.capture = std::move(capture.record);
  const std::string encoding = archive::header_value(response.headers, "Content-Encoding");
  const std::string location = archive::header_value(response.headers, "Location");
  const bool redirect = is_redirect(response.status);
  out.link_depth = redirect || job.robots_txt ? job.depth : job.depth + 1;
  out.link_hops = redirect ? job.hops + 1 : 0;
  const bool too_deep = job.max_depth > 0 && out.link_depth > job.max_depth;
  // An exception (an --include regex that gives up, memory) must not escape a worker thread:
  // it would end the process. The page is still archived, for a later reading.
  try {
    switch (kind_of(job, encoding)) {
      case Kind::robots_txt: read_robots(job, location, filter, out); break;
      case Kind::redirect: follow_redirect(job, location, filter, out); break;
      case Kind::gone: out.outcome = "gone (HTTP " + std::to_string(response.status) + ")"; break;
      case Kind::encoded:
        out.outcome = "content-encoded (" + encoding + ") though not asked for: archived, not read";
        break;
      case Kind::html:
        out.outcome = read_page(job, extractor, filter, out, !too_deep && !capture.copy);
        if (capture.copy) out.outcome += ", a copy of a page seen under another URL: links not followed";
        break;
      case Kind::url_list: read_url_list(job, !too_deep, filter, out); break;
      case Kind::other: break;
    }
  } catch (const std::exception& e) {
    out.thread.reset();
    out.links.clear();
    out.outcome = std::string("error: reading the page failed: ") + e.what();
    // A host must not wait for a robots.txt that was fetched but could not be read.
    if (job.robots_txt && !out.robots && !out.robots_moved) out.robots = Robots::unreachable();
  }
  if (job.not_modified) {
    out.outcome = "not modified (304): " + out.outcome;
    out.bytes = 0;
  }
  return out;
}

}  // namespace fora::crawler::detail
