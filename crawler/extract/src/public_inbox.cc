#include "public_inbox.h"

#include <boost/algorithm/string/predicate.hpp>
#include <libxml/HTMLparser.h>

#include <curl/curl.h>

#include <cstring>
#include <ctime>
#include <map>
#include <regex>

#include "fora/ascii_space.h"
#include "date_text.h"
#include "fora/extract/page_limits.h"
#include "links.h"
#include "mail_text.h"
#include "sanitize.h"
#include "xpath/xpath_query.h"
#include "mail_page.h"

namespace fora::extract {
namespace {

// "../20120301.9647@localhost6/" -> "20120301.9647@localhost6": a message's own page names it.
std::string id_from_href(const std::string& href) {
  std::string s = href;
  while (!s.empty() && s.back() == '/') s.pop_back();
  if (auto slash = s.rfind('/'); slash != std::string::npos) s.erase(0, slash + 1);
  char* decoded = curl_unescape(s.c_str(), 0);
  std::string out = decoded != nullptr ? decoded : s;
  curl_free(decoded);
  return message_id(out);
}

std::vector<xmlNode*> nodes(xmlXPathContext* ctx, xmlNode* at, const char* xpath) {
  auto query = XPathQuery::compile(xpath);
  if (!query) return {};
  return select_nodes({std::move(*query)}, ctx, at);
}

std::string first_string_at(xmlXPathContext* ctx, xmlNode* at, const char* xpath) {
  for (xmlNode* n : nodes(ctx, at, xpath)) return node_string(n);
  return {};
}

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string out = value != nullptr ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return out;
}

// One line of a flat thread view's overview (View.pm skel_dump, _skel_ghost):
//   "2012-06-13 19:40   ` <a href="#mID" id=rID>Person 1</a>"       a message, level 2
//   "     [not found] ` <a href="../../MID/">&lt;MID&gt;</a>"        a message not archived
// Each level indents by two spaces and "` " marks a reply.
struct OverviewLine {
  std::string anchor;  // "ID" of href="#mID"; empty for a message not archived
  std::string ghost;   // the Message-ID of a message not archived
  int level = 0;
};

std::optional<int> overview_level(const std::string& line) {
  static const std::regex kPrefix(
      R"(^(?:[0-9]{4}-[0-9]{2}-[0-9]{2} [ 0-9][0-9]:[0-9]{2}|\s*\[not found\]) ( *)(` )?$)");
  std::smatch m;
  if (!std::regex_match(line, m, kPrefix)) return std::nullopt;
  return m[2].matched ? static_cast<int>(m[1].length() / 2) + 1 : 0;
}

std::vector<OverviewLine> thread_overview(xmlXPathContext* ctx) {
  std::vector<OverviewLine> out;
  std::string line;  // the overview's text since its last line end
  for (xmlNode* pre : nodes(ctx, nullptr, "//pre[b[@id='t']]"))
    for (xmlNode* n = pre->children; n != nullptr; n = n->next) {
      if (n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, BAD_CAST "a") == 0)
        if (auto level = overview_level(line)) {
          OverviewLine l;
          l.level = *level;
          const std::string href = attribute(n, "href");
          if (href.rfind("#m", 0) == 0) l.anchor = href.substr(2);
          else l.ghost = message_id(node_string(n));
          if (!l.anchor.empty() || !l.ghost.empty()) out.push_back(std::move(l));
        }
      line += node_string(n);
      if (auto end = line.rfind('\n'); end != std::string::npos) line.erase(0, end + 1);
    }
  return out;
}

// "From: Person 0 @ 2012-06-13  1:32 UTC (permalink / raw)": the names and the minute (the
// flat view prints no seconds).
void read_from_line(const std::string& text, Entry& e) {
  static const std::regex kFrom(
      R"((?:^|\n)From: ([^\n]*) @ ([0-9]{4})-([0-9]{2})-([0-9]{2}) ([ 0-9][0-9]):([0-9]{2}) UTC)");
  std::smatch m;
  // Line by line, each cut to kMaxRegexInput: std::regex recurses a level a character.
  bool found = false;
  std::string line;
  for (std::size_t at = 0; !found && at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    line.assign(text, at, std::min(end - at, kMaxRegexInput));
    found = line.starts_with("From: ") && std::regex_search(line, m, kFrom);
    at = end + 1;
  }
  if (!found) return;
  e.author = display_name(std::string(trim_ascii_space(m[1].str())));
  std::tm tm{};
  tm.tm_year = std::stoi(m[2].str()) - 1900;
  tm.tm_mon = std::stoi(m[3].str()) - 1;
  tm.tm_mday = std::stoi(m[4].str());
  tm.tm_hour = std::stoi(std::string(trim_ascii_space(m[5].str())));
  tm.tm_min = std::stoi(m[6].str());
  e.published = static_cast<std::int64_t>(timegm(&tm));
  e.precision = DatePrecision::Exact;
}

// One message of a flat thread view (View.pm eml_entry): "* Subject", the thread around it,
// "From: NAME @ DATE UTC (permalink / raw)", To/Cc, a blank line, the body, and the footer
// "^ permalink raw reply [flat|nested] N messages in thread".
struct FlatEntry {
  Entry entry;
  std::string anchor;  // "ID" of its id=mID, which the overview links
  std::string view;    // the thread's flat view under this message, as public-inbox spells it
};

std::optional<FlatEntry> read_flat_entry(xmlXPathContext* ctx, xmlNode* pre, const PageContext& context) {
  FlatEntry out;
  out.anchor = first_string_at(ctx, pre, "a[1]/@id");
  const std::string permalink = first_string_at(ctx, pre, "a[.='permalink'][1]/@href");
  Entry& e = out.entry;
  e.native_id = id_from_href(permalink);
  if (e.native_id.empty() || out.anchor.size() < 2) return std::nullopt;
  out.anchor.erase(0, 1);
  e.url = "#m" + out.anchor;  // on the thread's address, once known
  out.view = resolve_url(context.url, permalink + "T/").value_or("");
  const std::string text = node_string(pre);
  read_from_line(text, e);
  const std::size_t from = text.find("\nFrom: ");
  const std::size_t body = from == std::string::npos ? std::string::npos : text.find("\n\n", from);
  const std::size_t footer = text.rfind("\n^ permalink");
  if (body != std::string::npos && footer != std::string::npos && footer > body) {
    MailText mail = split_mail_body(text.substr(body + 2, footer - body - 2));
    e.text = std::move(mail.text);
    e.quotes = std::move(mail.quotes);
  }
  return out;
}

}  // namespace

// public-inbox (lib/PublicInbox/View.pm, WwwStream.pm of 1.9) marks every page with the
// mirroring link <a id=mirror href="…_/text/mirror/">.
bool is_public_inbox(xmlXPathContext* ctx) {
  return first_string(ctx, "boolean(//a[@id='mirror'][contains(@href,'_/text/mirror/')])") == "true";
}

// A message page (/LIST/MESSAGE-ID/): the headers and the body in <pre id=b>, quoted lines in
// span.q, and the thread overview, whose first message is the thread's root.
std::optional<ThreadPage> read_public_inbox(xmlXPathContext* ctx, const PageContext& context) {
  const std::string pre = first_string(ctx, "//pre[@id='b']");
  const std::size_t blank = pre.find("\n\n");
  const std::string head = pre.substr(0, blank);
  // The first line "Name: value" (the name in any case), by plain string work: a header
  // line may be a megabyte long, and std::regex recurses a level a character.
  auto header = [&](std::string_view name) {
    for (std::size_t at = 0; at < head.size();) {
      const std::size_t end = std::min(head.find('\n', at), head.size());
      const std::string_view line = std::string_view(head).substr(at, end - at);
      if (line.size() > name.size() && line[name.size()] == ':' &&
          boost::algorithm::iequals(line.substr(0, name.size()), name))
        return std::string(trim_ascii_space(line.substr(name.size() + 1)));
      at = end + 1;
    }
    return std::string();
  };
  Entry e;
  const std::string message_id_header = header("Message-ID");
  e.native_id = message_id(message_id_header.substr(0, message_id_header.find(" (")));
  if (e.native_id.empty()) return std::nullopt;
  e.author = display_name(header("From"));
  if (auto d = parse_date_text(header("Date"), context.captured_at)) {
    e.published = d->utc;
    e.precision = d->precision;
  }
  e.parent_id = message_id(header("In-Reply-To"));
  MailText mail = split_mail_body(blank == std::string::npos ? std::string() : pre.substr(blank + 2));
  e.text = std::move(mail.text);
  e.quotes = std::move(mail.quotes);
  e.url = context.url;

  ThreadPage thread;
  thread.stands_alone = true;
  thread.title = thread_subject(decode_encoded_words(header("Subject")));
  // The overview lists the thread from its root; "[this message]" (a#r) when that is us.
  const std::string root = first_string(
      ctx, "(//pre/b[starts-with(.,'Thread overview')]/following-sibling::b[.//a[@id='r']] | "
           "//pre/b[starts-with(.,'Thread overview')]/following-sibling::a[starts-with(@href,'../')]"
           "[not(contains(@href,'/T/') or contains(@href,'/t/') or contains(@href,'.mbox') or "
           "contains(@href,'.atom') or contains(@href,'?'))]/@href)[1]");
  thread.thread_id = root.empty() || root.rfind("../", 0) != 0 ? e.native_id : id_from_href(root);
  if (e.parent_id.empty()) thread.thread_id = e.native_id;
  thread.thread_url = context.url;
  if (e.parent_id.empty()) thread.post = std::move(e);
  else thread.comments.push_back(std::move(e));
  return thread;
}

// A thread's flat view (/LIST/MESSAGE-ID/T/): every message of the thread with its headers,
// and the thread's overview at the end, which gives each message's parent by its indent.
std::optional<ThreadPage> read_public_inbox_thread(xmlXPathContext* ctx, const PageContext& context) {
  std::map<std::string, FlatEntry> by_anchor;
  std::string first_id, title;
  for (xmlNode* pre : nodes(ctx, nullptr, "//pre[a[1][starts-with(@id,'m')][.='*']]")) {
    if (auto e = read_flat_entry(ctx, pre, context)) {
      if (first_id.empty()) {
        first_id = e->entry.native_id;
        title = first_string_at(ctx, pre, "(.//b)[1]");
      }
      by_anchor.emplace(e->anchor, std::move(*e));
    }
  }
  if (by_anchor.empty()) return std::nullopt;
  ThreadPage thread;
  thread.stands_alone = true;
  std::vector<std::pair<int, std::string>> ancestors;  // (level, Message-ID) down to here
  for (const OverviewLine& line : thread_overview(ctx)) {
    while (!ancestors.empty() && ancestors.back().first >= line.level) ancestors.pop_back();
    const std::string parent = line.level > 0 && !ancestors.empty() ? ancestors.back().second : "";
    auto it = by_anchor.find(line.anchor);
    const std::string id = it != by_anchor.end() ? it->second.entry.native_id : line.ghost;
    if (thread.thread_id.empty()) thread.thread_id = id;
    ancestors.emplace_back(line.level, id);
    if (it == by_anchor.end()) continue;
    // The thread's address is its first archived message's flat view, whichever message's
    // view was read: a listing links a thread by its latest message.
    if (thread.thread_url.empty()) thread.thread_url = it->second.view;
    Entry e = std::move(it->second.entry);
    by_anchor.erase(it);
    e.parent_id = parent;
    // Later roots are the messages public-inbox matched by subject alone: top-level replies.
    if (id == thread.thread_id) thread.post = std::move(e);
    else thread.comments.push_back(std::move(e));
  }
  if (thread.thread_id.empty()) thread.thread_id = first_id;
  if (thread.thread_url.empty()) thread.thread_url = context.url;
  // Messages the overview left out stay in, unparented.
  for (auto& [anchor, e] : by_anchor) thread.comments.push_back(std::move(e.entry));
  for (Entry& e : thread.comments) e.url = thread.thread_url + e.url;
  if (thread.post) thread.post->url = thread.thread_url + thread.post->url;
  thread.title = thread_subject(decode_encoded_words(title));
  return thread;
}

// A listing of the inbox (/LIST/, /LIST/?t=…, View.pm dump_topics, pagination_footer):
// each thread once, by its topic's first link (the later lines of a topic, after "` ", are
// other subjects of the same thread), and the next (older) page. The newer page is never
// taken: the crawl starts at the newest, and "?t=…-" spells each page again.
std::vector<Url> public_inbox_listing_links(xmlXPathContext* ctx, const PageContext& context) {
  std::vector<Url> out;
  auto add = [&](const std::string& href) {
    if (auto resolved = resolve_url(context.url, href))
      if (auto url = Url::parse(*resolved)) out.push_back(std::move(*url));
  };
  for (xmlNode* a : nodes(ctx, nullptr, "//pre/a[contains(@href,'/T/')]")) {
    const std::string before = a->prev != nullptr ? node_string(a->prev) : "";
    if (before.size() >= 2 && before.compare(before.size() - 2, 2, "` ") == 0) continue;
    add(attribute(a, "href"));
  }
  for (xmlNode* a : nodes(ctx, nullptr, "//a[@rel='next'][contains(@href,'?t=')]")) add(attribute(a, "href"));
  return out;
}

}  // namespace fora::extract
