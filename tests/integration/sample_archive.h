// The sample site (data/sample-site/, rendered by real WordPress) crawled and indexed once
// per test suite through the real binary, and its truth (data/sample-site-truth.json,
// WordPress's database), from which every expectation is computed.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "fora_run.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {

namespace fs = std::filesystem;
using json = nlohmann::json;

inline const fs::path kSite = fs::path(FORA_SOURCE_DIR) / "data" / "sample-site";
inline const fs::path kTruth = fs::path(FORA_SOURCE_DIR) / "data" / "sample-site-truth.json";

inline std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

inline bool mentions(const std::string& text, const std::string& word) {
  return lower(text).find(lower(word)) != std::string::npos;
}

// Catalog-independent identity of a result: the WordPress comment id from the URL anchor
// ("…#comment-21" -> "c21"), or the post's path ("p/2022/12/16/slug/").
inline std::string key_of_url(const std::string& url) {
  const auto anchor = url.find("#comment-");
  if (anchor != std::string::npos) return "c" + url.substr(anchor + 9);
  const auto path = url.find('/', url.find("://") + 3);
  return "p" + url.substr(path);
}

class SampleArchive : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kTruth)) return;
    truth_ = new json(json::parse(std::ifstream(kTruth)));
    server_ = new TestServer(kSite);
    archive_ = new TempDir();
    crawl_ = new RunResult(fora(archive_->path(), {"crawl", "--delay", "0", server_->base_url() + "/"}));
    index_ = new RunResult(fora(archive_->path(), {"index"}));
  }
  static void TearDownTestSuite() {
    delete crawl_;
    delete index_;
    delete archive_;
    delete server_;
    delete truth_;
    crawl_ = index_ = nullptr;
    archive_ = nullptr;
    server_ = nullptr;
    truth_ = nullptr;
  }
  void SetUp() override {
    ASSERT_TRUE(truth_) << "missing " << kTruth;
    ASSERT_EQ(crawl_->exit_code, 0) << crawl_->out << crawl_->err;
    ASSERT_EQ(index_->exit_code, 0) << index_->out << index_->err;
  }

  static const json& truth() { return *truth_; }
  static const json& post(int id) {
    for (const auto& p : truth()["posts"]) {
      if (p["id"] == id) return p;
    }
    throw std::runtime_error("no post " + std::to_string(id));
  }
  static bool about(const json& p, const std::string& word) {
    if (mentions(p["title"], word)) return true;
    for (const auto& t : p["tags"]) {
      if (mentions(t, word)) return true;
    }
    for (const auto& c : p["categories"]) {
      if (mentions(c, word)) return true;
    }
    return false;
  }
  static std::string post_key(const json& p) { return "p" + p["url"].get<std::string>(); }

  // Keys of the results of `fora search --json QUERY` (all of them).
  static std::set<std::string> search(const std::string& query, std::string* reading = nullptr) {
    auto r = fora(archive_->path(), {"search", "--json", "--limit", "1000", query});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (reading) *reading = r.err;
    std::set<std::string> keys;
    for (const auto& hit : json_lines(r.out)) keys.insert(key_of_url(hit["url"]));
    return keys;
  }

  static inline json* truth_ = nullptr;
  static inline TestServer* server_ = nullptr;
  static inline TempDir* archive_ = nullptr;
  static inline RunResult* crawl_ = nullptr;
  static inline RunResult* index_ = nullptr;
};

}  // namespace fora::test
