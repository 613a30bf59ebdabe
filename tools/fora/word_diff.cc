#include "word_diff.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

namespace fora::cli {
namespace {

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

// Appends a run of `kind` when it holds words.
void put(std::vector<WordRun>& out, char kind, const std::vector<std::string_view>& run) {
  if (run.empty()) return;
  WordRun r{kind, {}};
  for (std::size_t k = 0; k < run.size(); ++k) {
    if (k > 0) r.words += ' ';
    r.words += run[k];
  }
  out.push_back(std::move(r));
}

}  // namespace

std::vector<WordRun> word_runs(std::string_view before, std::string_view after) {
  const auto a = words(before), b = words(after);
  const std::size_t n = a.size(), m = b.size();
  std::vector<WordRun> out;
  // The longest common subsequence of words, by dynamic programming: n*m cells.
  if (n * m > (std::size_t{1} << 22)) {
    put(out, '-', a);
    put(out, '+', b);
    return out;
  }
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<std::string_view> removed, added, same;
  const auto flush_changes = [&] {
    put(out, '-', removed);
    put(out, '+', added);
    removed.clear();
    added.clear();
  };
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      flush_changes();
      same.push_back(a[i]);
      ++i, ++j;
      continue;
    }
    put(out, ' ', same);
    same.clear();
    if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push_back(b[j++]);
    } else {
      removed.push_back(a[i++]);
    }
  }
  flush_changes();
  put(out, ' ', same);
  return out;
}

std::string words_with_quotes(const std::vector<extract::Quote>& quotes, std::string_view text) {
  std::string out;
  for (const auto& q : quotes) out += "> " + (q.author.empty() ? "" : q.author + ": ") + q.text + " ";
  return out + std::string(text);
}

std::string word_diff(std::string_view before, std::string_view after) {
  std::string out;
  for (const WordRun& run : word_runs(before, after)) {
    if (!out.empty()) out += ' ';
    out += run.kind == '-' ? "[-" + run.words + "-]" : run.kind == '+' ? "{+" + run.words + "+}" : run.words;
  }
  return out;
}

}  // namespace fora::cli
