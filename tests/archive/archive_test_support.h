// What the archive's tests share: a fixture with a fresh archive folder, and ways to make
// responses and thread pages and to look into (or damage) the catalog behind the archive.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "fora/archive/archive.h"

namespace fora::archive::test_support {

// What the tests name unqualified (`using namespace fora::archive::test_support;`).
namespace fs = std::filesystem;
using fora::Errc;
using fora::archive::Archive;
using fora::archive::Response;
using fora::extract::Entry;
using fora::extract::ThreadPage;

class ArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fora-archive-test-" + std::to_string(std::random_device{}()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Archive> open_write() {
    auto a = Archive::open(dir_, Archive::Mode::Write);
    EXPECT_TRUE(a.ok()) << (a ? "" : a.error().message);
    return a ? std::move(*a) : nullptr;
  }

  static Response response(std::string url, std::string body, std::int64_t at = 1000) {
    Response r;
    r.url = std::move(url);
    r.status = 200;
    r.headers = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
    r.content_type = "text/html";
    r.body = std::move(body);
    r.fetched_at = at;
    return r;
  }

  static ThreadPage thread_page(std::vector<std::pair<std::string, std::string>> comments) {
    ThreadPage p;
    p.thread_id = "12";
    p.thread_url = "http://example.com/soyuz/";
    p.title = "Soyuz leak";
    p.tags = {"Soyuz"};
    p.post = Entry{"12", "Robert", 100, "", "The post body", {}, p.thread_url, fora::extract::DatePrecision::Exact, {}};
    for (auto& [id, text] : comments) {
      p.comments.push_back(Entry{id, "Edward", 200, "", text, {{"Chris", "a quote"}},
                                 p.thread_url + "#comment-" + id, fora::extract::DatePrecision::Exact, {}});
    }
    return p;
  }

  fs::path dir_;
};

// Runs `sql` on the catalog of `dir` behind the archive's back (a test's way to damage it).
inline void poke_catalog(const fs::path& dir, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "catalog.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

// Comments of a thread, in words of a small vocabulary, as a forum's talk repeats itself.
inline ThreadPage talk_page(int thread, int comments, std::mt19937& rng) {
  static const char* words[] = {"Soyuz", "launch", "orbit", "capsule", "leak", "crew", "docking", "station",
                                "the", "a", "is", "was", "after", "before", "engine", "valve", "pressure",
                                "Baikonur", "rocket", "stage", "booster", "landing", "hatch", "coolant"};
  ThreadPage p;
  p.thread_id = std::to_string(thread);
  p.thread_url = "http://example.com/t/" + p.thread_id + "/";
  p.title = "Thread " + p.thread_id;
  for (int c = 0; c < comments; ++c) {
    std::string text;
    for (int w = 0; w < 70; ++w) text += std::string(words[rng() % std::size(words)]) + (w % 12 == 11 ? ". " : " ");
    const std::string id = std::to_string(thread * 1000 + c);
    p.comments.push_back(Entry{id, c % 2 ? "Edward" : "Chris", 200, "", text, {},
                               p.thread_url + "#comment-" + id, fora::extract::DatePrecision::Exact, {}});
  }
  return p;
}

// What the catalog holds of each version: whether a dictionary compressed it, and its size.
inline std::vector<std::pair<bool, std::int64_t>> stored_versions(const fs::path& dir) {
  sqlite3* db = nullptr;
  sqlite3_open((dir / "catalog.db").c_str(), &db);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT dictionary_id IS NOT NULL, length(text) FROM comment_versions ORDER BY id", -1, &q, nullptr);
  std::vector<std::pair<bool, std::int64_t>> out;
  while (sqlite3_step(q) == SQLITE_ROW) out.emplace_back(sqlite3_column_int(q, 0) != 0, sqlite3_column_int64(q, 1));
  sqlite3_finalize(q);
  sqlite3_close(db);
  return out;
}

// Page `i` of a site whose pages share their template, with `comments` comments: alike, as a
// site's pages are, so a dictionary trained on some compresses the others well.
inline std::string templated_page(int i, int comments) {
  std::string body = "<html><head><style>.comment{margin:0 0 1em}.author{font-weight:700}</style></head><body>";
  for (int c = 0; c < comments; ++c)
    body += "<div class=\"comment\" id=\"comment-" + std::to_string(i * 100 + c) +
            "\"><span class=\"author\">Edward</span><p>About Soyuz, number " + std::to_string(i * c) + "</p></div>";
  return body + "</body></html>";
}

}  // namespace fora::archive::test_support
