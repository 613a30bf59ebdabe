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
#include "mail_page.h"
#include "public_inbox.h"

namespace fora::extract {
namespace {

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
