// The sample site (data/sample-site/, rendered by real WordPress) crawled, indexed and
// searched through the real binary; every expectation is computed from
// data/sample-site-truth.json (WordPress's database), never from fora's own output.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <thread>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <set>

#include <fmt/format.h>

#include "fora_run.h"
#include "sample_archive.h"

namespace fora::test {
namespace {

class SampleSite : public SampleArchive {};

TEST_F(SampleSite, EveryEdwardCommentOnSoyuzIsExactlyTheGroundTruth) {
  std::set<std::string> expected;
  int seed_thread = 0;
  for (const auto& c : truth()["comments"]) {
    if (c["author"] != "Edward") continue;
    const json& p = post(c["post_id"]);
    if (about(p, "soyuz") || mentions(c["text"], "soyuz")) expected.insert("c" + std::to_string(c["id"].get<int>()));
    if (mentions(p["title"], "micrometeorite hit")) ++seed_thread;
  }
  ASSERT_EQ(seed_thread, 3) << "the seed thread has three comments by Edward";

  std::string reading;
  const auto got = search("every Edward comment on Soyuz", &reading);
  EXPECT_EQ(got, expected);
  EXPECT_NE(reading.find("author:Edward type:comment soyuz"), std::string::npos) << reading;

  // Never Edward Smith's.
  for (const auto& c : truth()["comments"]) {
    if (c["author"] == "Edward Smith") {
      EXPECT_FALSE(got.count("c" + std::to_string(c["id"].get<int>())));
    }
  }
  // The structured form gives the same set.
  EXPECT_EQ(search("author:Edward type:comment soyuz"), expected);
}

TEST_F(SampleSite, SeedCommentsWithoutTheWordAreFoundThroughTheirThread) {
  int without_word = 0;
  const auto got = search("every Edward comment on Soyuz");
  for (const auto& c : truth()["comments"]) {
    const json& p = post(c["post_id"]);
    if (c["author"] == "Edward" && mentions(p["title"], "micrometeorite hit") && !mentions(c["text"], "soyuz")) {
      ++without_word;
      EXPECT_TRUE(got.count("c" + std::to_string(c["id"].get<int>()))) << c["text"];
    }
  }
  EXPECT_EQ(without_word, 2);
}

TEST_F(SampleSite, AuthorQueryFindsDavidEastmansOneComment) {
  std::set<std::string> expected;
  for (const auto& c : truth()["comments"]) {
    if (c["author"] == "David Eastman") expected.insert("c" + std::to_string(c["id"].get<int>()));
  }
  ASSERT_EQ(expected.size(), 1u);
  EXPECT_EQ(search("author:\"David Eastman\""), expected);
  EXPECT_EQ(search("author:\"david eastman\""), expected);
}

TEST_F(SampleSite, PostsAboutSoyuzByTopic) {
  std::set<std::string> expected;
  for (const auto& p : truth()["posts"]) {
    if (about(p, "soyuz")) expected.insert(post_key(p));
  }
  ASSERT_GE(expected.size(), 2u);
  EXPECT_EQ(search("type:post topic:soyuz"), expected);
}

TEST_F(SampleSite, DayQueryReturnsTheSeedThread) {
  std::set<std::string> expected, seed;
  for (const auto& p : truth()["posts"]) {
    if (p["date_utc"].get<std::string>().rfind("2022-12-16", 0) == 0) expected.insert(post_key(p));
    if (mentions(p["title"], "micrometeorite hit")) seed.insert(post_key(p));
  }
  for (const auto& c : truth()["comments"]) {
    const std::string key = "c" + std::to_string(c["id"].get<int>());
    if (c["date_utc"].get<std::string>().rfind("2022-12-16", 0) == 0) expected.insert(key);
    if (mentions(post(c["post_id"])["title"], "micrometeorite hit")) seed.insert(key);
  }
  EXPECT_EQ(expected, seed) << "the truth: the seed thread is all of 2022-12-16";
  EXPECT_EQ(search("date:2022-12-16"), expected);
}

TEST_F(SampleSite, PhraseFindsTheSeedPost) {
  std::set<std::string> expected;
  for (const auto& p : truth()["posts"]) {
    if (mentions(p["text"], "micrometeorite hit") || mentions(p["title"], "micrometeorite hit")) {
      expected.insert(post_key(p));
    }
  }
  ASSERT_EQ(expected.size(), 1u);
  EXPECT_EQ(search("type:post \"micrometeorite hit\""), expected);
  const auto all = search("\"micrometeorite hit\"");
  EXPECT_TRUE(all.count(*expected.begin()));
}

TEST_F(SampleSite, EveryCommentIsExtractedWithAuthorDateAndParent) {
  auto r = fora(archive_->path(), {"search", "--json", "--limit", "1000", "type:comment"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::int64_t> ids;  // "c21" -> fora ID
  for (const auto& hit : json_lines(r.out)) ids[key_of_url(hit["url"])] = hit["id"];
  ASSERT_EQ(ids.size(), truth()["comments"].size());

  std::map<int, std::set<std::int64_t>> threads_of_post;
  for (const auto& c : truth()["comments"]) {
    const std::string key = "c" + std::to_string(c["id"].get<int>());
    ASSERT_TRUE(ids.count(key)) << key << " missing";
    auto show = fora(archive_->path(), {"show", "--json", std::to_string(ids[key])});
    ASSERT_EQ(show.exit_code, 0) << show.err;
    const json e = json::parse(show.out);
    EXPECT_EQ(e["author"], c["author"]) << key;
    EXPECT_EQ(e["date"], c["date_utc"]) << key;
    const int parent = c["parent"];
    EXPECT_EQ(e["parent_id"], parent ? std::to_string(parent) : "") << key;
    EXPECT_EQ(e["thread_title"], post(c["post_id"])["title"]) << key;
    // Own words and quotes together hold every word of the comment; the attribution line
    // ("David Eastman wrote:") is kept as the quote's author, not as text.
    std::string words = e["text"];
    for (const auto& q : e["quotes"]) {
      words += " " + q["text"].get<std::string>() + " " + q["author"].get<std::string>() + " wrote: asked: said:";
    }
    std::istringstream in(c["text"].get<std::string>());
    for (std::string w; in >> w;) {
      if (w.size() > 3 && w.find_first_of("“”\"") == std::string::npos) {
        EXPECT_NE(words.find(w), std::string::npos) << key << ": " << w;
      }
    }
    threads_of_post[c["post_id"]].insert(e["thread_id"].get<std::int64_t>());
  }
  // Comment pages are merged: one thread per post.
  for (const auto& [post_id, threads] : threads_of_post) EXPECT_EQ(threads.size(), 1u) << post_id;
}

TEST_F(SampleSite, SecondCrawlAndIndexChangeNoCount) {
  auto before = fora(archive_->path(), {"stats", "--json"});
  ASSERT_EQ(before.exit_code, 0);
  auto again = fora(archive_->path(), {"crawl", "--delay", "0", server_->base_url() + "/"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  auto reindex = fora(archive_->path(), {"index"});
  ASSERT_EQ(reindex.exit_code, 0) << reindex.err;
  EXPECT_NE(reindex.out.find("0 added, 0 updated;"), std::string::npos) << reindex.out;
  auto after = fora(archive_->path(), {"stats", "--json"});
  json b = json::parse(before.out), a = json::parse(after.out);
  for (const char* volatile_size : {"catalog_bytes", "index_bytes"}) {
    b.erase(volatile_size);
    a.erase(volatile_size);
  }
  EXPECT_EQ(a, b);
  EXPECT_EQ(a["threads"], truth()["posts"].size());
  EXPECT_EQ(a["comments"], truth()["comments"].size());
}

TEST_F(SampleSite, RobotsDisallowedLinkedPageIsNeverRequested) {
  for (const auto& path : truth()["robots_disallowed_linked"]) {
    const std::string p = path;
    ASSERT_TRUE(fs::exists(kSite / p.substr(1) / "index.html")) << p << " is on disk";
    for (const auto& line : server_->requests()) {
      EXPECT_EQ(line.find(p), std::string::npos) << line;
    }
  }
  EXPECT_NE(crawl_->out.find("1 disallowed by robots.txt"), std::string::npos) << crawl_->out;
}

TEST_F(SampleSite, CrawlTrapsAreNeverRequested) {
  for (const auto& line : server_->requests()) {
    EXPECT_EQ(line.find("replytocom"), std::string::npos) << line;
    // The site's feeds of new posts and newest comments are read; no per-post feed is.
    if (line.find("/feed/") != std::string::npos) {
      EXPECT_TRUE(line.rfind("GET /feed/ ", 0) == 0 || line.rfind("GET /comments/feed/ ", 0) == 0) << line;
    }
  }
}

TEST_F(SampleSite, InterruptedCrawlStopsCleanlyAndResumes) {
  TempDir dir;
  // One request per second: the crawl is still running when it is interrupted.
  SpawnOptions options;
  options.argv = {FORA_BIN, "--archive", dir.path().string(), "crawl", "--delay", "1", server_->base_url() + "/"};
  Subprocess crawl(options);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  crawl.send_signal(SIGINT);
  const auto stopped = crawl.wait(std::chrono::seconds(20));
  EXPECT_EQ(stopped.exit_code, 130) << stopped.err;
  EXPECT_NE(stopped.err.find("stopped"), std::string::npos) << stopped.err;

  auto stats = fora(dir.path(), {"stats", "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  const auto partial = json::parse(stats.out);
  EXPECT_GE(partial["captures"].get<int>(), 2);
  EXPECT_LT(partial["captures"].get<int>(), 10);

  auto resumed = fora(dir.path(), {"crawl", "--delay", "0", server_->base_url() + "/"});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  const auto full = json::parse(fora(dir.path(), {"stats", "--json"}).out);
  EXPECT_EQ(full["comments"], truth()["comments"].size());
}

TEST_F(SampleSite, MalformedQueryIsOneLineAndExitTwo) {
  auto r = fora(archive_->path(), {"search", "author:Edward AND (soyuz"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  auto d = fora(archive_->path(), {"search", "date:2022-13-45"});
  EXPECT_EQ(d.exit_code, 2) << d.err;
}

// Each refusal is one line, exit 2, naming the part of the query as it was typed.
TEST_F(SampleSite, QueriesThatCannotBeAnsweredAreRefusedNamingThePart) {
  for (const auto& [query, named] : std::vector<std::pair<std::string, std::string>>{
           {"date:2022-02-30", "date:2022-02-30: February has no 30th day"},
           {"type:banana", "unknown type: banana"},
           {"is:nonsense", "unknown is: nonsense"},
           {"soyuz author:", "author: at character 7 has no value"},
           {"site:", "site: at character 1 has no value"},
           {"seen:yesterday", "seen:yesterday: "},
           {"date:2023..2021", "date:2023..2021: the range ends before it starts"},
           {"date:30x..", "date:30x..: '30x' is not a date"},
           {"author:\"David Eastman", "the quote opened at character 8 is not closed"}}) {
    auto r = fora(archive_->path(), {"search", query});
    EXPECT_EQ(r.exit_code, 2) << query << ": " << r.out;
    EXPECT_EQ(r.err.rfind("fora: bad query: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(named), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
}

// `-soyuz` is everything without soyuz: every post and comment of the truth file but the ones
// `soyuz` finds, none of which mentions soyuz in its words or its thread's title and labels.
TEST_F(SampleSite, ANegationAloneIsEverythingWithout) {
  std::set<std::string> all;
  for (const auto& p : truth()["posts"]) all.insert(post_key(p));
  for (const auto& c : truth()["comments"]) all.insert("c" + std::to_string(c["id"].get<int>()));
  const auto with = search("soyuz");
  ASSERT_FALSE(with.empty());
  std::set<std::string> expected;
  std::set_difference(all.begin(), all.end(), with.begin(), with.end(), std::inserter(expected, expected.end()));
  ASSERT_FALSE(expected.empty());
  for (const auto& c : truth()["comments"]) {
    if (expected.count("c" + std::to_string(c["id"].get<int>()))) {
      EXPECT_FALSE(mentions(c["text"], "soyuz") || about(post(c["post_id"]), "soyuz")) << c["id"];
    }
  }
  auto r = fora(archive_->path(), {"search", "--json", "--limit", "1000", "--", "-soyuz"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> got;
  for (const auto& hit : json_lines(r.out)) got.insert(key_of_url(hit["url"]));
  EXPECT_EQ(got, expected);
  EXPECT_EQ(search("NOT soyuz"), expected);

  std::set<std::string> not_edward;
  for (const auto& p : truth()["posts"])
    if (p["author"] != "Edward") not_edward.insert(post_key(p));
  for (const auto& c : truth()["comments"])
    if (c["author"] != "Edward") not_edward.insert("c" + std::to_string(c["id"].get<int>()));
  ASSERT_LT(not_edward.size(), all.size());
  EXPECT_EQ(search("NOT author:Edward"), not_edward);
  auto minus = fora(archive_->path(), {"search", "--json", "--limit", "1000", "--", "-author:Edward"});
  std::set<std::string> minus_got;
  for (const auto& hit : json_lines(minus.out)) minus_got.insert(key_of_url(hit["url"]));
  EXPECT_EQ(minus_got, not_edward);
}

TEST_F(SampleSite, JsonResultsCarryTheDocumentedFields) {
  auto r = fora(archive_->path(), {"search", "--json", "--limit", "3", "soyuz"});
  ASSERT_EQ(r.exit_code, 0);
  const auto hits = json_lines(r.out);
  ASSERT_EQ(hits.size(), 3u);
  for (const auto& h : hits) {
    for (const char* f : {"id", "type", "author", "date", "thread_title", "url", "snippet"}) {
      EXPECT_TRUE(h.contains(f)) << f;
    }
    EXPECT_EQ(h["date"].get<std::string>().size(), 20u);  // 2022-12-16T17:05:00Z
  }
  auto count = fora(archive_->path(), {"search", "--count", "soyuz"});
  auto page2 = fora(archive_->path(), {"search", "--json", "--limit", "3", "--offset", "3", "soyuz"});
  EXPECT_GT(std::stoi(count.out), 6);
  for (const auto& h : json_lines(page2.out)) {
    for (const auto& first : hits) EXPECT_NE(h["id"], first["id"]);
  }
}

// `--facet` counts the whole match set: by author over every comment, by month and year over
// everything, by thread (named by title) over the comments, by type over everything; the
// expected counts are WordPress's rows.
TEST_F(SampleSite, FacetsCountTheWholeMatchSetAsTheDataHasIt) {
  std::map<std::string, std::int64_t> authors, months, years, threads, types;
  for (const auto& c : truth()["comments"]) {
    ++authors[c["author"].get<std::string>()];
    ++threads[post(c["post_id"])["title"].get<std::string>()];
  }
  for (const auto* rows : {&truth()["posts"], &truth()["comments"]}) {
    for (const auto& row : *rows) {
      const std::string date = row["date_utc"];
      ++months[date.substr(0, 7)];
      ++years[date.substr(0, 4)];
    }
  }
  types["post"] = static_cast<std::int64_t>(truth()["posts"].size());
  types["comment"] = static_cast<std::int64_t>(truth()["comments"].size());

  auto counts = [&](const std::string& query, const std::string& facets) {
    auto r = fora(archive_->path(), {"search", "--json", "--limit", "0", "--facet-limit", "1000", "--facet", facets,
                                     "--", query});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, std::map<std::string, std::int64_t>> out;
    for (const auto& line : json_lines(r.out)) {
      const std::string value = line["facet"] == "thread" ? line["thread_title"].get<std::string>() : line["value"].get<std::string>();
      out[line["facet"]][value] += line["count"].get<std::int64_t>();
    }
    return out;
  };
  auto comments = counts("type:comment", "author,thread");
  EXPECT_EQ(comments["author"], authors);
  EXPECT_EQ(comments["thread"], threads);
  auto everything = counts("type:post OR type:comment", "month,year,type");
  EXPECT_EQ(everything["month"], months);
  EXPECT_EQ(everything["year"], years);
  EXPECT_EQ(everything["type"], types);

  // Text: the total, then each facet with its counts, the most frequent first and cut to
  // --facet-limit; authors as written.
  auto text = fora(archive_->path(), {"search", "--limit", "0", "--facet", "author", "--facet-limit", "2", "type:comment"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  std::vector<std::pair<std::int64_t, std::string>> by_count;
  for (const auto& [name, n] : authors) by_count.emplace_back(-n, name);
  std::sort(by_count.begin(), by_count.end());
  EXPECT_NE(text.out.find(std::to_string(truth()["comments"].size()) + " results\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(fmt::format("author ({} values, the 2 most frequent)", authors.size())), std::string::npos)
      << text.out;
  const auto first = text.out.find(by_count[0].second), second = text.out.find(by_count[1].second);
  EXPECT_TRUE(first != std::string::npos && second != std::string::npos && first < second) << text.out;

  // CSV: the facet table alone.
  auto csv = fora(archive_->path(), {"search", "--csv", "--limit", "0", "--facet", "type", "type:post OR type:comment"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out, fmt::format("facet,value,count,thread_title\r\ntype,comment,{},\r\ntype,post,{},\r\n",
                                 types["comment"], types["post"]));

  // An unknown facet is bad usage.
  EXPECT_EQ(fora(archive_->path(), {"search", "--facet", "colour", "soyuz"}).exit_code, 2);
}

// `fora show` puts an entry in its conversation: the comments it replies to up to the post,
// and the replies to it; `--thread` the whole thread in page order (WordPress's: the post, then
// each top-level comment followed by its replies, oldest first) indented by depth. Expected
// from WordPress's comment parents.
TEST_F(SampleSite, ShowPutsAnEntryInItsConversation) {
  // fora's ids of every post and comment, by key ("c4", "p/2019/...").
  std::map<std::string, std::int64_t> id_of;
  for (const char* type : {"type:comment", "type:post"}) {
    auto r = fora(archive_->path(), {"search", "--json", "--limit", "1000", type});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& hit : json_lines(r.out)) id_of[key_of_url(hit["url"])] = hit["id"];
  }
  std::map<int, json> comments;
  std::map<int, std::vector<int>> replies;  // by parent comment id, in date order (as listed)
  for (const auto& c : truth()["comments"]) comments[c["id"]] = c;
  for (const auto& [id, c] : comments)
    if (c["parent"] != 0) replies[c["parent"]].push_back(id);
  const auto key = [](int comment) { return "c" + std::to_string(comment); };
  int deep = 0;  // a comment two replies down
  for (const auto& [id, c] : comments)
    if (c["parent"] != 0 && comments[c["parent"]]["parent"] != 0) { deep = id; break; }
  ASSERT_NE(deep, 0) << "the sample has replies to replies";

  const json& reply = comments[deep];
  const int parent = reply["parent"], grandparent = comments[parent]["parent"];
  auto shown = fora(archive_->path(), {"show", "--json", std::to_string(id_of[key(deep)])});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const json j = json::parse(shown.out);
  const json expected_parents = {id_of[key(parent)], id_of[key(grandparent)], id_of[post_key(post(reply["post_id"]))]};
  EXPECT_EQ(j["parents"], expected_parents);
  json expected_replies = json::array();
  for (int r : replies[deep]) expected_replies.push_back(id_of[key(r)]);
  EXPECT_EQ(j["replies"], expected_replies);
  auto of_grandparent = json::parse(fora(archive_->path(), {"show", "--json", std::to_string(id_of[key(grandparent)])}).out);
  json grandparent_replies = json::array();
  for (int r : replies[grandparent]) grandparent_replies.push_back(id_of[key(r)]);
  EXPECT_EQ(of_grandparent["replies"], grandparent_replies);

  // The whole thread: page order and depth, from the comment parents.
  std::vector<std::pair<std::int64_t, int>> order;
  const json& p = post(reply["post_id"]);
  order.emplace_back(id_of[post_key(p)], 0);
  std::vector<std::pair<int, int>> stack;  // (comment, depth), the next on top
  std::vector<int> top;
  for (const auto& [id, c] : comments)
    if (c["post_id"] == p["id"] && c["parent"] == 0) top.push_back(id);
  std::sort(top.begin(), top.end(), [&](int a, int b) { return comments[a]["date_utc"] < comments[b]["date_utc"]; });
  for (auto t = top.rbegin(); t != top.rend(); ++t) stack.emplace_back(*t, 1);
  while (!stack.empty()) {
    const auto [c, depth] = stack.back();
    stack.pop_back();
    order.emplace_back(id_of[key(c)], depth);
    auto kids = replies[c];
    std::sort(kids.begin(), kids.end(), [&](int a, int b) { return comments[a]["date_utc"] < comments[b]["date_utc"]; });
    for (auto k = kids.rbegin(); k != kids.rend(); ++k) stack.emplace_back(*k, depth + 1);
  }
  auto thread = fora(archive_->path(), {"show", "--thread", "--json", std::to_string(id_of[key(deep)])});
  ASSERT_EQ(thread.exit_code, 0) << thread.err;
  std::vector<std::pair<std::int64_t, int>> got;
  int marked = 0;
  for (const auto& line : json_lines(thread.out)) {
    got.emplace_back(line["id"], line["depth"]);
    if (line["shown"] == true) marked = line["id"];
  }
  EXPECT_EQ(got, order);
  EXPECT_EQ(marked, id_of[key(deep)]);

  // --context 1: the entry either side in page order, and in text the one shown marked.
  auto around = fora(archive_->path(), {"show", "--thread", "--context", "1", std::to_string(id_of[key(deep)])});
  ASSERT_EQ(around.exit_code, 0) << around.err;
  std::size_t at = 0;
  while (order[at].first != id_of[key(deep)]) ++at;
  EXPECT_NE(around.out.find(fmt::format("=> {}[{}]", std::string(static_cast<std::size_t>(order[at].second) * 2, ' '),
                                        order[at].first)),
            std::string::npos)
      << around.out;
  EXPECT_NE(around.out.find(fmt::format("[{}]", order[at - 1].first)), std::string::npos) << around.out;
  if (at >= 2) {
    EXPECT_EQ(around.out.find(fmt::format("[{}]", order[at - 2].first)), std::string::npos) << around.out;
  }
}

// `search --thread`: one result per thread, its best match, and how many of its entries match;
// expected from WordPress's rows: Edward's comments per post, and "soyuz" per thread adding up
// to the exact count.
TEST_F(SampleSite, SearchByThreadCountsEachThreadsMatches) {
  std::map<std::string, std::int64_t> edward;  // post title -> Edward's comments under it
  for (const auto& c : truth()["comments"])
    if (c["author"] == "Edward") ++edward[post(c["post_id"])["title"].get<std::string>()];
  auto r = fora(archive_->path(), {"search", "--thread", "--json", "--limit", "1000", "author:Edward"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::int64_t> got;
  for (const auto& line : json_lines(r.out)) {
    got[line["thread_title"]] = line["thread_hits"];
    EXPECT_EQ(line["author"], "Edward") << "the best match is one of the thread's matches";
  }
  EXPECT_EQ(got, edward);

  auto text = fora(archive_->path(), {"search", "--thread", "--limit", "1", "author:Edward"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find(fmt::format("{} threads, 1 shown", edward.size())), std::string::npos) << text.out;

  std::int64_t soyuz = 0;
  auto threads = fora(archive_->path(), {"search", "--thread", "--json", "--limit", "1000", "soyuz"});
  for (const auto& line : json_lines(threads.out)) soyuz += line["thread_hits"].get<std::int64_t>();
  EXPECT_EQ(std::to_string(soyuz) + "\n", fora(archive_->path(), {"search", "--count", "soyuz"}).out);
}

// `fora threads`: every thread (or those a question finds) with its posts and comments, first
// and last date and participants, as WordPress's rows have them.
TEST_F(SampleSite, ThreadsListsEachThreadAsTheDataHasIt) {
  struct Expected {
    std::int64_t comments = 0;
    std::string first, last;
    std::map<std::string, std::int64_t> people;
  };
  std::map<std::string, Expected> want;  // by title
  for (const auto& p : truth()["posts"]) {
    Expected& e = want[p["title"]];
    e.first = e.last = p["date_utc"];
    ++e.people[p["author"]];
  }
  for (const auto& c : truth()["comments"]) {
    Expected& e = want[post(c["post_id"])["title"]];
    ++e.comments;
    e.first = std::min(e.first, c["date_utc"].get<std::string>());
    e.last = std::max(e.last, c["date_utc"].get<std::string>());
    ++e.people[c["author"]];
  }
  auto r = fora(archive_->path(), {"threads", "--json", "--limit", "1000"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t seen = 0;
  std::string previous_last = "9999";
  for (const auto& t : json_lines(r.out)) {
    ++seen;
    ASSERT_TRUE(want.count(t["thread_title"])) << t.dump();
    const Expected& e = want[t["thread_title"]];
    EXPECT_EQ(t["v"], 1);
    EXPECT_EQ(t["posts"], 1) << t["thread_title"];
    EXPECT_EQ(t["comments"], e.comments) << t["thread_title"];
    EXPECT_EQ(t["first_date"], e.first) << t["thread_title"];
    EXPECT_EQ(t["last_date"], e.last) << t["thread_title"];
    std::map<std::string, std::int64_t> people;
    for (const auto& p : t["participants"]) people[p["author"]] = p["entries"];
    EXPECT_EQ(people, e.people) << t["thread_title"];
    EXPECT_LE(t["last_date"].get<std::string>(), previous_last) << "the most recently active first";
    previous_last = t["last_date"];
  }
  EXPECT_EQ(seen, want.size());

  // A question: the threads it finds, with how many of their entries match.
  std::map<std::string, std::int64_t> edward;
  for (const auto& c : truth()["comments"])
    if (c["author"] == "Edward") ++edward[post(c["post_id"])["title"].get<std::string>()];
  auto found = fora(archive_->path(), {"threads", "--json", "--limit", "1000", "author:Edward"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  std::map<std::string, std::int64_t> matching;
  for (const auto& t : json_lines(found.out)) matching[t["thread_title"]] = t["matches"];
  EXPECT_EQ(matching, edward);
}

// fora authors: every author with their posts and comments, first and last date and the
// threads they wrote most in, as WordPress's rows have them; with a question, of its matches.
TEST_F(SampleSite, AuthorsListsEachAuthorAsTheDataHasIt) {
  struct Expected {
    std::int64_t posts = 0, comments = 0;
    std::string first = "9999", last;
    std::map<std::string, std::int64_t> threads;  // title: entries
  };
  const auto expect = [&](const std::function<bool(const json& post)>& about) {
    std::map<std::string, Expected> want;
    const auto add = [&](const json& entry, const json& post, bool is_post) {
      Expected& e = want[entry["author"]];
      ++(is_post ? e.posts : e.comments);
      e.first = std::min(e.first, entry["date_utc"].get<std::string>());
      e.last = std::max(e.last, entry["date_utc"].get<std::string>());
      ++e.threads[post["title"]];
    };
    for (const auto& p : truth()["posts"])
      if (about(p)) add(p, p, true);
    for (const auto& c : truth()["comments"])
      if (about(post(c["post_id"]))) add(c, post(c["post_id"]), false);
    return want;
  };
  const auto check = [&](const std::map<std::string, Expected>& want, std::vector<std::string> args) {
    args.insert(args.begin(), {"authors", "--json", "--limit", "1000", "--top-threads", "1000"});
    auto r = fora(archive_->path(), args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto authors = json_lines(r.out);
    ASSERT_EQ(authors.size(), want.size()) << r.out;
    std::int64_t previous = INT64_MAX;
    for (const auto& a : authors) {
      const std::string name = a["author"];
      ASSERT_TRUE(want.count(name)) << name;
      const Expected& e = want.at(name);
      EXPECT_EQ(a["posts"], e.posts) << name;
      EXPECT_EQ(a["comments"], e.comments) << name;
      EXPECT_EQ(a["entries"], e.posts + e.comments) << name;
      EXPECT_EQ(a["first_date"], e.first) << name;
      EXPECT_EQ(a["last_date"], e.last) << name;
      EXPECT_EQ(a["threads"], static_cast<std::int64_t>(e.threads.size())) << name;
      std::map<std::string, std::int64_t> top;
      std::int64_t previous_count = INT64_MAX;
      for (const auto& t : a["top_threads"]) {
        top[t["thread_title"]] = t["entries"];
        EXPECT_LE(t["entries"].get<std::int64_t>(), previous_count) << name << ": most first";
        previous_count = t["entries"];
      }
      EXPECT_EQ(top, e.threads) << name;
      EXPECT_LE(a["entries"].get<std::int64_t>(), previous) << "the most prolific first";
      previous = a["entries"];
    }
  };
  check(expect([](const json&) { return true; }), {});
  check(expect([](const json& p) {
          for (const auto& t : p["tags"])
            if (t == "Soyuz") return true;
          return false;
        }),
        {"tag:Soyuz"});

  // The text form: the top three threads of each, and the count of authors.
  auto text = fora(archive_->path(), {"authors", "--limit", "2"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  const auto everyone = expect([](const json&) { return true; });
  EXPECT_NE(text.out.find(fmt::format("{} authors of {} entries, 2 shown", everyone.size(),
                                      truth()["posts"].size() + truth()["comments"].size())),
            std::string::npos)
      << text.out;
}

// The questions as a new user types them, through the command line: each read back, a
// misspelt name corrected, an abbreviation expanded from the shipped synonyms and from the
// user's own file, and --no-synonyms.
TEST_F(SampleSite, QuestionsAreReadBackCorrectedAndExpanded) {
  std::size_t chris_replies = 0;
  std::map<std::string, std::int64_t> soyuz_authors;
  // Replies to Chris: those threaded under a comment of his, and those quoting him (a
  // blockquote WordPress heads "Chris asked:").
  for (const auto& c : truth()["comments"]) {
    bool to_chris = c["text"].get<std::string>().rfind("Chris asked:", 0) == 0;
    for (const auto& p : truth()["comments"])
      if (c["parent"] != 0 && p["id"] == c["parent"] && p["author"] == "Chris") to_chris = true;
    chris_replies += to_chris;
  }
  auto replies = fora(archive_->path(), {"search", "--json", "-n", "1000", "comments", "replying", "to", "Chris"});
  ASSERT_EQ(replies.exit_code, 0) << replies.err;
  EXPECT_NE(replies.err.find("read as: replyto:Chris type:comment"), std::string::npos) << replies.err;
  EXPECT_EQ(json_lines(replies.out).size(), chris_replies);

  // "who wrote most": the author counts alone, of what says soyuz or is in a thread about it.
  for (const auto& p : truth()["posts"])
    if (about(p, "soyuz") || mentions(p["text"], "soyuz")) ++soyuz_authors[p["author"]];
  for (const auto& c : truth()["comments"])
    if (about(post(c["post_id"]), "soyuz") || mentions(c["text"], "soyuz")) ++soyuz_authors[c["author"]];
  auto who = fora(archive_->path(), {"search", "--json", "--facet-limit", "100", "who wrote most about Soyuz"});
  ASSERT_EQ(who.exit_code, 0) << who.err;
  std::map<std::string, std::int64_t> counted;
  for (const auto& line : json_lines(who.out)) {
    EXPECT_EQ(line["facet"], "author") << "counts alone: " << line;
    counted[line["value"]] = line["count"];
  }
  EXPECT_EQ(counted, soyuz_authors);
  EXPECT_NE(who.err.find("counted by author"), std::string::npos) << who.err;

  // A misspelt name in a natural question: nothing found, and the name it meant.
  auto typo = fora(archive_->path(), {"search", "every Edwrd comment on soyuz"});
  EXPECT_EQ(typo.exit_code, 0) << typo.err;
  EXPECT_NE(typo.out.find("did you mean: every Edward comment on soyuz"), std::string::npos) << typo.out;

  // Synonyms: the shipped ISS group, a file of the user's own, and none.
  std::size_t spacewalk = 0;
  for (const auto& c : truth()["comments"]) spacewalk += mentions(c["text"], "spacewalk");
  for (const auto& p : truth()["posts"]) spacewalk += mentions(p["text"], "spacewalk") || mentions(p["title"], "spacewalk");
  ASSERT_GT(spacewalk, 0u);
  TempDir config;
  fs::create_directories(config.path() / "fora");
  std::ofstream(config.path() / "fora" / "synonyms.txt") << "# mine\nSWK = spacewalk\n";
  const std::vector<std::pair<std::string, std::string>> env{{"NO_COLOR", "1"}, {"XDG_CONFIG_HOME", config.path().string()}};
  const auto with_config = [&](std::vector<std::string> args) {
    std::vector<std::string> argv{FORA_BIN, "--archive", archive_->path().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, env);
  };
  auto mine = with_config({"search", "--count", "SWK"});
  ASSERT_EQ(mine.exit_code, 0) << mine.err;
  EXPECT_EQ(mine.out, fmt::format("{}\n", spacewalk));
  EXPECT_NE(mine.err.find("read as: (swk OR spacewalk)"), std::string::npos) << mine.err;
  EXPECT_EQ(with_config({"search", "--count", "--no-synonyms", "SWK"}).out, "0\n");
  auto shipped = fora(archive_->path(), {"search", "-n", "0", "ISS"});
  EXPECT_NE(shipped.out.find("read as: (iss OR \"international space station\""), std::string::npos) << shipped.out;

  std::ofstream(config.path() / "fora" / "synonyms.txt") << "SWK = spacewalk\nlonely\n";
  auto broken = with_config({"search", "SWK"});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("synonyms.txt:2: a group needs two members or more"), std::string::npos) << broken.err;
}

// own: and quote: on the crawled site, against WordPress's rows: a comment that quotes
// ("Chris asked:" and a blockquote, up to the first blank line) is found by the quoted words
// under quote: and by its own words under own:, never the other way round.
TEST_F(SampleSite, OwnAndQuoteWordsAreTheWritersAndTheQuoted) {
  std::set<std::string> quoting, owning;
  for (const auto& c : truth()["comments"]) {
    std::string text = c["text"];
    std::string quoted;
    if (text.rfind("Chris asked:", 0) == 0) {
      const auto end = text.find("\n\n");
      quoted = text.substr(0, end);
      text = end == std::string::npos ? "" : text.substr(end);
    }
    const std::string key = "c" + std::to_string(c["id"].get<int>());
    if (mentions(quoted, "corrosion")) quoting.insert(key);
    if (mentions(text, "corrosion")) owning.insert(key);
  }
  ASSERT_FALSE(quoting.empty()) << "the sample quotes a question about corrosion";
  EXPECT_EQ(search("quote:corrosion"), quoting);
  const std::set<std::string> own_found = search("own:corrosion");
  std::set<std::string> own_posts;
  for (const auto& p : truth()["posts"])
    if (mentions(p["text"], "corrosion")) own_posts.insert(post_key(p));
  std::set<std::string> want = owning;
  want.insert(own_posts.begin(), own_posts.end());
  EXPECT_EQ(own_found, want);
}

}  // namespace
}  // namespace fora::test
