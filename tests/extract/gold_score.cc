#include "gold_score.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "fora/archive/http_response.h"

namespace fora::extract::gold {
namespace {

std::optional<std::string> opt(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return j[key].get<std::string>();
}

std::string collapse(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The first words must open the text; words quoted from others are skipped by both sides,
// so compare the words themselves, ignoring punctuation spacing differences.
bool starts_with_words(const std::string& text, const std::string& words) {
  auto squeeze = [](const std::string& s) {
    std::string out;
    for (unsigned char c : s)
      if (std::isalnum(c) || c >= 0x80) out += static_cast<char>(c);
    return out;
  };
  const std::string t = squeeze(text), w = squeeze(words);
  return t.compare(0, w.size(), w) == 0;
}

std::vector<Entry> entries_of(const Page& page) {
  std::vector<Entry> out;
  if (!page.thread) return out;
  if (page.thread->post) out.push_back(*page.thread->post);
  out.insert(out.end(), page.thread->comments.begin(), page.thread->comments.end());
  return out;
}

}  // namespace

std::vector<GoldPage> load_all(const std::filesystem::path& dir) {
  std::vector<GoldPage> pages;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       it != std::filesystem::recursive_directory_iterator(); ++it) {
    if (it->path().extension() != ".json") continue;
    std::ifstream in(it->path());
    const nlohmann::json j = nlohmann::json::parse(in);
    GoldPage p{j["page"], j["engine"], {}};
    for (const auto& e : j["entries"])
      p.entries.push_back({opt(e, "id"), opt(e, "author"), opt(e, "date"),
                           e.value("first_words", ""), opt(e, "parent")});
    pages.push_back(std::move(p));
  }
  std::sort(pages.begin(), pages.end(), [](const GoldPage& a, const GoldPage& b) { return a.page < b.page; });
  return pages;
}

Score score(const Extractor& extractor, const std::filesystem::path& fixtures, const GoldPage& gold) {
  Score s;
  s.expected = static_cast<int>(gold.entries.size());
  std::ifstream in(fixtures / gold.page, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const auto start = std::chrono::steady_clock::now();
  auto page = extractor.extract(bytes.str(), "https://fixture.example/" + gold.page, "text/html");
  s.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!page) {
    s.problems.push_back("extract failed: " + page.error().message);
    return s;
  }
  s.reader = page->reader;
  std::vector<Entry> got = entries_of(*page);
  std::vector<bool> used(got.size(), false);
  std::size_t next_unnamed = 0;
  for (const GoldEntry& want : gold.entries) {
    const Entry* e = nullptr;
    for (std::size_t i = want.id ? 0 : next_unnamed; i < got.size() && !e; ++i) {
      if (used[i]) continue;
      if (want.id ? got[i].native_id == *want.id : starts_with_words(got[i].text, want.first_words)) {
        e = &got[i];
        used[i] = true;
        if (!want.id) next_unnamed = i + 1;
      }
    }
    const std::string name = want.id.value_or("#" + want.first_words.substr(0, 20));
    if (e == nullptr) {
      s.problems.push_back(fmt::format("{}: not found", name));
      continue;
    }
    ++s.found;
    if (want.author) {
      ++s.authors;
      if (e->author == *want.author) ++s.authors_ok;
      else s.problems.push_back(fmt::format("{}: author '{}', want '{}'", name, e->author, *want.author));
    }
    if (want.date) {
      ++s.dates;
      const std::string have = e->published ? archive::format_utc(*e->published).substr(0, 16) : "none";
      if (have == *want.date) ++s.dates_ok;
      else s.problems.push_back(fmt::format("{}: date {}, want {}", name, have, *want.date));
    }
    if (want.parent) {
      ++s.parents;
      if (e->parent_id == *want.parent) ++s.parents_ok;
      else s.problems.push_back(fmt::format("{}: parent '{}', want '{}'", name, e->parent_id, *want.parent));
    }
    if (starts_with_words(e->text, want.first_words)) ++s.words_ok;
    else s.problems.push_back(fmt::format("{}: text '{}', want it to open with '{}'", name,
                                          collapse(e->text).substr(0, 60), want.first_words));
  }
  for (std::size_t i = 0; i < got.size(); ++i)
    if (!used[i]) {
      ++s.stray;
      s.problems.push_back(fmt::format("stray entry {} by '{}'", got[i].native_id, got[i].author));
    }
  return s;
}

}  // namespace fora::extract::gold
