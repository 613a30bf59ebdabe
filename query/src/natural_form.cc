#include "natural_form.h"

#include <array>
#include <optional>
#include <vector>

#include <unicode/uchar.h>

#include "fora/extract/lower_case.h"

namespace fora::query {
namespace {

constexpr std::size_t kLongestName = 4;  // words in an author name we try

constexpr std::array<std::string_view, 46> kFiller{
    "every", "all", "any", "each", "the", "on", "about", "by", "from", "of", "in", "with",
    "a", "an", "that", "which", "mention", "mentions", "mentioning", "mentioned", "and", "or",
    "to", "for", "at", "written", "wrote", "writes", "say", "said", "says", "saying", "show",
    "me", "find", "list", "is", "are", "was", "were", "where", "who", "regarding",
    "concerning", "containing", "discussing"};

bool is_filler(std::string_view lowered) {
  for (auto f : kFiller)
    if (f == lowered) return true;
  return false;
}

// "comment", "posts", ... -> the type they ask for.
std::optional<std::string_view> type_word(std::string_view lowered) {
  for (std::string_view w : {"comment", "comments", "reply", "replies", "answer", "answers"})
    if (w == lowered) return "comment";
  for (std::string_view w : {"post", "posts", "article", "articles"})
    if (w == lowered) return "post";
  return std::nullopt;
}

bool capitalised(std::string_view word) {
  if (word.empty()) return false;
  UChar32 c = 0;
  int32_t i = 0;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && u_isupper(c);
}

bool has_field_syntax(std::string_view q) {
  if (q.find_first_of(":\"()*") != std::string_view::npos) return true;
  std::size_t pos = 0;
  while (pos < q.size()) {
    auto start = q.find_first_not_of(' ', pos);
    if (start == std::string_view::npos) break;
    auto end = q.find(' ', start);
    auto word = q.substr(start, end == std::string_view::npos ? end : end - start);
    if (word.front() == '+' || word.front() == '-') return true;
    for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"})
      if (word == op) return true;
    pos = end == std::string_view::npos ? q.size() : end;
  }
  return false;
}

// Words split on whitespace, with sentence punctuation and a possessive "'s" cut off.
std::vector<std::string> words_of(std::string_view q) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    while (!word.empty() && std::string_view(",.;!?").find(word.back()) != std::string_view::npos)
      word.pop_back();
    for (std::string_view s : {"'s", "\u2019s"})
      if (word.size() > s.size() && std::string_view(word).ends_with(s)) word.resize(word.size() - s.size());
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (char c : q) {
    if (c == ' ' || c == '\t' || c == '\n') flush();
    else word += c;
  }
  flush();
  return words;
}

std::string quoted_if_needed(const std::string& name) {
  return name.find(' ') == std::string::npos ? name : "\"" + name + "\"";
}

}  // namespace

Reading read_natural(std::string_view query,
                     const std::function<bool(std::string_view name)>& is_author) {
  Reading unchanged{std::string(query), false};
  if (has_field_syntax(query)) return unchanged;
  auto words = words_of(query);
  std::vector<std::string> authors, bare;
  std::optional<std::string_view> type;
  bool mixed_types = false;
  for (std::size_t i = 0; i < words.size();) {
    std::string lowered = extract::lower_case(words[i]);
    if (auto t = type_word(lowered)) {
      mixed_types = mixed_types || (type && *type != *t);
      type = t;
      ++i;
      continue;
    }
    if (capitalised(words[i]) && !is_filler(lowered)) {
      // Longest run of capitalised words, starting here, that names an author.
      std::size_t run = 0;
      while (i + run < words.size() && run < kLongestName && capitalised(words[i + run])) ++run;
      bool found = false;
      for (; run > 0 && !found; --run) {
        std::string name = words[i];
        for (std::size_t k = 1; k < run; ++k) name += " " + words[i + k];
        if (is_author(name)) {
          authors.push_back(name);
          i += run;
          found = true;
        }
      }
      if (found) continue;
    }
    if (!is_filler(lowered)) bare.push_back(lowered);
    ++i;
  }
  if (authors.empty() && !type) return unchanged;
  std::string out;
  auto append = [&](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
  for (const auto& a : authors) append("author:" + quoted_if_needed(a));
  if (type && !mixed_types) append("type:" + std::string(*type));
  for (const auto& w : bare) append(w);
  return Reading{out, true};
}

}  // namespace fora::query
