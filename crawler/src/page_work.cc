#include "page_work.h"

#include <boost/algorithm/string/predicate.hpp>

#include "fora/archive/http_date.h"
#include "fora/url/url.h"

namespace fora::crawler::detail {
namespace {

bool is_xml(std::string_view content_type) {
  return content_type.find("xml") != std::string_view::npos;
}

// A gzip file such as sitemap.xml.gz, served as application/gzip, application/x-gzip or,
// by servers that do not know the type, application/octet-stream.
bool is_gzip_file(const archive::Response& response, const Url& url) {
  return response.content_type.find("gzip") != std::string::npos ||
         (url.path_and_query().ends_with(".gz") && response.content_type.find("octet-stream") != std::string::npos);
}

// Returns what the page was, for the fetch log.
std::string read_page(const archive::Response& response, const std::string& try_first,
                      const extract::Extractor& extractor, LinkFilter& filter, PageRead& out,
                      bool follow) {
  auto page = extract_response(extractor, response, try_first);
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

}  // namespace

bool is_html(std::string_view content_type) {
  return boost::algorithm::istarts_with(content_type, "text/html") ||
         boost::algorithm::istarts_with(content_type, "application/xhtml");
}

Result<extract::Page> extract_response(const extract::Extractor& extractor, const archive::Response& response,
                                       const std::string& try_first) {
  // Relative dates ("3 hours ago") are read against the server's clock when it sent one.
  const auto sent = archive::parse_http_date(archive::header_value(response.headers, "Date"), response.fetched_at);
  return extractor.extract(response.body, response.url, response.content_type, sent.value_or(response.fetched_at),
                           try_first);
}

PageRead process_page(PageJob job, const extract::Extractor& extractor, LinkFilter& filter,
                        Copies& copies) {
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
  const std::string encoding = archive::header_value(response.headers, "Content-Encoding");
  const bool redirect = response.status >= 300 && response.status < 400;
  out.link_depth = redirect || job.robots_txt ? job.depth : job.depth + 1;
  out.link_hops = redirect ? job.hops + 1 : 0;
  const bool too_deep = job.max_depth > 0 && out.link_depth > job.max_depth;
  // The capture first: its digest also tells whether the bytes were seen under another URL.
  if (!job.not_modified) out.capture = archive::prepare_capture(response, std::move(job.dictionary));
  // An exception (an --include regex that gives up, memory) must not escape a worker thread:
  // it would end the process. The page is still archived, for a later reading.
  try {
    const Url& here = job.url;
    if (job.robots_txt) {
      out.outcome = "robots.txt";
      // RFC 9309 §2.3.1.2: a robots.txt redirect is followed (the loop counts the hops).
      auto moved = redirect ? Url::resolve(here, archive::header_value(response.headers, "Location"))
                            : std::nullopt;
      if (moved) {
        out.robots_moved = *moved;
        out.outcome = "robots.txt moved: " + moved->str();
      } else {
        out.robots = Robots::from_response(response.status, response.body, job.user_agent);
        for (const auto& sitemap : out.robots->sitemaps()) filter.admit_ref(here, sitemap, out.links);
      }
    } else if (redirect) {
      const std::string location = archive::header_value(response.headers, "Location");
      auto target = Url::resolve(here, location);
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
    } else if (response.status == 404 || response.status == 410) {
      out.outcome = "gone (HTTP " + std::to_string(response.status) + ")";
    } else if (!encoding.empty() && encoding != "identity") {
      // fora asks for no encoding; a server that sends one anyway (a gzip bomb, say) is
      // archived as it came, and not unpacked to be read.
      out.outcome = "content-encoded (" + encoding + ") though not asked for: archived, not read";
    } else if (response.status == 200 && is_html(response.content_type)) {
      const bool copy =
          !job.not_modified && out.capture && copies.seen_elsewhere(response.url, out.capture->payload_sha256);
      out.outcome = read_page(response, job.try_first, extractor, filter, out, !too_deep && !copy);
      if (copy) out.outcome += ", a copy of a page seen under another URL: links not followed";
    } else if (response.status == 200 && (is_xml(response.content_type) || is_gzip_file(response, job.url))) {
      out.outcome = "sitemap or feed";
      out.feed = true;
      auto listed = too_deep ? Result<std::vector<extract::ListedUrl>>(std::vector<extract::ListedUrl>{})
                             : extract::feed_or_sitemap_entries(response.body, response.url);
      if (!listed) {
        out.outcome = "sitemap or feed not read: " + listed.error().message;
      } else {
        for (auto& entry : *listed) {
          filter.admit_ref(here, entry.url, out.links);
          // A feed names a post of a thread (phpBB's ?t=5&p=77#p77): what changed is the
          // thread's page, under the address the crawl knows it by.
          auto url = entry.modified ? Url::resolve(here, entry.url) : std::nullopt;
          if (!url) continue;
          entry.url = same_page(*url).str();
          out.modified.push_back(std::move(entry));
        }
      }
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
