// The readers behind the profiles: schema.org (JSON-LD and microdata), the mail archive
// reader's body splitting, a profile that leans on schema.org, and a page no reader knows.
// Expected values are read off the hand-written pages below.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "fora/extract/extractor.h"
#include "mail_text.h"

namespace fora::extract {
namespace {

namespace fs = std::filesystem;

const Extractor& shipped() {
  static auto e = Extractor::open(FORA_SOURCE_DIR "/data/profiles");
  if (!e) throw std::runtime_error(e.error().message);
  return *e;
}

TEST(SchemaOrgReader, ReadsAQuestionWithItsAnswersFromJsonLd) {
  const std::string page = R"(<html><head><title>Q</title><script type="application/ld+json">
  {"@context":"https://schema.org","@type":"QAPage","mainEntity":{"@type":"Question",
   "name":"How do I print a date?","text":"<p>I tried <code>date</code>.</p>","author":{"@type":"Person","name":"Kapsh"},
   "dateCreated":"2009-09-09T19:06:56Z","url":"https://qa.example/q/1",
   "acceptedAnswer":{"@type":"Answer","text":"Use date +%F","author":{"name":"Philip"},"dateCreated":"2009-09-09T19:08:57Z","url":"https://qa.example/q/1#a2",
     "comment":[{"@type":"Comment","text":"Works here.","author":"Bob","dateCreated":"2013-03-19T18:59:25Z","url":"https://qa.example/q/1#c3"}]},
   "suggestedAnswer":[{"@type":"Answer","text":"Try %Y-%m-%d","author":"lutz","dateCreated":"2009-09-09T19:08:32Z","url":"https://qa.example/q/1#a4"}]}}
  </script></head><body><nav><a href="/">Home</a></nav></body></html>)";
  auto r = shipped().extract(page, "https://qa.example/q/1");
  ASSERT_TRUE(r && r->thread) << (r ? "no thread" : r.error().message);
  EXPECT_EQ(r->reader, "schema.org");
  const ThreadPage& t = *r->thread;
  EXPECT_EQ(t.title, "How do I print a date?");
  EXPECT_EQ(t.thread_url, "https://qa.example/q/1");
  ASSERT_TRUE(t.post);
  EXPECT_EQ(t.post->author, "Kapsh");
  EXPECT_EQ(t.post->text, "I tried date.");
  EXPECT_EQ(t.post->published, 1252523216);
  ASSERT_EQ(t.comments.size(), 3u);
  EXPECT_EQ(t.comments[0].native_id, "a2");
  EXPECT_EQ(t.comments[0].author, "Philip");
  EXPECT_EQ(t.comments[1].native_id, "c3");
  EXPECT_EQ(t.comments[1].parent_id, "a2");  // the comment sits under the accepted answer
  EXPECT_EQ(t.comments[2].author, "lutz");
}

TEST(SchemaOrgReader, ReadsNestedMicrodataCommentsAsReplies) {
  const std::string page = R"(<html><body>
  <article itemscope itemtype="http://schema.org/DiscussionForumPosting">
    <h1 itemprop="headline">Soyuz leak</h1>
    <span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Robert</span></span>
    <time itemprop="datePublished" datetime="2022-12-16T09:15:00-07:00">Dec 16</time>
    <div itemprop="articleBody"><p>The post.</p></div>
    <div id="c1" itemprop="comment" itemscope itemtype="http://schema.org/Comment">
      <span itemprop="author">Edward</span><meta itemprop="dateCreated" content="2022-12-16T17:00:00Z">
      <div itemprop="text"><blockquote>The post.</blockquote><p>Micrometeorite, surely.</p></div>
      <div id="c2" itemprop="comment" itemscope itemtype="http://schema.org/Comment">
        <span itemprop="author">Chris</span><div itemprop="text">Agreed.</div>
      </div>
    </div>
  </article><footer>Copyright</footer></body></html>)";
  auto r = shipped().extract(page, "https://blog.example/soyuz/");
  ASSERT_TRUE(r && r->thread);
  EXPECT_EQ(r->reader, "schema.org");
  const ThreadPage& t = *r->thread;
  EXPECT_EQ(t.title, "Soyuz leak");
  ASSERT_TRUE(t.post);
  EXPECT_EQ(t.post->author, "Robert");
  EXPECT_EQ(t.post->published, 1671207300);
  ASSERT_EQ(t.comments.size(), 2u);
  EXPECT_EQ(t.comments[0].native_id, "c1");
  EXPECT_EQ(t.comments[0].text, "Micrometeorite, surely.");
  ASSERT_EQ(t.comments[0].quotes.size(), 1u);
  EXPECT_EQ(t.comments[1].author, "Chris");
  EXPECT_EQ(t.comments[1].parent_id, "c1");
  EXPECT_FALSE(t.comments[1].published);  // none given: never invented
}

TEST(Readers, APageNoReaderKnowsGivesLinksButNoEntries) {
  const std::string page = R"(<html><body><nav><a href="/a">A</a><a href="/b">B</a></nav>
    <div class="sidebar"><ul><li class="comment">Recent: <a href="/c">C</a></li></ul></div>
    <main><h1>About us</h1><p>We sell rockets.</p></main><footer><a href="/imprint">Imprint</a></footer>
    </body></html>)";
  auto r = shipped().extract(page, "https://shop.example/about");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->reader.empty());
  EXPECT_FALSE(r->thread);
  EXPECT_EQ(r->links.size(), 4u);
}

TEST(Readers, AProfileCanLeanOnSchemaOrgAndOverrideTheTitle) {
  const fs::path dir = fs::temp_directory_path() / ("fora-base-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "site.toml") << "name = 'site'\nbase = 'schema.org'\n[match]\nurls = ['^https://forum\\.example/']\n"
                                      "[thread]\ntitle = \"//h1[@class='real-title']\"\n[crawl]\nskip = ['/login']\n";
  auto e = Extractor::open(std::vector<fs::path>{dir});
  fs::remove_all(dir);
  ASSERT_TRUE(e) << e.error().message;
  const std::string page = R"(<html><head><script type="application/ld+json">
    {"@type":"DiscussionForumPosting","headline":"Forum | Thread | Site","author":"Ann","text":"Hello",
     "datePublished":"2024-01-01T10:00:00Z","comment":[{"@type":"Comment","author":"Ben","text":"Hi","identifier":"7"}]}
    </script></head><body><h1 class="real-title">Thread</h1><a href="/login">Log in</a><a href="/t/2">Next</a></body></html>)";
  auto r = e->extract(page, "https://forum.example/t/1");
  ASSERT_TRUE(r && r->thread);
  EXPECT_EQ(r->reader, "profile:site");
  EXPECT_EQ(r->thread->title, "Thread");
  ASSERT_EQ(r->thread->comments.size(), 1u);
  EXPECT_EQ(r->thread->comments[0].native_id, "7");
  ASSERT_EQ(r->links.size(), 1u);
  EXPECT_EQ(r->links[0].str(), "https://forum.example/t/2");
}

// A HyperKitty thread page's ?noscript view as HyperKitty 1.3.7's templates render it
// (thread.html, messages/message.html, ajax/replies.html): a reply's day is printed only when
// it changes ({% ifchanged %}) and never with its year, which is in the "Sender's time"
// tooltip; a direct reply to the first email has no reply-level class (level = depth - 1).
TEST(Readers, HyperKittyThreadPageGivesTheThreadWithItsReplyTree) {
  auto email = [](const std::string& hash, const std::string& name, const std::string& day,
                  const std::string& sender_time, const std::string& time, const std::string& body) {
    const std::string date = day.empty() ? "" : "<span class=\"date d-none d-sm-inline\">" + day + "</span><span class=\"date d-sm-none\">x</span>";
    return "<div class=\"email\"><div id=\"" + hash + "\" class=\"email-header\"><div class=\"gravatar-wrapper\">"
           "<div class=\"gravatar circle\"><img src=\"x.png\"></div><div class=\"email-author\"><span class=\"name\">"
           "<a href=\"/hyperkitty/users/1/\" title=\"See the profile for " + name + "\">" + name + "</a></span></div></div>"
           "<div class=\"email-date right\">" + date + "<div class=\"time\"><span title=\"Sender's time: " + sender_time + "\">" + time + "</span></div></div></div>"
           "<div class=\"email-body \">" + body + "</div><div class=\"email-info\"><a href=\"/hyperkitty/list/dev@lists.example.org/message/" + hash + "/\">link</a></div></div>";
  };
  const std::string page =
      "<html><head><title>Release plans - dev - lists.example.org</title></head><body><div class=\"row view-thread\">"
      "<div class=\"thread-header\"><h3>Release plans</h3></div><div id=\"thread-content\">" +
      email("AAAA", "Anna Müller", "3 Mar\n  2021", "March 3, 2021, 1:26 p.m.", "12:26 p.m.", "<p>Shall we release?</p>") +
      "<div class=\"replies\"><div class=\"odd \">" +
      email("BBBB", "Ben", "4 Mar", "March 3, 2021, 11:05 p.m.", "9:05 a.m.",
            "<p>On Wed, Mar 3, 2021, Anna Müller wrote:</p><div class=\"quoted-switch\"><a href=\"#\">...</a></div>"
            "<blockquote class=\"blockquote quoted-text\"><p>Shall we release?</p></blockquote><p>Yes.</p>") +
      "</div><div class=\"even reply-level-1\">" + email("CCCC", "Chris", "", "March 4, 2021, 10 a.m.", "10 a.m.", "<p>Agreed.</p>") +
      "</div><div class=\"odd \">" + email("DDDD", "Dana", "5 Mar", "March 5, 2021, noon", "noon", "<p>Not yet.</p>") +
      "</div></div></div><p class=\"sort-mode\"><a href=\"/hyperkitty/list/dev@lists.example.org/thread/T5Q/?sort=date\">"
      "Show replies by date</a></p><a href=\"/hyperkitty/list/dev@lists.example.org/thread/T6R/\">Next</a>"
      "<a href=\"/accounts/login/?next=/hyperkitty/\">Sign in</a></div></body></html>";
  auto r = shipped().extract(page, "https://lists.example.org/hyperkitty/list/dev@lists.example.org/thread/T5Q/?noscript");
  ASSERT_TRUE(r && r->thread);
  EXPECT_EQ(r->reader, "profile:hyperkitty");
  const ThreadPage& t = *r->thread;
  EXPECT_EQ(t.thread_id, "T5Q");
  EXPECT_EQ(t.title, "Release plans");
  ASSERT_TRUE(t.post);
  EXPECT_EQ(t.post->native_id, "AAAA");
  EXPECT_EQ(t.post->author, "Anna Müller");
  EXPECT_EQ(t.post->published, 1614774360);  // 2021-03-03T12:26Z
  ASSERT_EQ(t.comments.size(), 3u);
  EXPECT_EQ(t.comments[0].parent_id, "AAAA");  // a direct reply: no reply-level class
  EXPECT_EQ(t.comments[0].text, "Yes.");
  ASSERT_EQ(t.comments[0].quotes.size(), 1u);
  EXPECT_EQ(t.comments[0].quotes[0].author, "Anna Müller");
  EXPECT_EQ(t.comments[0].published, 1614848700);  // 2021-03-04T09:05Z (the sender's 3 March)
  EXPECT_EQ(t.comments[1].parent_id, "BBBB");
  EXPECT_EQ(t.comments[1].published, 1614852000);  // 2021-03-04T10:00Z: the day printed before it
  EXPECT_EQ(t.comments[2].parent_id, "AAAA");
  EXPECT_EQ(t.comments[2].published, 1614945600);  // 2021-03-05T12:00Z
  // The next thread is fetched as its ?noscript page, the only one with its replies; the
  // sorted view and the sign-in page are not fetched.
  ASSERT_EQ(r->links.size(), 1u);
  EXPECT_EQ(r->links[0].str(), "https://lists.example.org/hyperkitty/list/dev@lists.example.org/thread/T6R/?noscript");
}

// SMF 2.0's Curve theme (Display.template.php): a quick-moderation div#msg_N_quick_mod comes
// before the text's div.inner#msg_N, and quotes have a quoteheader before the blockquote.
TEST(Readers, Smf20CurveTopicPage) {
  auto post = [](const std::string& id, const std::string& who, const std::string& when, const std::string& body) {
    return "<a id=\"msg" + id + "\"></a><div class=\"windowbg\"><span class=\"topslice\"><span></span></span><div class=\"post_wrapper\">"
           "<div class=\"poster\"><h4><a href=\"index.php?action=profile;u=1\" title=\"View the profile of " + who + "\">" + who + "</a></h4>"
           "<ul class=\"reset smalltext\" id=\"msg_" + id + "_extra_info\"><li class=\"postcount\">Posts: 12</li></ul></div>"
           "<div class=\"postarea\"><div class=\"flow_hidden\"><div class=\"keyinfo\"><h5 id=\"subject_" + id + "\"><a href=\"index.php?topic=5.msg" + id +
           "#msg" + id + "\">Re: Launch</a></h5><div class=\"smalltext\">&#171; <strong>Reply #1 on:</strong> " + when + " &#187;</div>"
           "<div id=\"msg_" + id + "_quick_mod\"></div></div></div><div class=\"post\"><div class=\"inner\" id=\"msg_" + id + "\">" + body +
           "</div></div></div><div class=\"moderatorbar\"><div class=\"signature\">sig</div></div></div></div>";
  };
  const std::string page =
      "<html><head><script>var smf_scripturl = \"index.php\";</script></head><body><div id=\"forumposts\">" +
      post("11", "Anna", "November 25, 2024, 03:14:00 PM", "Go for launch.") +
      post("12", "Ben", "November 25, 2024, 04:00:00 PM",
           "<div class=\"quoteheader\"><div class=\"topslice_quote\"><a href=\"index.php?topic=5.msg11#msg11\">Quote from: Anna on November 25, 2024, 03:14:00 PM</a></div></div>"
           "<blockquote class=\"bbc_standard_quote\">Go for launch.</blockquote><div class=\"quotefooter\"><div class=\"botslice_quote\"></div></div>Copy that.") +
      "</div></body></html>";
  auto r = shipped().extract(page, "https://f.example/index.php?topic=5.0");
  ASSERT_TRUE(r && r->thread);
  EXPECT_EQ(r->reader, "profile:smf");
  ASSERT_TRUE(r->thread->post);
  EXPECT_EQ(r->thread->thread_id, "5");
  EXPECT_EQ(r->thread->post->native_id, "11");
  EXPECT_EQ(r->thread->post->text, "Go for launch.");
  EXPECT_EQ(r->thread->post->published, 1732547640);  // 2024-11-25T15:14Z
  ASSERT_EQ(r->thread->comments.size(), 1u);
  const Entry& ben = r->thread->comments[0];
  EXPECT_EQ(ben.author, "Ben");
  EXPECT_EQ(ben.text, "Copy that.");
  ASSERT_EQ(ben.quotes.size(), 1u);
  EXPECT_EQ(ben.quotes[0].author, "Anna");
  EXPECT_EQ(ben.quotes[0].text, "Go for launch.");
}

TEST(MailText, SplitsQuotedBlocksWithTheirAttribution) {
  const MailText m = split_mail_body(
      "On Thu, Mar 1, 2012 at 5:05 PM, Itamar Turner-Trauring\n<itamar at itamarst.org>wrote:\n\n"
      ">\n> Hopefully soon.\n\nNot soon - already.\n> second quote\nJean-Paul");
  EXPECT_EQ(m.text, "Not soon - already.\nJean-Paul");
  ASSERT_EQ(m.quotes.size(), 2u);
  EXPECT_EQ(m.quotes[0].author, "Itamar Turner-Trauring");
  EXPECT_EQ(m.quotes[0].text, "Hopefully soon.");
  EXPECT_EQ(m.quotes[1].author, "");
  EXPECT_EQ(mail_attribution("exarkun@twistedmatrix.com wrote:"), "exarkun@twistedmatrix.com");
  EXPECT_EQ(mail_attribution("Am 25.11.2024 um 15:14 schrieb Anna Müller:"), "Anna Müller");
  EXPECT_EQ(mail_attribution("Thanks, that helps."), "");
}

// vBulletin 6.0.6 thread pages, written from vB 6's templates (tests/extract/pages/SOURCES.md):
// what the gold test of these pages does not look at. Expected values are read off the pages.
std::string own_page(const std::string& name) {
  std::ifstream in(fs::path(FORA_SOURCE_DIR "/tests/extract/pages/vbulletin") / name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const std::string kVb6Thread =
    "https://forum.allotment-talk.example/forum/growing/sheds-and-structures/4812-garden-shed-roof-felt-or-epdm";

const Entry* entry_with_id(const ThreadPage& t, const std::string& id) {
  for (const Entry& e : t.comments)
    if (e.native_id == id) return &e;
  return nullptr;
}

TEST(Readers, VBulletin6ThreadPageGivesItsThreadQuotesAndEdits) {
  auto r = shipped().extract(own_page("vb6-allotment-shed-roof.html"), kVb6Thread);
  ASSERT_TRUE(r && r->thread) << (r ? "no thread" : r.error().message);
  EXPECT_EQ(r->reader, "profile:vbulletin");
  const ThreadPage& t = *r->thread;
  EXPECT_EQ(t.thread_id, "4812");
  EXPECT_EQ(t.thread_url, kVb6Thread);
  EXPECT_EQ(t.title, "Garden shed roof: felt or EPDM?");
  EXPECT_EQ(t.categories, (std::vector<std::string>{"Growing", "Sheds & Structures"}));
  ASSERT_TRUE(t.post);
  EXPECT_EQ(t.post->author, "Hedgerow_Harry");
  const Entry* sig = entry_with_id(t, "4815");
  ASSERT_TRUE(sig);
  EXPECT_EQ(sig->text.find("Grow what you eat"), std::string::npos) << "a signature is not the post";
  const Entry* quoting = entry_with_id(t, "4830");
  ASSERT_TRUE(quoting);
  ASSERT_EQ(quoting->quotes.size(), 1u);
  EXPECT_EQ(quoting->quotes[0].author, "marigold");
  EXPECT_EQ(quoting->quotes[0].text.rfind("EPDM every time.", 0), 0u) << quoting->quotes[0].text;
  EXPECT_EQ(quoting->text.rfind("Thanks, EPDM it is.", 0), 0u) << quoting->text;
  EXPECT_EQ(quoting->edited, 1709436000);  // "03-03-2024, 03:20 AM", board time
  const Entry* comment = entry_with_id(t, "4823");
  ASSERT_TRUE(comment);
  EXPECT_EQ(comment->parent_id, "4821");
  EXPECT_EQ(entry_with_id(t, "4821")->text.find("battens"), std::string::npos) << "its comment is not the reply";
}

TEST(Readers, VBulletin6LaterPageHasNoOpeningPostUnderAnyAddress) {
  const std::string page = own_page("vb6-allotment-shed-roof-page2.html");
  for (const std::string& url : {kVb6Thread + "/page2", kVb6Thread + "?p=4840"}) {
    auto r = shipped().extract(page, url);
    ASSERT_TRUE(r && r->thread) << url;
    EXPECT_EQ(r->thread->thread_id, "4812") << url;
    EXPECT_EQ(r->thread->thread_url, kVb6Thread) << url;
    EXPECT_FALSE(r->thread->post) << url << ": the page shows reply #6 first, not the opening post";
    EXPECT_EQ(r->thread->comments.size(), 2u) << url;
  }
}

TEST(Readers, VBulletin6PagesLeadToForumsAndTopicPagesOnly) {
  auto r = shipped().extract(own_page("vb6-allotment-shed-roof.html"), kVb6Thread);
  ASSERT_TRUE(r);
  std::vector<std::string> links;
  for (const Url& u : r->links) links.push_back(u.str());
  auto has = [&](const std::string& url) { return std::find(links.begin(), links.end(), url) != links.end(); };
  const std::string site = "https://forum.allotment-talk.example";
  EXPECT_TRUE(has(site + "/forum"));
  EXPECT_TRUE(has(site + "/forum/growing"));
  EXPECT_TRUE(has(site + "/forum/growing/sheds-and-structures"));
  EXPECT_TRUE(has(kVb6Thread + "/page2"));
  for (const std::string& l : links)
    for (const char* noise : {"/member/", "/auth/", "/register", "/search", "view=", "?p=", "/help", "/contact-us"})
      EXPECT_EQ(l.find(noise), std::string::npos) << l;
}

// A pipermail month's thread index (real: Twisted-Python, March 2012) is where new mail of
// its month shows, until a month after its last message: the reader says until when, the
// same whenever the page was captured, so that a revisit answered 304 long after the
// capture compares it with the revisit, not with the stored copy's date. The page's own
// "Ending:" line names its last message: Sat Mar 31 22:05:28 MDT 2012.
TEST(Readers, APipermailMonthIndexIsReadAtEveryUpdateUntilAMonthAfterItsLastMessage) {
  const fs::path file = FORA_FIXTURES_DIR "/pipermail/twisted-2012-march-thread-index.html";
  if (!fs::exists(file)) GTEST_SKIP() << "fixture absent: " << file << " (real pages are not shipped with fora)";
  std::ifstream in(file, std::ios::binary);
  const std::string page{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const std::int64_t last = 1333253128;  // 2012-03-31 22:05:28 -0600
  const std::string url = "https://twistedmatrix.com/pipermail/twisted-python/2012-March/thread.html";
  for (const std::int64_t captured : {last + 3600, last + 40 * 86400, std::int64_t{1796000000}}) {
    auto r = shipped().extract(page, url, "text/html", captured);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->every_update_until, last + 31 * 86400) << "captured at " << captured;
  }
}

}  // namespace
}  // namespace fora::extract
