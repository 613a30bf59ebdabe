#include "entry_matching.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include "entry_text.h"

namespace fora::archive {
namespace {

std::set<std::string> words_of(std::string_view text) {
  std::set<std::string> words;
  std::string word;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      words.insert(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.insert(std::move(word));
  return words;
}

struct Stored {
  std::string native_id, author;
  std::set<std::string> words;
};

// The share of distinct words two entries have in common, over the smaller set (0 to 1).
double overlap(const std::set<std::string>& x, const std::set<std::string>& y) {
  if (x.empty() || y.empty()) return x.empty() && y.empty() ? 1.0 : 0.0;
  std::size_t common = 0;
  for (const auto& w : x) common += y.count(w);
  return static_cast<double>(common) / static_cast<double>(std::min(x.size(), y.size()));
}

}  // namespace

Status match_unidentified(const EntryWords& a, std::int64_t thread, std::int64_t page_id,
                          std::vector<extract::Entry>& comments) {
  if (page_id == 0) return ok();
  auto known = a.sql("SELECT 1 FROM comments WHERE thread_id = ? AND kind = 'comment' AND native_id = ?");
  if (!known) return known.error();
  std::vector<std::size_t> unknown;  // comments with a content id the thread does not hold
  std::set<std::string> here;        // every id the page shows
  for (std::size_t i = 0; i < comments.size(); ++i) {
    here.insert(comments[i].native_id);
    if (!extract::is_content_id(comments[i].native_id)) continue;
    auto row = (*known)->reset().bind(1, thread).bind(2, comments[i].native_id).step();
    if (!row) return row.error();
    if (!*row) unknown.push_back(i);
  }
  if (unknown.empty()) return ok();
  // The entries last seen on this page that it no longer shows, in page order.
  auto q = a.sql(
      "SELECT c.native_id, c.author, v.id, coalesce(v.dictionary_id, 0), v.text, v.quotes FROM comments c"
      " JOIN comment_versions v ON v.id = (SELECT max(id) FROM comment_versions WHERE comment_id = c.id)"
      " WHERE c.thread_id = ? AND c.page_id = ? AND c.kind = 'comment' AND c.gone_since IS NULL ORDER BY c.id");
  if (!q) return q.error();
  (*q)->bind(1, thread).bind(2, page_id);
  std::vector<Stored> missing;
  FORA_TRY((*q)->each([&](const Statement& r) {
    std::string native_id = r.text(0);
    if (!extract::is_content_id(native_id) || here.count(native_id)) return;
    auto text = unpack_version(a, r.int64(2), r.int64(3), r.blob(4), r.blob(5));
    if (!text || text->lost) return;  // words damaged or lost: nothing to match by
    missing.push_back({std::move(native_id), r.text(1), words_of(text->text)});
  }));
  for (const std::size_t i : unknown) {
    extract::Entry& e = comments[i];
    const auto words = words_of(e.text);
    double best = 0;
    auto match = missing.end();
    for (auto it = missing.begin(); it != missing.end(); ++it) {
      if (it->author != e.author) continue;
      if (const double o = overlap(words, it->words); o > best) best = o, match = it;
    }
    if (match == missing.end() || best < 0.5) continue;
    e.native_id = match->native_id;
    missing.erase(match);
  }
  return ok();
}

}  // namespace fora::archive
