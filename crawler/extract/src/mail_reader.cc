#include "mail_reader.h"

#include <boost/algorithm/string/predicate.hpp>
#include <libxml/HTMLparser.h>

#include <curl/curl.h>

#include <cstring>
#include <ctime>
#include <map>
#include <regex>

#include "date_text.h"
#include "fora/extract/page_limits.h"
#include "links.h"
#include "mail_text.h"
#include "sanitize.h"
#include "xpath/xpath_query.h"

namespace fora::extract {
namespace {

// Entities in MHonArc's header comments ("&#45;" for '-').
std::string decode_entities(std::string s) {
  static const std::regex kNumeric("&#([0-9]{1,6});");
  std::string out;
  std::sregex_iterator it(s.begin(), s.end(), kNumeric), end;
  std::size_t at = 0;
  for (; it != end; ++it) {
    out.append(s, at, static_cast<std::size_t>(it->position()) - at);
    const long code = std::stol((*it)[1].str());
    if (code > 0 && code < 0x80) out += static_cast<char>(code);
    at = static_cast<std::size_t>(it->position() + it->length());
  }
  out.append(s, at);
  for (auto [entity, ch] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}})
    for (std::size_t p; (p = out.find(entity)) != std::string::npos;) out.replace(p, std::strlen(entity), ch);
  return out;
}

// The values of the comments "<!--NAME: value -->" (MHonArc's header comments), in order.
std::vector<std::string> comment_values(xmlXPathContext* ctx, const std::string& name) {
  static const Result<XPathQuery> kComments = XPathQuery::compile("//comment()");
  std::vector<std::string> out;
  if (!kComments) return out;
  for (const std::string& c : eval_strings(*kComments, ctx, nullptr))
    if (boost::algorithm::starts_with(c, name + ":"))
      out.push_back(decode_entities(trim_blanks(c.substr(name.size() + 1))));
  return out;
}

std::string first_string(xmlXPathContext* ctx, const char* xpath) {
  auto query = XPathQuery::compile(xpath);
  if (!query) return {};
  for (std::string& v : eval_strings(*query, ctx, nullptr)) return v;
  return {};
}

// "[Twisted-Python] Re: Re: Fwd: Subject" -> "Subject", for thread names.
std::string thread_subject(std::string subject) {
  static const std::regex kPrefix(R"(^\s*(?:\[[^\]]{1,60}\]\s*|(?:re|aw|sv|fwd?|wg)\s*(?:\[[0-9]+\])?\s*:\s*)+)",
                                  std::regex::icase);
  return normalize_line(std::regex_replace(subject, kPrefix, ""));
}

bool is_reply_subject(const std::string& subject) {
  static const std::regex kRe(R"(^\s*(?:\[[^\]]{1,60}\]\s*)?(?:re|aw|sv)\s*(?:\[[0-9]+\])?\s*:)",
                              std::regex::icase);
  return std::regex_search(subject, kRe);
}

std::string message_id(std::string id) {
  id = trim_blanks(id);
  if (!id.empty() && id.front() == '<') id.erase(0, 1);
  if (!id.empty() && id.back() == '>') id.pop_back();
  return strip_controls(id);
}

// ---- MHonArc ----------------------------------------------------------------------------

// MHonArc keeps the From header in a comment (X-From-R13) whatever the page shows (addresses
// may be hidden there), encoded with its own rotation: lowercase by 13 as ROT13, and the 28
// characters "@A-Z[" by 14 among themselves (Perl: tr/@A-[a-z/N-[@-Mn-za-m/); both are
// their own inverse.
std::string mhonarc_r13(std::string s) {
  static constexpr std::string_view kPlain = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[";
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>('a' + (c - 'a' + 13) % 26);
    } else if (auto at = kPlain.find(c); at != std::string_view::npos) {
      c = kPlain[(at + 14) % kPlain.size()];
    }
  }
  return s;
}

std::optional<ThreadPage> read_mhonarc(xmlXPathContext* ctx, const PageContext& context) {
  auto ids = comment_values(ctx, "X-Message-Id");
  if (ids.empty()) return std::nullopt;
  auto subjects = comment_values(ctx, "X-Subject");
  auto dates = comment_values(ctx, "X-Date");
  auto refs = comment_values(ctx, "X-Reference");
  Entry e;
  e.native_id = message_id(ids.front());
  auto from = comment_values(ctx, "X-From-R13");
  e.author = display_name(from.empty() ? first_string(ctx, "//ul/li[em='From']") : mhonarc_r13(from.front()));
  if (!dates.empty())
    if (auto d = parse_date_text(dates.front(), context.captured_at)) {
      e.published = d->utc;
      e.precision = d->precision;
    }
  if (!refs.empty()) e.parent_id = message_id(refs.back());
  // The body sits between <!--X-Body-of-Message--> and <!--X-Body-of-Message-End-->.
  std::string body = first_string(
      ctx, "//comment()[.='X-Body-of-Message']/following-sibling::*[1][self::pre]");
  if (body.empty())
    body = first_string(ctx, "//comment()[.='X-Body-of-Message']/following-sibling::pre[1]");
  MailText mail = split_mail_body(body);
  e.text = std::move(mail.text);
  e.quotes = std::move(mail.quotes);
  e.url = context.url;

  ThreadPage thread;
  thread.stands_alone = true;
  thread.title = thread_subject(subjects.empty() ? "" : decode_encoded_words(decode_entities(subjects.front())));
  thread.thread_id = refs.empty() ? e.native_id : message_id(refs.front());
  thread.thread_url = context.url;
  if (e.parent_id.empty()) thread.post = std::move(e);
  else thread.comments.push_back(std::move(e));
  return thread;
}

// ---- pipermail ----------------------------------------------------------------------

std::optional<ThreadPage> read_pipermail(xmlXPathContext* ctx, const PageContext& context) {
  const std::string reply = first_string(
      ctx, "(//link[translate(@rel,'MADE','made')='made']/@href | //a[contains(@href,'In-Reply-To=')]/@href)[1]");
  const std::string subject = first_string(ctx, "//h1");
  Entry e;
  static const std::regex kInReplyTo(R"(In-Reply-To=([^&]+))");
  std::smatch m;
  if (reply.size() <= kMaxRegexInput && std::regex_search(reply, m, kInReplyTo)) {
    char* decoded = curl_unescape(m[1].str().c_str(), 0);
    if (decoded != nullptr) {
      e.native_id = message_id(decoded);
      curl_free(decoded);
    }
  }
  e.author = normalize_line(first_string(ctx, "//h1/following-sibling::b[1]"));
  if (auto d = parse_date_text(first_string(ctx, "//h1/following-sibling::i[1]"), context.captured_at)) {
    e.published = d->utc;
    e.precision = d->precision;
  }
  MailText mail = split_mail_body(first_string(ctx, "//comment()[.='beginarticle']/following-sibling::pre[1]"));
  e.text = std::move(mail.text);
  e.quotes = std::move(mail.quotes);
  e.url = context.url;
  if (e.native_id.empty()) e.native_id = context.url;

  ThreadPage thread;
  thread.stands_alone = true;
  thread.title = thread_subject(subject);
  // The list is the folder above the month: .../pipermail/LIST/2012-March/057769.html
  std::string list = context.url;
  if (auto month = list.rfind('/'); month != std::string::npos) list.erase(month);
  if (auto slash = list.rfind('/'); slash != std::string::npos) list.erase(slash);
  thread.thread_id = "subject:" + list + ":" + thread.title;
  thread.thread_url = context.url;
  if (is_reply_subject(subject)) thread.comments.push_back(std::move(e));
  else thread.post = std::move(e);
  return thread;
}

// ---- public-inbox ----------------------------------------------------------------------

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
        return trim_blanks(std::string(line.substr(name.size() + 1)));
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
  e.author = display_name(trim_blanks(m[1].str()));
  std::tm tm{};
  tm.tm_year = std::stoi(m[2].str()) - 1900;
  tm.tm_mon = std::stoi(m[3].str()) - 1;
  tm.tm_mday = std::stoi(m[4].str());
  tm.tm_hour = std::stoi(trim_blanks(m[5].str()));
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

// ---- pipermail thread index ---------------------------------------------------------

// thread.html marks each message with its chain of ancestors:
// <!--2 01330618740.57767-01330621503.57769-01330625742.57771- --> is message 57771, a reply
// to 57769 in the thread of 57767, sent at 1330625742 (Unix seconds); message N's page is
// 0N.html (six digits) beside the index.
struct ThreadIndex {
  std::vector<ReplyLink> replies;      // which message page replies to which
  std::optional<std::int64_t> newest;  // the latest message's date
};

ThreadIndex pipermail_thread_index(xmlXPathContext* ctx, const PageContext& context) {
  static const std::regex kChain(R"(^[0-9]+ ((?:[0-9]+\.[0-9]+-)+) ?$)");
  static const std::regex kLink(R"(([0-9]+)\.([0-9]+)-)");
  static const Result<XPathQuery> kComments = XPathQuery::compile("//comment()");
  ThreadIndex out;
  if (!kComments) return out;
  auto page_of = [&](const std::string& number) -> std::optional<std::string> {
    if (number.size() > 6) return std::nullopt;
    return resolve_url(context.url, std::string(6 - number.size(), '0') + number + ".html");
  };
  for (const std::string& comment : eval_strings(*kComments, ctx, nullptr)) {
    std::smatch m;
    if (comment.size() > 4096 || !std::regex_match(comment, m, kChain)) continue;
    const std::string chain = m[1].str();
    std::vector<std::string> numbers;
    std::string date;
    for (std::sregex_iterator it(chain.begin(), chain.end(), kLink), end; it != end; ++it) {
      date = (*it)[1].str();
      numbers.push_back((*it)[2].str());
    }
    if (date.size() <= 12) {
      const std::int64_t sent = std::stoll(date);
      if (!out.newest || sent > *out.newest) out.newest = sent;
    }
    if (numbers.size() < 2) continue;
    auto child = page_of(numbers.back()), parent = page_of(numbers[numbers.size() - 2]);
    if (child && parent) out.replies.push_back({*child, *parent});
  }
  return out;
}

// A month's index grows while its month may get mail: until a month after its latest
// message. (A list quiet for longer gets a new month's index for its next message, which the
// table of contents then lists.)
std::int64_t growing_until(const ThreadIndex& index) {
  constexpr std::int64_t kMonth = 31 * 86400;
  return index.newest ? *index.newest + kMonth : 0;
}

bool is_pipermail_thread_index(xmlXPathContext* ctx) {
  return first_string(ctx, "boolean(//comment()[starts-with(.,'0 ')][contains(.,'.')] and //li/a[@name])") == "true";
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

// Whether the page is pipermail's table of contents (archtoc.html): per volume, links to its
// thread, subject, author and date indexes and its text archive.
bool is_pipermail_toc(xmlXPathContext* ctx) {
  return first_string(ctx, "boolean(//a[contains(@href,'/thread.html')] and //a[contains(@href,'/subject.html')]"
                           " and //a[contains(@href,'/author.html')])") == "true";
}

// An MHonArc index page (maillist.html, threads.html and their later pages): MHonArc signs
// every page it writes with the comment "MHonArc v2.6.19".
bool is_mhonarc(xmlXPathContext* ctx) {
  return first_string(ctx, "boolean(//comment()[starts-with(normalize-space(.),'MHonArc v')])") == "true";
}

class MailReader : public Reader {
 public:
  std::string name() const override { return "mail"; }

  // On mail archives the raw message, mbox and Atom exports, attachments, search, the help
  // pages and the nested thread view repeat the message pages, and the indexes by other
  // orders (MHonArc's thread index beside its date index, pipermail's subject, author and
  // date indexes beside its thread index) repeat the index read. Mailman 2's pages for
  // people (listinfo, options, roster, subscribe: /mailman/… or /cgi-bin/mailman/…, which
  // every pipermail page links) hold no mail.
  std::vector<Url> follow(std::vector<Url> links) const override {
    static const std::regex kRepeats(
        R"((?:/raw|/t/|\.mbox\.gz|\.atom|/R/?)(?:$|[?#])|/_/|[?&]q=|/attachments/|)"
        R"(/mailman/(?:listinfo|options|roster|subscribe|admin|admindb|private|confirm|create)(?:/|$)|)"
        R"((?:^|/)(?:threads|thrd[0-9]+|subject|author|date)\.html$|/[^/?]*\.(?!html?$)[A-Za-z0-9]{1,5}$)");
    // A link longer than kMaxRegexInput is a trap whatever it names (the crawl stops
    // addresses over 1024 characters) and is left here: std::regex's matcher recurses a
    // level a character, and a page's megabyte-long link overflowed the stack.
    std::vector<Url> out;
    for (Url& link : links)
      if (link.str().size() <= kMaxRegexInput && !std::regex_search(link.str(), kRepeats)) out.push_back(std::move(link));
    return out;
  }

  std::optional<Reading> read(const HtmlDocument& page,
                              const PageContext& context) const override {
    xmlXPathContext* ctx = page.xpath;
    Reading reading;
    if (!comment_values(ctx, "X-Message-Id").empty()) {
      reading.why = "MHonArc message page (X-Message-Id comment)";
      reading.thread = read_mhonarc(ctx, context);
    } else if (first_string(ctx, "boolean(//comment()[.='beginarticle'])") == "true") {
      reading.why = "pipermail message page (<!--beginarticle--> comment)";
      reading.thread = read_pipermail(ctx, context);
    } else if (first_string(ctx, "boolean(//pre[@id='b'][starts-with(normalize-space(.),'From:')][contains(.,'Message-ID:')])") == "true") {
      reading.why = "public-inbox message page (<pre id=b> with its headers)";
      reading.thread = read_public_inbox(ctx, context);
      // The rest of its thread is on the thread's flat view, one request for all of it.
      if (auto flat = resolve_url(context.url, "T/"))
        if (auto url = Url::parse(*flat)) reading.links.push_back(std::move(*url));
      reading.only_these_links = true;
    } else if (is_public_inbox(ctx)) {
      reading.thread = read_public_inbox_thread(ctx, context);
      if (reading.thread) {
        reading.why = "public-inbox thread, flat view (every message with its headers)";
      } else {
        reading.why = "public-inbox listing (id=mirror link): each thread's flat view and the older page";
        reading.links = public_inbox_listing_links(ctx, context);
        // The front page lists the threads by their latest message, newest first.
        if (context.url.find("?t=") == std::string::npos) reading.every_update_until = kEveryUpdate;
      }
      reading.only_these_links = true;
    } else if (is_pipermail_thread_index(ctx)) {
      ThreadIndex index = pipermail_thread_index(ctx, context);
      reading.why = "pipermail thread index (<!--N ancestors--> comments): replies among its messages";
      reading.reply_links = std::move(index.replies);
      reading.every_update_until = growing_until(index);
    } else if (is_mhonarc(ctx)) {
      reading.why = "MHonArc index (<!--MHonArc--> comment)";
      reading.every_update_until = kEveryUpdate;  // where new mail is listed
    } else if (is_pipermail_toc(ctx)) {
      reading.why = "pipermail table of contents (each volume's thread.html)";
      reading.every_update_until = kEveryUpdate;  // a new month's indexes are listed here first
    } else {
      return std::nullopt;
    }
    return reading;
  }
};

}  // namespace

std::unique_ptr<Reader> make_mail_reader() { return std::make_unique<MailReader>(); }

}  // namespace fora::extract
