// History, never overwritten (issue 9): a generated board is crawled, then changed on disk
// between crawls (a reply's words edited and its topic renamed; another reply deleted and
// another topic removed; then both restored), and what `fora show --history`, `fora stats`
// and `fora log` say after each crawl is checked against the changes made.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <set>
#include <thread>
#include <sstream>

#include "fora_run.h"
#include "support/forum_site.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

TEST(History, EditsRenamesDeletionsAndGoneThreadsAreRecordedAndNothingIsOverwritten) {
  TempDir site, archive;
  const ForumSite board = write_phpbb_site(site.path());
  TestServer server(site.path());
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", "--quiet", server.url("/")}).exit_code, 0);

  // A reply whose first paragraph the site prints once, as written.
  const SitePost* post = nullptr;
  const SiteTopic* topic = nullptr;
  std::string paragraph;
  for (const auto& t : board.topics) {
    for (const auto& p : t.posts) {
      const std::string first = p.text.substr(0, p.text.find('\n'));
      if (p.opening || first.size() < 20 || first.find_first_of("&<>\"'") != std::string::npos) continue;
      int seen = 0;
      for (const auto& f : fs::recursive_directory_iterator(site.path()))
        if (f.is_regular_file() && slurp(f.path()).find(first) != std::string::npos) ++seen;
      if (seen == 1) {
        post = &p, topic = &t, paragraph = first;
        break;
      }
    }
    if (post != nullptr) break;
  }
  ASSERT_NE(post, nullptr) << "no reply printed once on the board";
  ASSERT_EQ(replace_in_site(site.path(), paragraph, "Edited after the launch. " + paragraph), 1);
  ASSERT_GE(replace_in_site(site.path(), topic->title, topic->title + " (solved)"), 1);
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", "--quiet", server.url("/")}).exit_code, 0);

  auto exported = fora(archive.path(), {"export", "--jsonl", (archive.path() / "all.jsonl").string(), "--quiet"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  std::int64_t id = 0;
  for (const json& line : json_lines(slurp(archive.path() / "all.jsonl")))
    if (line.value("native_id", "") == post->id && line.value("type", "") == "comment") id = line["id"];
  ASSERT_NE(id, 0) << "the reply is not in the export";

  auto shown = fora(archive.path(), {"show", std::to_string(id), "--history", "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const json j = json::parse(shown.out);
  ASSERT_EQ(j["versions"].size(), 2u) << j.dump(1);
  const json& before = j["versions"][0];
  const json& after = j["versions"][1];
  EXPECT_EQ(before["text"].get<std::string>().substr(0, paragraph.size()), paragraph);
  EXPECT_EQ(after["text"].get<std::string>().substr(0, 24), "Edited after the launch.");
  EXPECT_EQ(before["author"], post->author);
  EXPECT_EQ(after["author"], post->author);
  EXPECT_LE(before["last_seen"].get<std::string>(), after["seen_at"].get<std::string>());
  EXPECT_EQ(j["text"], after["text"]);
  ASSERT_EQ(j["thread_versions"].size(), 2u) << j.dump(1);
  EXPECT_EQ(j["thread_versions"][0]["title"], topic->title);
  EXPECT_EQ(j["thread_versions"][1]["title"], topic->title + " (solved)");
  EXPECT_EQ(j["thread_title"], topic->title + " (solved)");

  auto text = fora(archive.path(), {"show", std::to_string(id), "--history"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("2 versions"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("{+Edited after the launch.+}"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("thread: 2 versions"), std::string::npos) << text.out;

  // Another reply is deleted, and another topic with it (its pages answer 404): the deleted
  // reply is gone, the topic is gone, its posts are not marked (their pages failed). A
  // second apart: times are in seconds.
  const SitePost* deleted = nullptr;
  fs::path deleted_from;
  std::string block;
  std::size_t block_at = 0;
  for (const auto& p : topic->posts) {
    if (p.opening || &p == post) continue;
    const std::string start = "<div id=\"p" + p.id + "\" class=\"post";
    for (const auto& f : fs::recursive_directory_iterator(site.path())) {
      const std::string html = f.is_regular_file() ? slurp(f.path()) : "";
      const auto at = html.find(start);
      if (at == std::string::npos) continue;
      const std::string end = "<hr class=\"divider\" />\n";
      block = html.substr(at, html.find(end, at) + end.size() - at);
      deleted = &p, deleted_from = f.path(), block_at = at;
      std::ofstream(f.path(), std::ios::binary | std::ios::trunc) << html.substr(0, at) + html.substr(at + block.size());
      break;
    }
    if (deleted != nullptr) break;
  }
  ASSERT_NE(deleted, nullptr);
  // The other topic is deleted: every page of it answers 404.
  const SiteTopic& other = &board.topics.back() != topic ? board.topics.back() : board.topics.front();
  std::vector<fs::path> failing;
  for (const auto& f : fs::recursive_directory_iterator(site.path())) {
    if (!f.is_regular_file()) continue;
    const std::string html = slurp(f.path());
    for (const auto& p : other.posts)
      if (html.find("<div id=\"p" + p.id + "\" class=\"post") != std::string::npos) {
        failing.push_back(f.path());
        break;
      }
  }
  ASSERT_FALSE(failing.empty());
  for (const auto& f : failing) fs::rename(f, f.string() + ".away");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto third = fora(archive.path(), {"crawl", "--delay", "0", "--json", server.url("/")});
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_EQ(json::parse(third.out)["gone"], 1) << third.out;
  std::int64_t deleted_id = 0, failing_id = 0;
  exported = fora(archive.path(), {"export", "--jsonl", (archive.path() / "all.jsonl").string(), "--quiet"});
  for (const json& line : json_lines(slurp(archive.path() / "all.jsonl"))) {
    if (line.value("native_id", "") == deleted->id) deleted_id = line["id"];
    if (line.value("native_id", "") == other.posts.front().id) failing_id = line["id"];
  }
  ASSERT_NE(deleted_id, 0);
  ASSERT_NE(failing_id, 0);
  const json gone = json::parse(fora(archive.path(), {"show", std::to_string(deleted_id), "--history", "--json"}).out);
  EXPECT_FALSE(gone["gone_since"].is_null()) << gone.dump(1);
  ASSERT_EQ(gone["gone"].size(), 1u);
  EXPECT_TRUE(gone["gone"][0]["back_at"].is_null());
  EXPECT_LT(gone["last_seen"].get<std::string>(), gone["gone_since"].get<std::string>());
  // The failed page is the other topic's own address: that thread is gone, its posts not.
  const json failed = json::parse(fora(archive.path(), {"show", std::to_string(failing_id), "--json"}).out);
  EXPECT_TRUE(failed["gone_since"].is_null());
  EXPECT_FALSE(failed["thread_gone_since"].is_null()) << failed.dump(1);
  EXPECT_NE(fora(archive.path(), {"show", std::to_string(failing_id)}).out.find("the thread is gone"), std::string::npos);
  EXPECT_EQ(json_lines(fora(archive.path(), {"log", "--json", "-n", "1"}).out)[0]["gone"], 1);
  // Search finds what became of them.
  ASSERT_EQ(fora(archive.path(), {"index"}).exit_code, 0);
  const auto gone_hits = json_lines(fora(archive.path(), {"search", "--json", "--literal", "-n", "1000", "is:gone"}).out);
  std::set<std::int64_t> gone_ids;
  for (const json& h : gone_hits) gone_ids.insert(h["id"].get<std::int64_t>());
  EXPECT_TRUE(gone_ids.count(deleted_id)) << "the deleted reply";
  EXPECT_TRUE(gone_ids.count(failing_id)) << "a post of the removed topic";
  EXPECT_EQ(gone_ids.size(), 1 + other.posts.size());
  const auto edited_hits = json_lines(fora(archive.path(), {"search", "--json", "--literal", "is:edited"}).out);
  ASSERT_EQ(edited_hits.size(), 1u);
  EXPECT_EQ(edited_hits[0]["id"], id);
  const auto both = json_lines(fora(archive.path(), {"search", "--json", "--literal",
                                                     "is:gone author:\"" + deleted->author + "\""}).out);
  ASSERT_FALSE(both.empty());
  for (const json& h : both) EXPECT_EQ(h["author"], deleted->author);
  const json stats = json::parse(fora(archive.path(), {"stats", "--json"}).out);
  EXPECT_EQ(stats["edited"], 1);  // the reply edited above
  EXPECT_EQ(stats["gone"], 1);
  ASSERT_EQ(stats["per_site"].size(), 1u);
  EXPECT_EQ(stats["per_site"][0]["gone"], 1);
  EXPECT_EQ(stats["per_site"][0]["entries"], board.post_count());

  // The reply is back, and the page answers again: nothing is gone.
  for (const auto& f : failing) fs::rename(f.string() + ".away", f);
  {
    std::string html = slurp(deleted_from);
    html.insert(block_at, block);
    std::ofstream(deleted_from, std::ios::binary | std::ios::trunc) << html;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto fourth = fora(archive.path(), {"crawl", "--delay", "0", "--json", server.url("/")});
  ASSERT_EQ(fourth.exit_code, 0) << fourth.err;
  EXPECT_EQ(json::parse(fourth.out)["gone"], 0) << fourth.out;
  const json back = json::parse(fora(archive.path(), {"show", std::to_string(deleted_id), "--history", "--json"}).out);
  EXPECT_TRUE(back["gone_since"].is_null()) << back.dump(1);
  ASSERT_EQ(back["gone"].size(), 1u);
  EXPECT_FALSE(back["gone"][0]["back_at"].is_null());
  EXPECT_EQ(back["versions"].size(), 1u);
  EXPECT_EQ(json::parse(fora(archive.path(), {"stats", "--json"}).out)["gone"], 0);
  ASSERT_EQ(fora(archive.path(), {"index"}).exit_code, 0);
  EXPECT_TRUE(json_lines(fora(archive.path(), {"search", "--json", "--literal", "-n", "1000", "is:gone"}).out).empty());
  EXPECT_TRUE(json::parse(fora(archive.path(), {"show", std::to_string(failing_id), "--json"}).out)["thread_gone_since"].is_null());

  // A crawl of the unchanged site adds no version.
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", "--quiet", server.url("/")}).exit_code, 0);
  EXPECT_EQ(json::parse(fora(archive.path(), {"show", std::to_string(id), "--history", "--json"}).out)["versions"].size(), 2u);
}

}  // namespace
}  // namespace fora::test
