#include "suggest.h"

#include <algorithm>
#include <vector>

#include <unicode/uchar.h>

#include "fora/extract/lower_case.h"
#include "fora/indexer/fields.h"
#include "natural_form.h"
#include "query_words.h"

namespace fora::query {
namespace {

std::size_t allowed_edits(std::string_view word) { return word.size() <= 4 ? 1 : 2; }

// The nearest term under `prefix` to `value` (without the prefix), and its edits; terms of
// the same first byte only when `same_first`.
struct Nearest {
  std::string value;
  std::size_t edits = 0;
  Xapian::doccount frequency = 0;
};

std::optional<Nearest> nearest_term(const Xapian::Database& db, const std::string& prefix, std::string_view value,
                                    bool same_first) {
  const std::size_t limit = allowed_edits(value);
  const std::string from = same_first ? prefix + std::string(value.substr(0, 1)) : prefix;
  std::optional<Nearest> best;
  for (auto t = db.allterms_begin(from); t != db.allterms_end(from); ++t) {
    const std::string term = *t;
    std::string_view candidate = std::string_view(term).substr(prefix.size());
    if (!candidate.empty() && candidate.front() == ':') candidate.remove_prefix(1);
    if (candidate.size() + limit < value.size() || candidate.size() > value.size() + limit) continue;
    const std::size_t edits = edit_distance(value, candidate, limit);
    if (edits == 0 || edits > limit) continue;
    const Xapian::doccount frequency = t.get_termfreq();
    if (!best || edits < best->edits || (edits == best->edits && frequency > best->frequency))
      best = Nearest{std::string(candidate), edits, frequency};
  }
  return best;
}

// An author's name as written, from the value slot of one of their documents.
std::string author_as_written(const Xapian::Database& db, const std::string& term) {
  auto p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return {};
  return db.get_document(*p).get_value(indexer::kAuthorSlot);
}

std::optional<std::string> nearest_author(const Xapian::Database& db, std::string_view name) {
  const std::string prefix(indexer::field_info(indexer::Field::Author).prefix);
  const std::string folded = indexer::fold(name);
  if (folded.empty() || db.term_exists(prefix + folded)) return std::nullopt;
  auto near = nearest_term(db, prefix, folded, false);
  if (!near) return std::nullopt;
  std::string written = author_as_written(db, indexer::boolean_term(indexer::Field::Author, near->value));
  return written.empty() ? near->value : written;
}

bool letters_only(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
  });
}

// A word the index holds in some form: as its stem in the words, the topic or the quotes.
bool indexed(const Xapian::Database& db, const std::string& stem) {
  for (const char* prefix : {"", "S", "XQUOTE"})
    if (db.term_exists(prefix + stem)) return true;
  return false;
}

// `lowered` corrected to the nearest word the index holds: the nearest stem, given the
// ending the typed word had past its own stem ("micrometorites" -> stem "micrometorit" ->
// "micrometeorit" + "es"), when that spelling stems back to it.
std::optional<std::string> nearest_word(const Xapian::Database& db, const Xapian::Stem& stem, const std::string& lowered) {
  const std::string own = stem(lowered);
  if (own.empty() || indexed(db, own)) return std::nullopt;
  auto near = nearest_term(db, "", own, true);
  if (!near) return std::nullopt;
  if (lowered.starts_with(own)) {
    const std::string spelled = near->value + lowered.substr(own.size());
    if (stem(spelled) == near->value) return spelled;
  }
  return near->value;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::size_t> before(m + 1), row(m + 1), now(m + 1);
  for (std::size_t j = 0; j <= m; ++j) row[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    now[0] = i;
    std::size_t smallest = now[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t change = a[i - 1] == b[j - 1] ? 0 : 1;
      now[j] = std::min({row[j] + 1, now[j - 1] + 1, row[j - 1] + change});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) now[j] = std::min(now[j], before[j - 2] + 1);
      smallest = std::min(smallest, now[j]);
    }
    if (smallest > limit) return limit + 1;
    before.swap(row);
    row.swap(now);
  }
  return std::min(row[m], limit + 1);
}

std::optional<std::string> suggest(const Xapian::Database& db, std::string_view query, bool natural) {
  struct Change {
    Span span;
    std::string text;
  };
  std::vector<Change> changes;
  for (const Span& v : field_values(query, "author")) {
    if (auto name = nearest_author(db, query.substr(v.begin, v.end - v.begin))) {
      // Quoted when it has a space and the value was not quoted already.
      const bool in_quotes = v.begin > 0 && query[v.begin - 1] == '"';
      changes.push_back({v, in_quotes || name->find(' ') == std::string::npos ? *name : "\"" + *name + "\""});
    }
  }
  const Xapian::Stem stem("english");
  for (const auto& run : plain_word_runs(query)) {
    for (std::size_t i = 0; i < run.size(); ++i) {
      const std::string_view word = query.substr(run[i].begin, run[i].end - run[i].begin);
      if (!letters_only(word)) continue;
      const std::string lowered = extract::lower_case(word);
      // A capitalised word of a natural question may be a name: two words first ("David
      // Eastmn"), then one.
      if (natural && capitalised(word)) {
        if (i + 1 < run.size()) {
          const std::string_view two = query.substr(run[i].begin, run[i + 1].end - run[i].begin);
          if (capitalised(query.substr(run[i + 1].begin, 1)) && !db.term_exists(indexer::boolean_term(indexer::Field::Author, two))) {
            if (auto name = nearest_author(db, two); name && name->find(' ') != std::string::npos) {
              changes.push_back({{run[i].begin, run[i + 1].end}, *name});
              ++i;
              continue;
            }
          }
        }
        if (db.term_exists(indexer::boolean_term(indexer::Field::Author, word))) continue;
        if (!indexed(db, stem(lowered))) {
          if (auto name = nearest_author(db, word)) {
            changes.push_back({run[i], *name});
            continue;
          }
        }
      }
      if (natural && is_question_word(lowered)) continue;
      if (auto better = nearest_word(db, stem, lowered)) {
        // As the word was typed: capitalised when it was.
        if (capitalised(word) && (*better)[0] >= 'a' && (*better)[0] <= 'z') (*better)[0] = static_cast<char>((*better)[0] - 'a' + 'A');
        changes.push_back({run[i], *better});
      }
    }
  }
  if (changes.empty()) return std::nullopt;
  std::sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.span.begin < b.span.begin; });
  std::string out;
  std::size_t copied = 0;
  for (const Change& c : changes) {
    out.append(query.substr(copied, c.span.begin - copied));
    out += c.text;
    copied = c.span.end;
  }
  out.append(query.substr(copied));
  return out;
}

}  // namespace fora::query
