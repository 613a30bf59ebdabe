#include "natural_form.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "fora/extract/lower_case.h"
#include "query_words.h"

namespace fora::query {
namespace {

constexpr std::size_t kLongestName = 4;  // words in an author name we try

constexpr std::array<std::string_view, 67> kFiller{
    "every", "all", "any", "each", "the", "on", "about", "by", "from", "of", "in", "with",
    "a", "an", "that", "which", "mention", "mentions", "mentioning", "mentioned", "and", "or",
    "to", "for", "at", "written", "wrote", "writes", "write", "say", "said", "says", "saying", "show",
    "me", "find", "list", "is", "are", "was", "were", "where", "who", "regarding",
    "concerning", "containing", "discussing", "what", "did", "do", "does", "has", "have", "had",
    "how", "tell", "talk", "talked", "talking", "think", "thought", "anything", "something",
    "posted", "commented", "since", "there"};

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

bool is_thread_word(std::string_view lowered) {
  for (std::string_view w : {"thread", "threads", "discussion", "discussions", "conversation", "conversations"})
    if (w == lowered) return true;
  return false;
}

// Words that put a name after them as the one replied to: "replying to Chris",
// "in reply to Chris", "comments quoting Chris".
bool is_reply_word(std::string_view lowered) {
  for (std::string_view w : {"replying", "responding", "answering", "quoting", "reply", "replies", "answers", "answer",
                             "response", "responses"})
    if (w == lowered) return true;
  return false;
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

// A year of the kind people ask about: 1900 to 2099.
std::optional<int> year_of(std::string_view word) {
  int y = 0;
  if (word.size() != 4 || std::from_chars(word.data(), word.data() + 4, y).ec != std::errc() || y < 1900 || y > 2099)
    return std::nullopt;
  return y;
}

// "march", "mar", "sept" -> 3, 3, 9.
std::optional<int> month_of(std::string_view lowered) {
  static constexpr std::array<std::string_view, 12> kMonths{"january", "february", "march", "april", "may", "june",
                                                           "july", "august", "september", "october", "november",
                                                           "december"};
  for (std::size_t m = 0; m < kMonths.size(); ++m)
    if (lowered == kMonths[m] || lowered == kMonths[m].substr(0, 3)) return static_cast<int>(m) + 1;
  if (lowered == "sept") return 9;
  return std::nullopt;
}

// A period named in words: a year, or a month and its year.
struct Period {
  int year = 0, month = 0;  // month 0: the whole year
  std::string text() const { return month ? fmt::format("{:04}-{:02}", year, month) : fmt::format("{:04}", year); }
  Period next() const {
    if (!month) return {year + 1, 0};
    return month == 12 ? Period{year + 1, 1} : Period{year, month + 1};
  }
  Period previous() const {
    if (!month) return {year - 1, 0};
    return month == 1 ? Period{year - 1, 12} : Period{year, month - 1};
  }
};

// The period starting at words[i] ("2023", "March 2023"); `used` says how many words it took.
std::optional<Period> period_at(const std::vector<std::string>& lowered, std::size_t i, std::size_t& used) {
  if (i < lowered.size()) {
    if (auto y = year_of(lowered[i])) {
      used = 1;
      return Period{*y, 0};
    }
  }
  if (i + 1 < lowered.size()) {
    auto m = month_of(lowered[i]);
    auto y = year_of(lowered[i + 1]);
    if (m && y) {
      used = 2;
      return Period{*y, *m};
    }
  }
  return std::nullopt;
}

}  // namespace

bool is_question_word(std::string_view lowered) {
  for (std::string_view w : {"during", "after", "before", "until", "till", "between", "most"})
    if (w == lowered) return true;
  return is_filler(lowered) || type_word(lowered) || is_thread_word(lowered) || is_reply_word(lowered) ||
         month_of(lowered);
}

Reading read_natural(std::string_view query, const KnownAuthors& known) {
  Reading unchanged{std::string(query), false, std::nullopt, false, {}};
  if (has_field_syntax(query)) return unchanged;
  const auto words = words_of(query);
  std::vector<std::string> lowered;
  for (const auto& w : words) lowered.push_back(extract::lower_case(w));

  Reading read;
  std::vector<std::string> authors, replied_to, bare;
  std::optional<std::string> date;
  std::optional<std::string_view> type;
  bool mixed_types = false;
  bool content_seen = false;  // a word that is no filler came before

  // The longest run of capitalised words from words[i] that names an author: its length.
  const auto author_run = [&](std::size_t i) -> std::size_t {
    std::size_t run = 0;
    while (i + run < words.size() && run < kLongestName && capitalised(words[i + run])) ++run;
    for (; run > 0; --run) {
      std::string name = words[i];
      for (std::size_t k = 1; k < run; ++k) name += " " + words[i + k];
      if (known.exists(name)) return run;
    }
    return 0;
  };
  const auto name_at = [&](std::size_t i, std::size_t run) {
    std::string name = words[i];
    for (std::size_t k = 1; k < run; ++k) name += " " + words[i + k];
    return name;
  };

  // "who wrote most about …", "who posted the most …": the author counts answer it. Not
  // "WHO guidance" (an acronym), nor "who" before anything but a verb of writing.
  static constexpr std::array<std::string_view, 18> kWriting{
      "wrote", "writes", "write", "posted", "posts", "commented", "comments", "said", "says",
      "talked", "talks", "mentioned", "mentions", "discussed", "discusses", "replied", "asked", "answered"};
  if (lowered.size() > 1 && lowered[0] == "who" && words[0] != "WHO" &&
      std::find(kWriting.begin(), kWriting.end(), lowered[1]) != kWriting.end())
    read.count_by = Facet::Author;

  for (std::size_t i = 0; i < words.size();) {
    const std::string& low = lowered[i];
    // Dates: "in 2023", "in March 2023", "since 2023", "after 2020", "before March 2023",
    // "until 2021", "between 2019 and 2021", "from 2019 to 2021".
    std::size_t used = 0;
    if (low == "in" || low == "during" || low == "since" || low == "after" || low == "before" || low == "until" ||
        low == "till" || low == "between" || low == "from") {
      if (auto p = period_at(lowered, i + 1, used)) {
        std::size_t end = i + 1 + used, used2 = 0;
        if ((low == "between" || low == "from") && end + 1 < lowered.size() &&
            (lowered[end] == "and" || lowered[end] == "to")) {
          if (auto q = period_at(lowered, end + 1, used2)) {
            date = p->text() + ".." + q->text();
            i = end + 1 + used2;
            continue;
          }
        }
        if (low == "in" || low == "during") date = p->text();
        else if (low == "since" || low == "from") date = p->text() + "..";
        else if (low == "after") date = p->next().text() + "..";
        else if (low == "before") date = ".." + p->previous().text();
        else if (low == "until" || low == "till") date = ".." + p->text();
        if (date) {
          i = end;
          continue;
        }
      }
    }
    // "replying to Chris", "in reply to Chris", "replies to Chris", "quoting Chris".
    if (is_reply_word(low)) {
      std::size_t at = i + 1;
      if (at < lowered.size() && lowered[at] == "to") ++at;
      if (const std::size_t run = author_run(at); run > 0 && (at > i + 1 || low == "quoting" || low == "answering")) {
        replied_to.push_back(name_at(at, run));
        if (auto t = type_word(low)) {
          mixed_types = mixed_types || (type && *type != *t);
          type = t;
        }
        i = at + run;
        content_seen = true;
        continue;
      }
    }
    if (auto t = type_word(low)) {
      mixed_types = mixed_types || (type && *type != *t);
      type = t;
      content_seen = true;
      ++i;
      continue;
    }
    // "threads about Voyager", "which discussions mention Soyuz"; not "thread safety".
    if (!content_seen && is_thread_word(low) && (i + 1 == words.size() || is_filler(lowered[i + 1]))) {
      read.by_thread = true;
      content_seen = true;
      ++i;
      continue;
    }
    if (capitalised(words[i]) && !is_filler(low)) {
      if (const std::size_t run = author_run(i); run > 0) {
        const std::string name = name_at(i, run);
        authors.push_back(name);
        // Said, not guessed silently: the name typed is one author's and the start of others'.
        if (known.longer) {
          const auto longer = known.longer(name);
          if (!longer.empty()) {
            std::string others;
            for (std::size_t k = 0; k < longer.size() && k < 3; ++k) others += fmt::format("{}\"{}\"", k ? ", " : "", longer[k]);
            if (longer.size() > 3) others += fmt::format(" and {} more", longer.size() - 3);
            read.notes.push_back(fmt::format("\"{}\" and {} are both authors here: reading the exact name {}", name, others, name));
          }
        }
        i += run;
        content_seen = true;
        continue;
      }
    }
    if (read.count_by && (low == "most" || low == "the")) {
      ++i;
      continue;
    }
    if (!is_filler(low)) {
      bare.push_back(low);
      content_seen = true;
    }
    ++i;
  }
  if (authors.empty() && replied_to.empty() && !type && !date && !read.count_by && !read.by_thread) return unchanged;
  std::string out;
  auto append = [&](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
  for (const auto& a : authors) append("author:" + quoted_if_needed(a));
  for (const auto& r : replied_to) append("replyto:" + quoted_if_needed(r));
  if (type && !mixed_types) append("type:" + std::string(*type));
  if (date) append("date:" + *date);
  for (const auto& w : bare) append(w);
  read.query = out;
  read.rewritten = out != query || read.count_by || read.by_thread;
  return read;
}

}  // namespace fora::query
