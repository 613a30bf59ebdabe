// fora serve over the crawled sample site, through a plain HTTP client: the pages say what
// the data says, every page has the CLI's JSON, facets narrow the question, errors are pages
// with their status, hostile text stays inert, the token guards a server beyond loopback.
#include <gtest/gtest.h>
#include <signal.h>

#include <cctype>
#include <regex>

#include <fmt/format.h>

#include "fora_run.h"
#include "catalog_sql.h"
#include "sample_archive.h"
#include "served.h"
#include "support/http_get.h"
#include "support/inert_check.h"

namespace fora::test {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

class Serve : public SampleArchive {};

TEST_F(Serve, PagesAndTheirJsonSayWhatTheDataSays) {
  Served served(archive_->path());
  // Edward's comments on Soyuz, as the data has them (the rule of EveryEdwardCommentOnSoyuz).
  std::set<std::string> want;
  for (const auto& c : truth()["comments"])
    if (c["author"] == "Edward" && (about(post(c["post_id"]), "soyuz") || mentions(c["text"], "soyuz")))
      want.insert("c" + std::to_string(c["id"].get<int>()));
  auto page = served.get("/search?q=every+Edward+comment+on+Soyuz");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.headers["content-security-policy"].find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(page.headers["x-content-type-options"], "nosniff");
  EXPECT_NE(page.body.find("read as: <code>author:Edward type:comment soyuz</code>"), std::string::npos);
  EXPECT_EQ(count(page.body, "<article class=\"hit\">"), std::min<std::size_t>(want.size(), 20));
  EXPECT_NE(page.body.find(fmt::format("{} results", want.size())), std::string::npos);

  auto as_json = served.get("/search?q=every+Edward+comment+on+Soyuz&format=json");
  ASSERT_EQ(as_json.status, 200);
  EXPECT_EQ(as_json.headers["content-type"], "application/x-ndjson; charset=utf-8");
  std::set<std::string> got;
  std::int64_t thread_id = 0, hit_id = 0;
  for (const auto& line : json_lines(as_json.body)) {
    if (line.contains("facet")) continue;
    got.insert(key_of_url(line["url"]));
    thread_id = line["thread_id"];
    hit_id = line["id"];
  }
  EXPECT_EQ(got, want);

  // A facet link narrows the question: every result of the first author link is theirs.
  const std::regex facet_link("<li><a href=\"(/search\\?q=[^\"]+)\">([^<]+)</a>");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, facet_link)) << page.body;
  std::string narrowed = std::regex_replace(m[1].str(), std::regex("&amp;"), "&");
  auto narrowed_json = served.get(narrowed + "&format=json");
  ASSERT_EQ(narrowed_json.status, 200);
  for (const auto& line : json_lines(narrowed_json.body))
    if (!line.contains("facet")) {
      EXPECT_EQ(line["author"], m[2].str()) << narrowed;
    }

  // The thread of the last hit: every entry in it, the hit marked, its JSON the CLI's.
  std::size_t in_thread = 0;
  std::string title;
  for (const auto& line : json_lines(as_json.body))
    if (!line.contains("facet") && line["thread_id"] == thread_id) title = line["thread_title"];
  for (const auto& p : truth()["posts"]) {
    if (p["title"] != title) continue;
    ++in_thread;
    for (const auto& c : truth()["comments"]) in_thread += c["post_id"] == p["id"];
  }
  auto thread = served.get(fmt::format("/thread/{}?hit={}", thread_id, hit_id));
  ASSERT_EQ(thread.status, 200);
  EXPECT_EQ(count(thread.body, "<article class=\"entry d"), in_thread);
  EXPECT_NE(thread.body.find(fmt::format(" hit\" id=\"e{}\"", hit_id)), std::string::npos);
  auto thread_json = served.get(fmt::format("/thread/{}?hit={}&format=json", thread_id, hit_id));
  const auto lines = json_lines(thread_json.body);
  EXPECT_EQ(lines.size(), in_thread);
  auto shown = fora(archive_->path(), {"show", "--json", "--thread", std::to_string(hit_id)});
  EXPECT_EQ(json_lines(shown.out), lines) << "the page's JSON is show --thread --json";

  auto entry = served.get(fmt::format("/entry/{}?format=json", hit_id));
  auto cli = json::parse(fora(archive_->path(), {"show", "--json", "--history", std::to_string(hit_id)}).out);
  const json e = json::parse(entry.body);
  for (const auto& [field, value] : e.items())
    if (field != "gone") {
      EXPECT_EQ(value, cli[field]) << field;
    }
  EXPECT_EQ(served.get(fmt::format("/entry/{}", hit_id)).status, 200);
}

TEST_F(Serve, ErrorsArePagesWithTheirStatus) {
  Served served(archive_->path());
  EXPECT_EQ(served.get("/no/such/page").status, 404);
  EXPECT_EQ(served.get("/thread/999999").status, 404);
  EXPECT_EQ(served.get("/entry/999999").status, 404);
  EXPECT_EQ(served.get("/thread/x1").status, 404);
  EXPECT_EQ(served.get("/search?q=%zz").status, 400);
  EXPECT_EQ(served.get("/search?q=" + std::string(1200, 'a')).status, 414);
  EXPECT_EQ(served.get("/search?q=soyuz&page=0").status, 400);
  EXPECT_EQ(served.get("/search?q=soyuz&page=99999").status, 400);
  EXPECT_EQ(served.get("/search?q=author%3A%22unclosed").status, 400);
  EXPECT_EQ(http_request(served.port(), "POST", "/search", {}, "q=soyuz").status, 413);
  EXPECT_EQ(http_request(served.port(), "DELETE", "/").status, 405);
  // HEAD gives GET's headers, its length included, and no body.
  const auto head = http_request(served.port(), "HEAD", "/search?q=soyuz");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(head.headers.at("content-length"), std::to_string(served.get("/search?q=soyuz").body.size()));
  EXPECT_EQ(served.get("/", {"X-Big: " + std::string(20000, 'x')}).status, 431);
  EXPECT_EQ(served.get("/style.css").headers["content-type"], "text/css; charset=utf-8");
  EXPECT_EQ(served.get("/").status, 200) << "still serving after all that";
}

// Names, titles and addresses that try to run script, style the page or reorder text come
// out as inert text: no tag, no javascript: link, no bidi control.
TEST_F(Serve, HostileTextIsInertOnEveryPage) {
  TempDir copy;
  fs::copy(archive_->path(), copy.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  const fs::path catalog = copy.path() / "catalog.db";
  exec_sql(catalog, "UPDATE comments SET author = ?1 WHERE author = 'Chris'", {"<script>alert(1)</script>Chris\xe2\x80\xae"});
  exec_sql(catalog, "UPDATE comment_versions SET author = ?1 WHERE author = 'Chris'", {"<script>alert(1)</script>Chris"});
  exec_sql(catalog, "UPDATE threads SET title = ?1", {"\"><img src=x onerror=alert(1)><style>*{display:none}</style>"});
  exec_sql(catalog, "UPDATE thread_versions SET title = ?1", {"\"><img src=x onerror=alert(1)>"});
  exec_sql(catalog, "UPDATE threads SET url = ?1", {"javascript:alert(1)"});
  exec_sql(catalog, "UPDATE comments SET url = ?1", {"javascript:alert(2)"});
  ASSERT_EQ(fora(copy.path(), {"index", "--rebuild"}).exit_code, 0);
  Served served(copy.path());
  auto hits = json_lines(served.get("/search?q=type%3Acomment&format=json").body);
  ASSERT_FALSE(hits.empty());
  std::vector<std::string> pages{"/search?q=type%3Acomment", "/search?q=Chris", "/search?q=%3Cscript%3E", "/status",
                                 "/author/" + url_encoded("<script>alert(1)</script>Chris\xe2\x80\xae")};
  const json stats = json_lines(served.get("/status?format=json").body).at(0);
  pages.push_back("/site/" + url_encoded(stats["per_site"][0]["site"]));
  for (const auto& h : hits) {
    if (h.contains("facet")) continue;
    pages.push_back(fmt::format("/thread/{}?hit={}", h["thread_id"].get<std::int64_t>(), h["id"].get<std::int64_t>()));
    pages.push_back(fmt::format("/entry/{}", h["id"].get<std::int64_t>()));
  }
  for (const auto& target : pages) {
    auto r = served.get(target);
    ASSERT_EQ(r.status, 200) << target;
    EXPECT_EQ(r.body.find("<script"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("<img"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("<style"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("href=\"javascript:"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("\xe2\x80\xae"), std::string::npos) << target;
  }
}

TEST_F(Serve, BeyondLoopbackOnlyWithATokenAndTheTokenIsAsked) {
  auto refused = fora(archive_->path(), {"serve", "--listen", "0.0.0.0:0"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--token"), std::string::npos) << refused.err;
  const fs::path token = archive_->path() / "token";
  std::ofstream(token) << "correct-horse-battery-staple\n";
  Served served(archive_->path(), {"--token", token.string()});
  EXPECT_EQ(served.get("/").status, 401);
  EXPECT_EQ(served.get("/", {"Authorization: Bearer wrong-horse-battery-staple"}).status, 401);
  EXPECT_EQ(served.get("/", {"Authorization: Bearer correct-horse-battery-staple"}).status, 200);
  auto login = served.get("/search?token=correct-horse-battery-staple");
  EXPECT_EQ(login.status, 303);
  const std::string cookie = login.headers["set-cookie"].substr(0, login.headers["set-cookie"].find(';'));
  EXPECT_EQ(cookie, "fora_token=correct-horse-battery-staple");
  EXPECT_NE(login.headers["set-cookie"].find("HttpOnly"), std::string::npos);
  EXPECT_EQ(served.get("/search?q=soyuz", {"Cookie: " + cookie}).status, 200);
  std::ofstream(archive_->path() / "short") << "abc\n";
  EXPECT_EQ(fora(archive_->path(), {"serve", "--token", (archive_->path() / "short").string()}).exit_code, 2);
}

// An index rebuilt while the server runs: the next search reads the new generation.
TEST_F(Serve, ANewIndexGenerationIsPickedUp) {
  Served served(archive_->path());
  const auto before = served.get("/search?q=soyuz&format=json").body;
  ASSERT_EQ(fora(archive_->path(), {"index", "--rebuild"}).exit_code, 0);
  const auto after = served.get("/search?q=soyuz&format=json");
  EXPECT_EQ(after.status, 200);
  EXPECT_EQ(json_lines(after.body).size(), json_lines(before).size());
}

// An author's page, a site's and the status page, against the data and the CLI's records.
TEST_F(Serve, AuthorSiteAndStatusPagesAsTheDataHasThem) {
  Served served(archive_->path());
  std::int64_t posts = 0, comments = 0;
  std::string first = "9999", last;
  std::set<std::string> months, threads;
  const auto add = [&](const json& e, const json& p) {
    const std::string d = e["date_utc"];
    first = std::min(first, d);
    last = std::max(last, d);
    months.insert(d.substr(0, 7));
    threads.insert(p["title"].get<std::string>());
  };
  for (const auto& p : truth()["posts"])
    if (p["author"] == "Edward") ++posts, add(p, p);
  for (const auto& c : truth()["comments"])
    if (c["author"] == "Edward") ++comments, add(c, post(c["post_id"]));
  auto page = served.get("/author/Edward?format=json");
  ASSERT_EQ(page.status, 200) << page.body;
  const auto lines = json_lines(page.body);
  ASSERT_FALSE(lines.empty());
  const json& a = lines[0];
  EXPECT_EQ(a["author"], "Edward");
  EXPECT_EQ(a["posts"], posts);
  EXPECT_EQ(a["comments"], comments);
  EXPECT_EQ(a["first_date"], first);
  EXPECT_EQ(a["last_date"], last);
  EXPECT_EQ(a["threads"], static_cast<std::int64_t>(threads.size()));
  EXPECT_EQ(lines.size() - 1, std::min<std::size_t>(posts + comments, 20));
  for (std::size_t k = 1; k < lines.size(); ++k) EXPECT_EQ(lines[k]["author"], "Edward");
  auto html = served.get("/author/Edward");
  EXPECT_NE(html.body.find("<svg class=\"activity\""), std::string::npos);
  EXPECT_EQ(count(html.body, "<rect "), months.size()) << "a bar for each month with an entry";
  EXPECT_EQ(served.get("/author/Nobody%20At%20All").status, 404);
  EXPECT_EQ(served.get("/author/Zo%C3%AB%20%C3%85ngstr%C3%B6m").status, 200) << "a name is data, accents and all";

  auto status = json_lines(served.get("/status?format=json").body);
  ASSERT_FALSE(status.empty());
  EXPECT_EQ(status[0], json::parse(fora(archive_->path(), {"stats", "--json"}).out));
  const auto runs = json_lines(fora(archive_->path(), {"log", "--json", "-n", "10"}).out);
  EXPECT_EQ(std::vector<json>(status.begin() + 1, status.end()), runs);
  EXPECT_EQ(served.get("/status").status, 200);

  const std::string site = status[0]["per_site"][0]["site"];
  auto site_threads = json_lines(served.get("/site/" + site + "?format=json").body);
  EXPECT_EQ(site_threads.size(), truth()["posts"].size());
  EXPECT_EQ(site_threads, json_lines(fora(archive_->path(), {"threads", "--json"}).out)) << "fora threads' records";
  EXPECT_EQ(served.get("/site/nowhere.example").status, 404);
  // Its forums, the blog's categories, with the threads and entries the data has under each;
  // and what the one crawl found: everything.
  const std::string site_page = served.get("/site/" + site).body;
  std::map<std::string, std::pair<int, int>> forums;  // categories as the page names them -> threads, entries
  std::size_t entries = 0;
  for (const auto& p : truth()["posts"]) {
    std::string names;
    for (const auto& c : p["categories"]) names += (names.empty() ? "" : " › ") + c.get<std::string>();
    int under = 0;
    for (const auto& c : truth()["comments"]) under += c["post_id"] == p["id"];
    forums[names].first += 1;
    forums[names].second += 1 + under;
    entries += 1 + static_cast<std::size_t>(under);
  }
  for (const auto& [names, n] : forums)
    EXPECT_NE(site_page.find(fmt::format("\">{}</a> <span class=\"count\">{} thread{}, {} posts and comments</span>", names, n.first,
                                    n.first == 1 ? "" : "s", n.second)),
              std::string::npos)
        << names << "\n" << site_page;
  EXPECT_NE(site_page.find(fmt::format("found here {} new, 0 edited, 0 gone", entries)), std::string::npos) << site_page;
}

// The page an entry was read from, as stored: served under a CSP of its own that sandboxes it
// and loads nothing, framed only by the entry page, whose CSP alone allows fora's frames.
TEST_F(Serve, TheStoredPageIsServedInertInTheEntrysFrame) {
  Served served(archive_->path());
  const auto hits = json_lines(served.get("/search?q=type%3Acomment&format=json").body);
  ASSERT_FALSE(hits.empty());
  const json& hit = hits.at(0);
  const std::string id = std::to_string(hit["id"].get<std::int64_t>());
  const std::string anchor = hit["url"].get<std::string>().substr(hit["url"].get<std::string>().find('#') + 1);
  auto stored = served.get("/entry/" + id + "/page");
  ASSERT_EQ(stored.status, 200) << stored.body;
  const std::string csp = stored.headers["content-security-policy"];
  EXPECT_EQ(csp.rfind("sandbox allow-same-origin;", 0), 0u) << csp;
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("frame-ancestors 'self'"), std::string::npos) << csp;
  EXPECT_NE(stored.body.find("id=\"" + anchor + "\""), std::string::npos) << "the page that showed " << anchor;
  auto entry = served.get("/entry/" + id);
  EXPECT_NE(entry.body.find("<iframe class=\"archived\" sandbox=\"allow-same-origin\" src=\"/entry/" + id + "/page\""), std::string::npos);
  EXPECT_NE(entry.headers["content-security-policy"].find("frame-src 'self'"), std::string::npos);
  EXPECT_EQ(served.get("/").headers["content-security-policy"].find("frame-src"), std::string::npos);
  EXPECT_EQ(served.get("/entry/999999/page").status, 404);
  // Inert, read back by a second parser; its links lead to the archive's copies, each
  // served inert in its turn, and to nothing the archive does not hold.
  EXPECT_EQ(first_live_part(stored.body), "");
  const std::string link = "href=\"/page?url=";
  const auto at = stored.body.find(link);
  ASSERT_NE(at, std::string::npos) << stored.body;
  const std::string target = stored.body.substr(at + 6, stored.body.find('"', at + 6) - at - 6);
  auto followed = served.get(target);
  EXPECT_EQ(followed.status, 200) << target;
  EXPECT_EQ(followed.headers["content-security-policy"], csp);
  EXPECT_EQ(first_live_part(followed.body), "");
  EXPECT_EQ(served.get("/page?url=http%3A%2F%2Fnowhere.example%2F").status, 404);
  EXPECT_EQ(served.get("/page?url=javascript%3Aalert(1)").status, 400);
  EXPECT_EQ(served.get("/page").status, 400);
}

}  // namespace
}  // namespace fora::test
