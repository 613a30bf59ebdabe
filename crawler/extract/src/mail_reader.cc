#include "mail_reader.h"

#include <boost/algorithm/string/predicate.hpp>
#include <libxml/HTMLparser.h>

#include <curl/curl.h>

#include <cstring>
#include <regex>

#include "date_text.h"
#include "links.h"
#include "mail_text.h"
#include "sanitize.h"
#include "xpath_query.h"

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
  if (std::regex_search(reply, m, kInReplyTo)) {
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

// A message page (/LIST/MESSAGE-ID/): the headers and the body in <pre id=b>, quoted lines in
// span.q, and the thread overview, whose first message is the thread's root.
std::optional<ThreadPage> read_public_inbox(xmlXPathContext* ctx, const PageContext& context) {
  const std::string pre = first_string(ctx, "//pre[@id='b']");
  const std::size_t blank = pre.find("\n\n");
  const std::string head = pre.substr(0, blank);
  auto header = [&](const char* name) {
    const std::regex re(std::string("(?:^|\n)") + name + ":[ \t]*([^\n]*)", std::regex::icase);
    std::smatch m;
    return std::regex_search(head, m, re) ? trim_blanks(m[1].str()) : std::string();
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

// ---- pipermail thread index ---------------------------------------------------------

// thread.html marks each message with its chain of ancestors:
// <!--2 01330618740.57767-01330621503.57769-01330625742.57771- --> is message 57771, a reply
// to 57769 in the thread of 57767; message N's page is 0N.html (six digits) beside the index.
std::vector<ReplyLink> pipermail_reply_links(xmlXPathContext* ctx, const PageContext& context) {
  static const std::regex kChain(R"(^[0-9]+ ((?:[0-9]+\.[0-9]+-)+) ?$)");
  static const std::regex kLink(R"([0-9]+\.([0-9]+)-)");
  static const Result<XPathQuery> kComments = XPathQuery::compile("//comment()");
  std::vector<ReplyLink> out;
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
    for (std::sregex_iterator it(chain.begin(), chain.end(), kLink), end; it != end; ++it)
      numbers.push_back((*it)[1].str());
    if (numbers.size() < 2) continue;
    auto child = page_of(numbers.back()), parent = page_of(numbers[numbers.size() - 2]);
    if (child && parent) out.push_back({*child, *parent});
  }
  return out;
}

bool is_pipermail_thread_index(xmlXPathContext* ctx) {
  return first_string(ctx, "boolean(//comment()[starts-with(.,'0 ')][contains(.,'.')] and //li/a[@name])") == "true";
}

class MailReader : public Reader {
 public:
  std::string name() const override { return "mail"; }

  // On mail archives the raw message, mbox and Atom exports, search and the whole-thread
  // views repeat the message pages; only message pages and indexes lead on.
  std::vector<Url> follow(std::vector<Url> links) const override {
    static const std::regex kRepeats(R"((?:/raw|/T/|/t/|\.mbox\.gz|\.atom|/R/?)(?:$|[?#])|/_/|[?&]q=)");
    std::vector<Url> out;
    for (Url& link : links)
      if (!std::regex_search(link.str(), kRepeats)) out.push_back(std::move(link));
    return out;
  }

  std::optional<Reading> read(const HtmlDocument& page,
                              const PageContext& context) const override {
    const bool thread_index = is_pipermail_thread_index(page.xpath);
    Reading reading;
    if (!comment_values(page.xpath, "X-Message-Id").empty())
      reading.why = "MHonArc message page (X-Message-Id comment)";
    else if (first_string(page.xpath, "boolean(//comment()[.='beginarticle'])") == "true")
      reading.why = "pipermail message page (<!--beginarticle--> comment)";
    else if (first_string(page.xpath, "boolean(//pre[@id='b'][starts-with(normalize-space(.),'From:')][contains(.,'Message-ID:')])") == "true")
      reading.why = "public-inbox message page (<pre id=b> with its headers)";
    else if (thread_index)
      reading.why = "pipermail thread index (<!--N ancestors--> comments): replies among its messages";
    else
      return std::nullopt;
    if (thread_index) {
      reading.reply_links = pipermail_reply_links(page.xpath, context);
      return reading;
    }
    reading.thread = read_mhonarc(page.xpath, context);
    if (!reading.thread && first_string(page.xpath, "boolean(//pre[@id='b'])") == "true")
      reading.thread = read_public_inbox(page.xpath, context);
    if (!reading.thread) reading.thread = read_pipermail(page.xpath, context);
    return reading;
  }
};

}  // namespace

std::unique_ptr<Reader> make_mail_reader() { return std::make_unique<MailReader>(); }

}  // namespace fora::extract
