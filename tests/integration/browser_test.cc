// fora serve in a real browser: Debian's headless Chromium (support/chromium.h) against
// `fora serve` on an ephemeral loopback port, over the crawled sample site with one comment
// edited between two crawls. A reader's path is clicked through (the search box, a facet,
// a result, the thread, the history, the author, the status and site pages); every page is
// loaded on a desktop, on a phone and in print with no console error, no CSP violation and no
// request but to fora; and an archive whose pages and catalog hold scripts, event handlers,
// javascript: links, CSS and bidi tricks is shown inert. Screenshots of the main pages are
// written to FORA_SCREENSHOT_DIR (default: build/.../screenshots), the test's artefacts.
// Expected values come from the sample's truth (data/sample-site-truth.json) and from the edit
// the test makes. Without chromium (and FORA_CHROMIUM) the tests skip, saying so.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cctype>
#include <chrono>
#include <thread>

#include "catalog_sql.h"
#include "sample_archive.h"
#include "served.h"
#include "support/chromium.h"

namespace fora::test {
namespace {

constexpr const char* kEdit = "Edited after the launch.";

std::string screenshot_dir() {
  const char* given = std::getenv("FORA_SCREENSHOT_DIR");
  return given != nullptr && *given != '\0' ? given : FORA_SCREENSHOT_DIR;
}

// Writes the PNG as an artefact; checks that it is one, of the window's width.
void keep_screenshot(const std::string& png, const std::string& name, int width) {
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8)) << name;
  const auto* b = reinterpret_cast<const unsigned char*>(png.data());
  EXPECT_EQ((b[16] << 24) | (b[17] << 16) | (b[18] << 8) | b[19], width) << name;  // IHDR width
  fs::create_directories(screenshot_dir());
  std::ofstream(fs::path(screenshot_dir()) / (name + ".png"), std::ios::binary) << png;
}

class Browser : public SampleArchive {
 protected:
  static void SetUpTestSuite() {
    if (Chromium::program().empty() || !fs::exists(kTruth)) return;
    SampleArchive::SetUpTestSuite();
    // A second archive of the same site, with one comment edited between two crawls.
    site_ = new TempDir();
    fs::copy(kSite, site_->path(), fs::copy_options::recursive);
    edited_site_ = new TestServer(site_->path());
    edited_ = new TempDir();
    const std::string url = edited_site_->base_url() + "/";
    if (fora(edited_->path(), {"crawl", "--delay", "0", "--quiet", url}).exit_code != 0) return;
    for (const auto& c : truth()["comments"]) {
      const std::string text = c["text"];
      const std::string first = text.substr(0, std::min<std::size_t>(40, text.find('\n')));
      if (first.size() < 30 || first.find_first_of("&<>\"'") != std::string::npos) continue;
      if (replace_in_site(site_->path(), first, std::string(kEdit) + " " + first) == 0) continue;
      edited_comment_ = new std::string("c" + std::to_string(c["id"].get<int>()));
      break;
    }
    // The catalog stamps runs and rows to the second: the second crawl starts in a later one,
    // as a nightly update does, so that what it found is told apart from the first's.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    fora(edited_->path(), {"crawl", "--delay", "0", "--quiet", url});
    fora(edited_->path(), {"index"});
  }
  static void TearDownTestSuite() {
    delete edited_comment_;
    delete edited_;
    delete edited_site_;
    delete site_;
    edited_comment_ = nullptr, edited_ = nullptr, edited_site_ = nullptr, site_ = nullptr;
    SampleArchive::TearDownTestSuite();
  }
  void SetUp() override {
    if (Chromium::program().empty())
      GTEST_SKIP() << "no chromium: install Debian's chromium (tools/debian-packages.txt) or set FORA_CHROMIUM";
    SampleArchive::SetUp();
    ASSERT_NE(edited_comment_, nullptr) << "no comment of the sample could be edited";
    profile_ = std::make_unique<TempDir>();
  }

  // The edited comment's catalog id and its thread's, from the second archive's search.
  static std::pair<std::int64_t, std::int64_t> edited_entry(unsigned short port, const std::string& token = "") {
    std::vector<std::string> headers;
    if (!token.empty()) headers.push_back("Authorization: Bearer " + token);
    for (const auto& hit : json_lines(http_get(port, "/search?q=%22Edited+after+the+launch%22&format=json", headers).body))
      if (!hit.contains("facet") && key_of_url(hit["url"]) == *edited_comment_) return {hit["id"], hit["thread_id"]};
    return {0, 0};
  }

  // Nothing reported, and nothing asked of any server but `served`.
  static void expect_clean(const Chromium& b, const Served& served, const std::string& page) {
    const std::string here = fmt::format("http://127.0.0.1:{}/", served.port());
    for (const auto& p : b.problems()) ADD_FAILURE() << page << ": " << p;
    for (const auto& r : b.requests())
      EXPECT_TRUE(r.starts_with(here) || r.starts_with("data:") || r == "about:blank") << page << " asked for " << r;
  }

  std::unique_ptr<TempDir> profile_;
  static inline TempDir* site_ = nullptr;
  static inline TestServer* edited_site_ = nullptr;
  static inline TempDir* edited_ = nullptr;
  static inline std::string* edited_comment_ = nullptr;
};

TEST_F(Browser, AReaderSearchesNarrowsReadsTheThreadAndTheHistory) {
  Served served(edited_->path());
  Chromium b(profile_->path());
  const std::string base = fmt::format("http://127.0.0.1:{}", served.port());
  // Edward's comments on Soyuz, as the data has them (as in Serve.PagesAndTheirJsonSayWhatTheDataSays).
  std::size_t want = 0;
  for (const auto& c : truth()["comments"])
    want += c["author"] == "Edward" && (about(post(c["post_id"]), "soyuz") || mentions(c["text"], "soyuz"));

  b.open(base + "/");
  expect_clean(b, served, "/");
  b.type_and_submit("header input[name=q]", "every Edward comment on Soyuz");
  expect_clean(b, served, "the search");
  EXPECT_EQ(b.eval("location.search"), "?q=every+Edward+comment+on+Soyuz");
  EXPECT_EQ(b.eval("location.pathname"), "/search");
  EXPECT_EQ(b.eval("document.querySelector('.reading code').textContent"), "author:Edward type:comment soyuz");
  EXPECT_EQ(b.eval("document.querySelectorAll('article.hit').length"), std::min<std::size_t>(want, 20));
  EXPECT_EQ(b.eval("document.querySelector('.total').textContent"), fmt::format("{} results", want));
  EXPECT_GT(b.eval("document.querySelectorAll('article.hit .snippet mark').length").get<int>(), 0);

  // A facet narrows the question: the year's link, its count the results that follow.
  const json facet = b.eval(
      "(() => { const li = [...document.querySelectorAll('aside.facets li')].find(li => /^[0-9]{4}$/.test(li.querySelector('a').textContent));"
      " li.querySelector('a').id = 'pick'; return [li.querySelector('a').textContent, li.querySelector('.count').textContent]; })()");
  b.click("#pick");
  expect_clean(b, served, "the narrowed search");
  EXPECT_NE(b.eval("document.querySelector('header input[name=q]').value").get<std::string>().find("date:" + facet[0].get<std::string>()),
            std::string::npos);
  EXPECT_EQ(b.eval("document.querySelector('.total').textContent").get<std::string>().rfind(facet[1].get<std::string>() + " result", 0), 0u);

  // Sorted by date, then into the first result's thread: the hit highlighted, in view.
  b.click("p.pages a[href*='sort=date']");
  expect_clean(b, served, "the sorted search");
  EXPECT_EQ(b.eval("document.querySelector('p.pages strong').textContent"), "date");
  b.click("article.hit h2 a");
  expect_clean(b, served, "the thread");
  EXPECT_EQ(b.eval("location.pathname.startsWith('/thread/')"), true);
  EXPECT_EQ(b.eval("document.querySelector(location.hash).classList.contains('hit')"), true);
  // In view (scrolled to, its top may sit a fraction of a pixel above the window's).
  EXPECT_EQ(b.eval("(() => { const r = document.querySelector(location.hash).getBoundingClientRect();"
                   " return r.top > -1 && r.top < innerHeight; })()"),
            true);
  const std::string title = b.eval("document.querySelector('h1').textContent");
  std::size_t in_thread = 0;
  for (const auto& p : truth()["posts"]) {
    if (p["title"] != title) continue;
    ++in_thread;
    for (const auto& c : truth()["comments"]) in_thread += c["post_id"] == p["id"];
  }
  EXPECT_EQ(b.eval("document.querySelectorAll('article.entry').length"), in_thread) << title;
  EXPECT_EQ(b.eval("document.querySelectorAll('article.entry.hit').length"), 1);

  // A quote links to the entry it quotes: followed, that entry is the target, in view.
  std::int64_t quoting = 0;
  for (std::int64_t t = 1; t < 100 && quoting == 0; ++t)
    if (served.get(fmt::format("/thread/{}", t)).body.find("<cite><a href=\"#e") != std::string::npos) quoting = t;
  ASSERT_NE(quoting, 0) << "no thread of the sample quotes an entry";
  b.open(fmt::format("{}/thread/{}", base, quoting));
  const std::string quoted = b.eval("document.querySelector('blockquote cite a').getAttribute('href')");
  b.click("blockquote cite a");
  expect_clean(b, served, "the quote's link");
  EXPECT_EQ(b.eval("location.hash"), quoted);
  EXPECT_EQ(b.eval("document.querySelector(location.hash).tagName"), "ARTICLE");
  EXPECT_EQ(b.eval("(() => { const r = document.querySelector(location.hash).getBoundingClientRect();"
                   " return r.top > -1 && r.top < innerHeight; })()"),
            true);

  // Paging: the next 20, then back.
  b.open(base + "/search?q=type%3Acomment");
  const std::string first = b.eval("document.querySelector('article.hit .meta a[href^=\"/entry/\"]').getAttribute('href')");
  b.click("a[rel=next]");
  expect_clean(b, served, "the next page");
  EXPECT_NE(b.eval("location.search").get<std::string>().find("page=2"), std::string::npos);
  EXPECT_NE(b.eval("document.querySelector('article.hit .meta a[href^=\"/entry/\"]').getAttribute('href')"), first);
  b.click("a[rel=prev]");
  EXPECT_EQ(b.eval("document.querySelector('article.hit .meta a[href^=\"/entry/\"]').getAttribute('href')"), first);

  // The edited comment: its badge in the thread, its history as a word diff, its page framed.
  const auto [edited, thread] = edited_entry(served.port());
  ASSERT_NE(edited, 0);
  b.open(fmt::format("{}/thread/{}", base, thread));
  b.click(fmt::format("#e{} a.badge", edited));
  expect_clean(b, served, "the history");
  EXPECT_EQ(b.eval("location.pathname"), fmt::format("/entry/{}", edited));
  EXPECT_NE(b.eval("[...document.querySelectorAll('ins')].map(e => e.textContent).join(' ')").get<std::string>().find(kEdit),
            std::string::npos);
  EXPECT_EQ(b.eval("document.querySelectorAll('ol.versions > li').length"), 2);
  EXPECT_EQ(b.eval("document.querySelector('iframe.archived').getAttribute('sandbox')"), "allow-same-origin");
  const std::string framed = fmt::format("{}/entry/{}/page", base, edited);
  EXPECT_NE(std::find(b.requests().begin(), b.requests().end(), framed), b.requests().end()) << "the frame loaded";

  // Its author, then the status and a site's threads.
  b.click("main p.meta a[href^='/author/']");
  expect_clean(b, served, "the author");
  EXPECT_EQ(b.eval("location.pathname.startsWith('/author/')"), true);
  EXPECT_GT(b.eval("document.querySelectorAll('svg.activity rect').length").get<int>(), 0);
  EXPECT_GT(b.eval("document.querySelectorAll('article.hit').length").get<int>(), 0);
  b.click("header nav a[href='/status']");
  expect_clean(b, served, "the status");
  b.click("main a[href^='/site/']");
  expect_clean(b, served, "the site");
  EXPECT_GT(b.eval("document.querySelectorAll('main a[href^=\"/thread/\"]').length").get<int>(), 0);
  // The second crawl found the one edit; its forums lead to searches of the site.
  EXPECT_NE(b.eval("document.querySelector('main p.meta').textContent").get<std::string>().find("found here 0 new, 1 edited, 0 gone"),
            std::string::npos)
      << b.eval("document.querySelector('main').innerText").get<std::string>();
  const std::string forum_total = b.eval("document.querySelector('main ul li .count').textContent");
  b.click("main ul li a[href^='/search']");
  expect_clean(b, served, "a forum of the site");
  const std::string total = b.eval("document.querySelector('.total').textContent");
  EXPECT_NE(forum_total.find(", " + total.substr(0, total.find(' ')) + " post"), std::string::npos) << forum_total << " / " << total;
}

// A link of the stored page, clicked in the entry page's frame, opens the archive's copy of
// the page it names, in the frame; also when the server asks for a token (its cookie must
// reach the frame's requests).
TEST_F(Browser, AStoredPagesLinksLeadToTheArchivesCopiesInTheFrame) {
  TempDir secret;
  const std::string token = "a-token-of-the-test-0123456789";
  std::ofstream(secret.path() / "token") << token << "\n";
  for (const bool with_token : {false, true}) {
    std::vector<std::string> extra;
    if (with_token) extra = {"--token", (secret.path() / "token").string()};
    Served served(edited_->path(), extra);
    Chromium b(profile_->path() / (with_token ? "token" : "open"));
    const std::string base = fmt::format("http://127.0.0.1:{}", served.port());
    if (with_token) b.open(base + "/?token=" + token);
    const std::int64_t edited = edited_entry(served.port(), with_token ? token : "").first;
    ASSERT_NE(edited, 0);
    b.open(fmt::format("{}/entry/{}", base, edited));
    expect_clean(b, served, "the entry");
    // The blog's name links to its front page, which the crawl stored.
    b.click_in_frame("iframe.archived", "a[href^='/page?url=']");
    expect_clean(b, served, "the link in the frame");
    const std::string front = base + "/page?url=" + url_encoded(edited_site_->base_url() + "/");
    ASSERT_TRUE(b.statuses().contains(front)) << (with_token ? "with" : "without") << " a token; asked for "
                                              << (b.requests().empty() ? "nothing" : b.requests().front());
    EXPECT_EQ(b.statuses().at(front), 200) << (with_token ? "with" : "without") << " a token";
    EXPECT_EQ(b.eval("location.pathname"), fmt::format("/entry/{}", edited)) << "the page around the frame stays";
  }
}

TEST_F(Browser, TheJsonFormsAreTheServersJsonLines) {
  Served served(archive_->path());
  Chromium b(profile_->path());
  for (const std::string target : {"/search?q=soyuz&format=json", "/status?format=json", "/author/Edward?format=json"}) {
    b.open(fmt::format("http://127.0.0.1:{}{}", served.port(), target));
    expect_clean(b, served, target);
    // Chromium's own JSON.parse reads every line; the text is the server's, byte for byte.
    const json lines = b.eval("document.body.innerText.trim().split('\\n').map(l => JSON.parse(l))");
    EXPECT_EQ(lines, json(json_lines(served.get(target).body))) << target;
    EXPECT_GT(lines.size(), 0u) << target;
  }
}

TEST_F(Browser, EveryPageLoadsCleanOnADesktopOnAPhoneAndInPrint) {
  Served served(edited_->path());
  Chromium b(profile_->path());
  const std::string base = fmt::format("http://127.0.0.1:{}", served.port());
  const auto [edited, thread] = edited_entry(served.port());
  ASSERT_NE(edited, 0);
  const json stats = json_lines(served.get("/status?format=json").body).at(0);
  const std::string site = stats["per_site"][0]["site"];
  const std::vector<std::pair<std::string, std::string>> pages = {
      {"search", "/search?q=every+Edward+comment+on+Soyuz"},
      {"thread", fmt::format("/thread/{}?hit={}#e{}", thread, edited, edited)},
      {"entry", fmt::format("/entry/{}", edited)},
      {"author", "/author/Edward"},
      {"status", "/status"},
      {"site", "/site/" + site},
      {"home", "/"},
      {"did-you-mean", "/search?q=micrometorites"},
      {"stored-page", fmt::format("/entry/{}/page", edited)},
      {"stored-link", "/page?url=" + edited_site_->base_url() + "/"},
  };
  for (const auto& [name, target] : pages) {
    b.emulate(1100, 900, false);
    b.open(base + target);
    expect_clean(b, served, target);
    EXPECT_NE(b.eval("document.title").get<std::string>(), "") << target;
    const bool ours = !name.starts_with("stored");
    if (ours && name != "home" && name != "did-you-mean") keep_screenshot(b.screenshot(), name, 1100);
    if (ours) {
      EXPECT_EQ(b.eval("document.scripts.length"), 0) << target;
      EXPECT_EQ(b.eval("getComputedStyle(document.body).fontFamily").get<std::string>().empty(), false);
    }
    // A phone: nothing of fora's wider than its screen (a stored page keeps its site's layout).
    b.emulate(390, 844, true);
    b.open(base + target);
    expect_clean(b, served, target + " on a phone");
    if (ours) {
      EXPECT_LE(b.eval("document.documentElement.scrollWidth").get<int>(), 390) << target << " on a phone";
    }
    if (name == "search" || name == "thread") keep_screenshot(b.screenshot(), name + "-phone", 390);
    // In print: no search box, no facets, no paging.
    if (ours) {
      b.emulate(1100, 900, false, "print");
      EXPECT_EQ(b.eval("getComputedStyle(document.querySelector('header')).display"), "none") << target;
      b.emulate(1100, 900, false, "");
    }
  }
  // An error is a page with its status; the browser reports the status, nothing else.
  b.emulate(1100, 900, false);
  b.open(base + "/thread/999999");
  EXPECT_EQ(b.eval("document.querySelector('h1').textContent"), "404");
  for (const auto& p : b.problems()) EXPECT_NE(p.find("404"), std::string::npos) << p;
}

// Hostile text in the catalog and hostile markup in the stored pages: each payload would ask
// fora for an address holding "pwned" if it ran, loaded or navigated. None does, in any page
// or frame, and the server's own log agrees.
TEST_F(Browser, AHostileArchiveIsInert) {
  TempDir site, archive, logs;
  fs::copy(kSite, site.path(), fs::copy_options::recursive);
  const std::string raw =
      "<script>fetch('/pwned-script')</script><img src=\"/pwned-img\" onerror=\"fetch('/pwned-onerror')\">"
      "<img src=\"http://10.255.255.1/pwned-remote.png\"><link rel=\"stylesheet\" href=\"/pwned-css\">"
      "<style>body{background:url(/pwned-style)}</style><iframe src=\"/pwned-frame\"></iframe>"
      "<meta http-equiv=\"refresh\" content=\"0;url=/pwned-refresh\"><svg><image href=\"/pwned-svg\"/></svg>"
      "<object data=\"/pwned-object\"></object>"
      "<a id=\"jslink\" href=\"javascript:fetch('/pwned-link')\">a link</a>"
      "<p style=\"background:url(/pwned-inline)\">&lt;script&gt;fetch('/pwned-text')&lt;/script&gt; \xe2\x80\xae" "gnp.exe</p>";
  // A comment's words, as the page prints them, followed by a script and a bidi override in
  // its text (escaped: text the catalog then holds).
  int commented = 0;
  for (const auto& c : truth()["comments"]) {
    const std::string text = c["text"];
    const std::string first = text.substr(0, std::min<std::size_t>(40, text.find('\n')));
    if (first.size() < 30 || first.find_first_of("&<>\"'") != std::string::npos) continue;
    commented += replace_in_site(site.path(), first, first + " &lt;script&gt;fetch('/pwned-text')&lt;/script&gt; \xe2\x80\xae" "gnp.exe ");
    if (commented > 0) break;
  }
  ASSERT_GT(commented, 0);
  int pages = 0;
  for (const auto& f : fs::recursive_directory_iterator(site.path())) {
    if (!f.is_regular_file() || f.path().filename() != "index.html") continue;
    std::string html = slurp(f.path());
    const auto body = html.find("<body");
    if (body == std::string::npos) continue;
    // A <base> elsewhere on the front page only: on a thread's page it would send the
    // extractor's addresses of its entries there too.
    const bool front = f.path().parent_path() == site.path();
    html.insert(html.find('>', body) + 1, raw + (front ? "<base href=\"http://10.255.255.1/\">" : ""));
    std::ofstream(f.path(), std::ios::binary | std::ios::trunc) << html;
    ++pages;
  }
  ASSERT_GT(pages, 10);
  TestServer hostile(site.path());
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", "--quiet", hostile.base_url() + "/"}).exit_code, 0);
  const fs::path catalog = archive.path() / "catalog.db";
  const std::string author = "<script>fetch('/pwned-author')</script>Chris\xe2\x80\xae";
  exec_sql(catalog, "UPDATE comments SET author = ?1 WHERE author = 'Chris'", {author});
  exec_sql(catalog, "UPDATE comment_versions SET author = ?1 WHERE author = 'Chris'", {author});
  exec_sql(catalog, "UPDATE threads SET title = ?1", {"\"><img src=/pwned-title onerror=fetch('/pwned-title-js')><style>*{background:url(/pwned-title-css)}</style>"});
  // Half the addresses made scripts; the other half keep their stored pages, hostile markup
  // and all, which the entry pages frame.
  exec_sql(catalog, "UPDATE threads SET url = ?1 WHERE id % 2 = 0", {"javascript:fetch('/pwned-thread-url')"});
  exec_sql(catalog, "UPDATE comments SET url = ?1 WHERE id % 2 = 0", {"javascript:fetch('/pwned-comment-url')"});
  ASSERT_EQ(fora(archive.path(), {"index"}).exit_code, 0);
  const fs::path log = logs.path() / "requests.log";
  std::optional<Served> served(std::in_place, archive.path(), std::vector<std::string>{"--log", log.string()});
  Chromium b(profile_->path());
  const std::string base = fmt::format("http://127.0.0.1:{}", served->port());

  std::vector<std::string> targets = {"/", "/search?q=type%3Acomment", "/search?q=Chris", "/search?q=%3Cscript%3E", "/status",
                                      "/page?url=" + hostile.base_url() + "/"};
  // Every comment, for threads and entry pages: ten threads, the entry pages of ten comments
  // that kept their address (each frames its hostile stored page) and of five that did not.
  std::vector<json> hits;
  for (int page = 1; page <= 3; ++page)
    for (auto& h : json_lines(served->get(fmt::format("/search?q=type%3Acomment&page={}&format=json", page)).body))
      if (!h.contains("facet")) hits.push_back(std::move(h));
  int threads = 0, kept = 0, scripted = 0;
  for (const auto& h : hits) {
    const std::int64_t id = h["id"];
    if (threads++ < 10) targets.push_back(fmt::format("/thread/{}?hit={}", h["thread_id"].get<std::int64_t>(), id));
    // A comment's address is kept relative to its thread's: either may have been made a script.
    if (h["url"].get<std::string>().starts_with("http") ? kept++ < 10 : scripted++ < 5)
      targets.push_back(fmt::format("/entry/{}", id));
  }
  const auto framed = std::count_if(targets.begin(), targets.end(), [&](const std::string& t) {
    return t.starts_with("/entry/") && served->get(t).body.find("<iframe") != std::string::npos;
  });
  EXPECT_GE(framed, std::min(kept, 10)) << "entry pages that frame a hostile stored page";
  EXPECT_GE(kept, 5);
  ASSERT_GT(targets.size(), 20u);
  // The hostile author's page, by its own link on a thread page.
  const auto by = std::find_if(hits.begin(), hits.end(), [](const json& h) { return h.value("author", "").find("Chris") != std::string::npos; });
  ASSERT_NE(by, hits.end());
  b.open(fmt::format("{}/thread/{}", base, (*by)["thread_id"].get<std::int64_t>()));
  b.click(fmt::format("#e{} a[href^='/author/']", (*by)["id"].get<std::int64_t>()));
  targets.push_back(b.eval("location.pathname + location.search"));
  b.open(base + "/status");
  b.click("main a[href^='/site/']");
  targets.push_back(b.eval("location.pathname + location.search"));
  for (const auto& target : targets) {
    b.open(base + target);
    expect_clean(b, *served, target);
    for (const auto& r : b.requests()) EXPECT_FALSE(r.starts_with(base + "/pwned")) << target << " asked for " << r;
    EXPECT_EQ(b.eval("document.scripts.length"), 0) << target;
    EXPECT_EQ(b.eval("document.body.innerText.includes('\\u202e')"), false) << target;
    EXPECT_EQ(b.eval("[...document.querySelectorAll('a[href]')].some(a => !/^(https?:|\\/|#)/.test(a.getAttribute('href')))"), false)
        << target;
  }
  // The stored page opened on its own: its javascript: link has no href left to click.
  b.open(base + "/page?url=" + hostile.base_url() + "/");
  EXPECT_EQ(b.eval("document.querySelector('#jslink').hasAttribute('href')"), false);
  served->stop();
  const std::string requests = slurp(log);
  EXPECT_GT(requests.size(), 0u);
  EXPECT_EQ(requests.find(" /pwned"), std::string::npos) << requests;
}

}  // namespace
}  // namespace fora::test
