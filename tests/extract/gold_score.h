// Scores what fora extracts from a real page against the page's gold file
// (tests/extract/gold/ENGINE/PAGE.json, written by tools/gold/read_fixture.py from the page
// itself). Used by the gold tests and by tools/bench/extract's table.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "fora/extract/extractor.h"

namespace fora::extract::gold {

struct GoldEntry {
  std::optional<std::string> id;      // null: the page prints none (matched in order)
  std::optional<std::string> author;  // null: not checked
  std::optional<std::string> date;    // "YYYY-MM-DDTHH:MM" UTC; null: not printed
  std::string first_words;
  std::optional<std::string> parent;  // null: not checked; "": top level
};

struct GoldPage {
  std::string page;    // "phpbb/x.html", relative to the fixtures folder
  std::string engine;
  std::vector<GoldEntry> entries;
};

struct Score {
  std::string reader;
  int expected = 0, found = 0, stray = 0;
  int authors = 0, authors_ok = 0;
  int dates = 0, dates_ok = 0;
  int parents = 0, parents_ok = 0;
  int words_ok = 0;
  double ms = 0;
  std::vector<std::string> problems;  // one line per mismatch, for test messages
};

// Names a page in test output.
inline void PrintTo(const GoldPage& p, std::ostream* os) { *os << p.page; }

// Every gold file under `dir`, sorted by page.
std::vector<GoldPage> load_all(const std::filesystem::path& dir);

// Extracts `fixtures/<page>` with `extractor` and compares.
Score score(const Extractor& extractor, const std::filesystem::path& fixtures, const GoldPage& gold);

}  // namespace fora::extract::gold
