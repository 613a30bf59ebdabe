#include "thread_view.h"

#include <algorithm>
#include <map>
#include <string>

namespace fora::cli {
namespace {

// Siblings in page order: posts before comments, then by date (undated last), then by id.
bool before(const archive::StoredEntry& a, const archive::StoredEntry& b) {
  const bool a_post = a.kind == "post", b_post = b.kind == "post";
  if (a_post != b_post) return a_post;
  const auto& da = a.entry.published;
  const auto& db = b.entry.published;
  if (da.has_value() != db.has_value()) return da.has_value();
  if (da && *da != *db) return *da < *db;
  return a.id < b.id;
}

}  // namespace

ThreadView::ThreadView(const std::vector<archive::StoredEntry>& entries) {
  const std::size_t n = entries.size();
  // The entry a native id names: a comment before a post (the catalog's own preference).
  std::map<std::string, std::size_t> comments, posts;
  std::size_t post = n;
  for (std::size_t i = 0; i < n; ++i) {
    const bool is_post = entries[i].kind == "post";
    (is_post ? posts : comments).emplace(entries[i].entry.native_id, i);
    if (is_post && (post == n || before(entries[i], entries[post]))) post = i;
  }
  std::vector<std::size_t> parent(n, n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& named = entries[i].entry.parent_id;
    if (named.empty()) continue;
    std::size_t found = n;
    if (auto c = comments.find(named); c != comments.end())
      found = c->second;
    else if (auto p = posts.find(named); p != posts.end())
      found = p->second;
    if (found != i) parent[i] = found;
  }
  std::vector<std::vector<std::size_t>> children(n);
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < n; ++i) (parent[i] == n ? roots : children[parent[i]]).push_back(i);
  const auto order = [&](std::size_t a, std::size_t b) { return before(entries[a], entries[b]); };
  std::sort(roots.begin(), roots.end(), order);
  for (auto& c : children) std::sort(c.begin(), c.end(), order);

  std::vector<std::size_t> line_of(n, n);
  const auto visit = [&](std::size_t root, int depth) {
    std::vector<std::pair<std::size_t, int>> stack{{root, depth}};
    while (!stack.empty()) {
      const auto [i, d] = stack.back();
      stack.pop_back();
      if (line_of[i] != n) continue;
      line_of[i] = lines_.size();
      lines_.push_back({&entries[i], d});
      for (auto c = children[i].rbegin(); c != children[i].rend(); ++c) stack.emplace_back(*c, d + 1);
    }
  };
  // A comment at the top replies to the post: one level in, when the thread has one.
  for (std::size_t r : roots) visit(r, entries[r].kind == "post" || post == n ? 0 : 1);
  // Entries whose parents reply to each other in a loop (damaged data) hang from nothing:
  // listed last rather than lost.
  for (std::size_t i = 0; i < n; ++i)
    if (line_of[i] == n) visit(i, 0);

  parent_.assign(lines_.size(), lines_.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t p = parent[i] != n ? parent[i] : (entries[i].kind == "post" ? n : post);
    if (p != n && p != i) parent_[line_of[i]] = line_of[p];
  }
}

std::size_t ThreadView::find(std::int64_t id) const {
  for (std::size_t k = 0; k < lines_.size(); ++k)
    if (lines_[k].entry->id == id) return k;
  return lines_.size();
}

std::vector<std::size_t> ThreadView::parents(std::size_t at) const {
  std::vector<std::size_t> out;
  for (std::size_t k = parent_[at]; k != lines_.size() && out.size() < lines_.size(); k = parent_[k]) {
    if (std::find(out.begin(), out.end(), k) != out.end() || k == at) break;  // a loop
    out.push_back(k);
  }
  return out;
}

std::vector<std::size_t> ThreadView::replies(std::size_t at) const {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < lines_.size(); ++k)
    if (parent_[k] == at && k != at) out.push_back(k);
  return out;
}

std::pair<std::size_t, std::size_t> ThreadView::around(std::size_t at, std::optional<std::size_t> context) const {
  if (!context || at >= lines_.size()) return {0, lines_.size()};
  return {at > *context ? at - *context : 0, std::min(lines_.size(), at + *context + 1)};
}

}  // namespace fora::cli
