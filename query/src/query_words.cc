#include "query_words.h"

#include <array>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace fora::query {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_operator(std::string_view token) {
  for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"})
    if (token == op || (token.starts_with(op) && token.size() > op.size() && token[op.size()] == '/')) return true;
  return false;
}

// A token of the query: its span, and what kind of thing it is.
struct Token {
  Span span;
  bool plain = false;        // a plain word
  std::string_view field;    // for field:value, the field's name; value_span its value
  Span value_span;
};

// Tokens split on white space, a quoted phrase (with its field prefix) being one token and
// a bracket a token of its own.
std::vector<Token> tokens_of(std::string_view q) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < q.size()) {
    if (is_space(q[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (q[i] == '(' || q[i] == ')') {
      Token bracket;
      bracket.span = {start, ++i};
      tokens.push_back(bracket);
      continue;
    }
    bool quoted = false;
    std::size_t colon = std::string_view::npos;
    while (i < q.size() && (quoted || (!is_space(q[i]) && q[i] != '(' && q[i] != ')'))) {
      if (q[i] == '"') quoted = !quoted;
      else if (q[i] == ':' && !quoted && colon == std::string_view::npos) colon = i;
      ++i;
    }
    Token t;
    t.span = {start, i};
    const std::string_view text = q.substr(start, i - start);
    if (colon != std::string_view::npos && colon > start) {
      t.field = q.substr(start, colon - start);
      std::size_t vb = colon + 1, ve = i;
      if (vb < ve && q[vb] == '"') ++vb;
      if (ve > vb && q[ve - 1] == '"') --ve;
      t.value_span = {vb, ve};
    } else {
      // A leading + or - is a modifier and * a wildcard: such a word is taken as written.
      t.plain = text.find_first_of("\"*") == std::string_view::npos && text.front() != '+' && text.front() != '-' &&
                !is_operator(text);
      if (t.plain) {
        std::size_t e = i;
        while (e > start && std::string_view(",.;!?").find(q[e - 1]) != std::string_view::npos) --e;
        t.span.end = e;
        t.plain = e > start;
      }
    }
    tokens.push_back(t);
  }
  return tokens;
}

}  // namespace

std::vector<std::vector<Span>> plain_word_runs(std::string_view query) {
  std::vector<std::vector<Span>> runs;
  std::vector<Span> run;
  for (const Token& t : tokens_of(query)) {
    if (t.plain) {
      run.push_back(t.span);
      continue;
    }
    if (!run.empty()) runs.push_back(std::move(run));
    run.clear();
  }
  if (!run.empty()) runs.push_back(std::move(run));
  return runs;
}

bool capitalised(std::string_view word) {
  if (word.empty()) return false;
  UChar32 c = 0;
  int32_t i = 0;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && u_isupper(c);
}

std::vector<Span> field_values(std::string_view query, std::string_view field) {
  std::vector<Span> values;
  for (const Token& t : tokens_of(query))
    if (t.field == field && t.value_span.end > t.value_span.begin) values.push_back(t.value_span);
  return values;
}

}  // namespace fora::query
