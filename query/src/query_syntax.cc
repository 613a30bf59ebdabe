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

std::string known_fields() {
  std::string names;
  for (const auto& f : indexer::fields()) {
    if (!f.name.empty()) names += (names.empty() ? "" : ", ") + std::string(f.name);
  }
  return names + ", date, seen";
}

// `word` starts with letters followed by ':' (a field): that name must be one fora knows.
Status check_field(std::string_view word, std::size_t at) {
  std::size_t n = 0;
  while (n < word.size() && (std::isalpha(static_cast<unsigned char>(word[n])) || word[n] == '_')) ++n;
  if (n == 0 || n >= word.size() || word[n] != ':') return ok();
  const std::string_view name = word.substr(0, n);
  if (name == "date" || name == "seen" || indexer::field_by_name(name)) return ok();
  return make_error(Errc::InvalidArgument,
                    fmt::format("unknown field '{}:' at character {}", name, at + 1),
                    "fields: " + known_fields());
}

}  // namespace

Status check_query_syntax(std::string_view q) {
  int depth = 0;
  bool in_quote = false;
  std::size_t quote_at = 0;
  std::vector<std::pair<std::string_view, std::size_t>> words;  // outside quotes, with offsets
  std::size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    if (c == '"') {
      if (!in_quote) quote_at = i;
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
    FORA_TRY(check_field(word, start));
    words.emplace_back(word, start);
  }
  if (in_quote) {
    return make_error(Errc::InvalidArgument,
                      fmt::format("the quote opened at character {} is not closed", quote_at + 1));
  }
  if (depth > 0) return make_error(Errc::InvalidArgument, "a '(' is not closed");
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
  return ok();
}

}  // namespace fora::query
