#include "query_syntax.h"

#include <fmt/format.h>

#include <cctype>
#include <string>
#include <vector>

#include "fora/indexer/fields.h"

namespace fora::query {
namespace {

bool is_operator(std::string_view w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ";
}

bool is_operator_syntax(std::string_view w) {
  return is_operator(w) || w.starts_with("NEAR/") || w.starts_with("ADJ/") ||
         (w.size() > 1 && w.front() == '-') || (w.size() > 1 && w.find('*') != std::string_view::npos);
}

std::string known_fields() {
  std::string names;
  for (const auto& f : indexer::fields()) {
    if (!f.name.empty()) names += (names.empty() ? "" : ", ") + std::string(f.name);
  }
  return names + ", date, seen";
}

// `word` (at `at` in `q`, a leading + or - cut off) starts with letters followed by ':' (a
// field): that name must be one fora knows, and a value must follow. Xapian would read an
// empty `site:` as the word "site", and `author:""` as no author at all.
Status check_field(std::string_view q, std::string_view word, std::size_t at) {
  if (!word.empty() && (word.front() == '+' || word.front() == '-')) {
    word.remove_prefix(1);
    ++at;
  }
  std::size_t n = 0;
  while (n < word.size() && (std::isalpha(static_cast<unsigned char>(word[n])) || word[n] == '_')) ++n;
  if (n == 0 || n >= word.size() || word[n] != ':') return ok();
  const std::string_view name = word.substr(0, n);
  if (name != "date" && name != "seen" && !indexer::field_by_name(name)) {
    return make_error(Errc::InvalidArgument,
                      fmt::format("unknown field '{}:' at character {}", name, at + 1),
                      "fields: " + known_fields());
  }
  const std::size_t after = at + n + 1;  // the character after the ':'
  const auto field = indexer::field_by_name(name);
  const bool one_value = !field || indexer::field_info(*field).boolean;  // date:, seen: too
  if (one_value && after < q.size() && q[after] == '(') {
    // Xapian would take "(Edward" for the name.
    return make_error(Errc::InvalidArgument,
                      fmt::format("{}: at character {} takes one value, not a bracketed group", name, at + 1),
                      fmt::format("write ({}:A OR {}:B)", name, name));
  }
  if (word.size() > n + 1) return ok();
  const bool quoted = after < q.size() && q[after] == '"';
  if (after < q.size() && !std::isspace(static_cast<unsigned char>(q[after])) && q[after] != ')' &&
      !(quoted && after + 1 < q.size() && q[after + 1] == '"')) {
    return ok();
  }
  return make_error(Errc::InvalidArgument, fmt::format("{}: at character {} has no value", name, at + 1),
                    fmt::format("write {}:VALUE, in quotes when it has spaces: {}:\"like this\"", name, name));
}

// Bounds that keep every query cheap: one wildcard expands to up to QueryLanguage's
// kMaxExpansion words, and each word in the query is a posting list to read.
constexpr std::size_t kMaxQueryBytes = 10000;
constexpr std::size_t kMaxWords = 1000;
constexpr std::size_t kMaxWildcards = 20;

Status check_size(std::string_view q, std::size_t words, std::size_t wildcards) {
  if (q.size() > kMaxQueryBytes)
    return make_error(Errc::InvalidArgument,
                      fmt::format("the query is too long: {} characters (at most {})", q.size(), kMaxQueryBytes));
  if (words > kMaxWords)
    return make_error(Errc::InvalidArgument, fmt::format("the query has too many words: {} (at most {})", words, kMaxWords));
  if (wildcards > kMaxWildcards)
    return make_error(Errc::InvalidArgument,
                      fmt::format("the query is too broad: {} wildcards (at most {})", wildcards, kMaxWildcards),
                      "each word* stands for every word it begins; use fewer of them, or longer ones");
  return ok();
}

}  // namespace

Result<QueryShape> check_query_syntax(std::string_view q) {
  if (q.size() > kMaxQueryBytes) return check_size(q, 0, 0).error();
  QueryShape shape;
  std::size_t wildcards = 0;
  int depth = 0;
  bool in_quote = false;
  std::size_t quote_at = 0;
  std::vector<std::pair<std::string_view, std::size_t>> words;  // outside quotes, with offsets
  std::size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    if (c == '"') {
      if (!in_quote) quote_at = i;
      // A closed phrase stands where a word does: `soyuz OR "space station"` ends in a word.
      else words.emplace_back(q.substr(quote_at, i + 1 - quote_at), quote_at);
      in_quote = !in_quote;
      ++i;
      continue;
    }
    if (in_quote) {
      ++i;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) {
      return make_error(Errc::InvalidArgument, fmt::format("')' at character {} closes nothing", i + 1));
    }
    if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')') {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < q.size() && !std::isspace(static_cast<unsigned char>(q[i])) && q[i] != '(' &&
           q[i] != ')' && q[i] != '"') {
      ++i;
    }
    const std::string_view word = q.substr(start, i - start);
    FORA_TRY(check_field(q, word, start));
    words.emplace_back(word, start);
    if (word.find('*') != std::string_view::npos) ++wildcards;
    // A lone '-' before a phrase or a bracket negates it too.
    const bool negates_next = word == "-" && i < q.size() && (q[i] == '"' || q[i] == '(');
    shape.operators = shape.operators || is_operator_syntax(word) || negates_next;
  }
  if (in_quote) {
    return make_error(Errc::InvalidArgument,
                      fmt::format("the quote opened at character {} is not closed", quote_at + 1));
  }
  if (depth > 0) return make_error(Errc::InvalidArgument, "a '(' is not closed");
  FORA_TRY(check_size(q, words.size(), wildcards));
  if (!words.empty()) {
    const auto& [first, first_at] = words.front();
    const auto& [last, last_at] = words.back();
    if (is_operator(first) && first != "NOT") {
      return make_error(Errc::InvalidArgument, fmt::format("{} at character {} needs a word before it", first, first_at + 1));
    }
    if (is_operator(last)) {
      return make_error(Errc::InvalidArgument, fmt::format("{} at character {} needs a word after it", last, last_at + 1));
    }
  }
  return shape;
}

}  // namespace fora::query
