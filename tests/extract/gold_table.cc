// fora-gold-table FIXTURES_DIR GOLD_DIR PROFILES_DIR: the extraction table of issue 6, one row
// per engine (pages, entries found/expected, authors, dates, parents, ms per page), then one
// row per page. tools/bench/extract runs it.
#include <fmt/format.h>

#include <cstdio>
#include <map>

#include "gold_score.h"

using namespace fora::extract;

namespace {

std::string ratio(int ok, int all) { return all == 0 ? "-" : fmt::format("{}/{}", ok, all); }

struct Sum {
  int pages = 0;
  gold::Score total;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: fora-gold-table FIXTURES_DIR GOLD_DIR PROFILES_DIR\n");
    return 2;
  }
  auto extractor = Extractor::open(std::filesystem::path(argv[3]));
  if (!extractor) {
    std::fprintf(stderr, "%s\n", extractor.error().message.c_str());
    return 1;
  }
  std::map<std::string, Sum> engines;
  std::vector<std::pair<std::string, gold::Score>> rows;
  for (const gold::GoldPage& page : gold::load_all(argv[2])) {
    if (!std::filesystem::exists(std::filesystem::path(argv[1]) / page.page)) continue;
    gold::Score s = gold::score(*extractor, argv[1], page);
    Sum& e = engines[page.engine];
    ++e.pages;
    e.total.expected += s.expected;
    e.total.found += s.found;
    e.total.stray += s.stray;
    e.total.authors += s.authors;
    e.total.authors_ok += s.authors_ok;
    e.total.dates += s.dates;
    e.total.dates_ok += s.dates_ok;
    e.total.parents += s.parents;
    e.total.parents_ok += s.parents_ok;
    e.total.ms += s.ms;
    rows.emplace_back(page.page, std::move(s));
  }
  constexpr const char* header = "| {:<18} | {:>5} | {:>9} | {:>9} | {:>9} | {:>9} | {:>5} | {:>7} |\n";
  std::fputs(fmt::format(fmt::runtime(header), "engine", "pages", "found", "authors", "dates", "parents", "stray", "ms/page").c_str(), stdout);
  std::fputs("|--------------------|-------|-----------|-----------|-----------|-----------|-------|---------|\n", stdout);
  for (const auto& [engine, e] : engines)
    std::fputs(fmt::format(fmt::runtime(header), engine, e.pages, ratio(e.total.found, e.total.expected),
                           ratio(e.total.authors_ok, e.total.authors), ratio(e.total.dates_ok, e.total.dates),
                           ratio(e.total.parents_ok, e.total.parents), e.total.stray,
                           fmt::format("{:.1f}", e.total.ms / e.pages)).c_str(), stdout);
  std::fputs("\nper page:\n", stdout);
  for (const auto& [page, s] : rows)
    std::fputs(fmt::format("  {:<58} {:<22} found {:>7} authors {:>7} dates {:>7} parents {:>7} stray {}\n", page,
                           s.reader.empty() ? "(no reader)" : s.reader, ratio(s.found, s.expected),
                           ratio(s.authors_ok, s.authors), ratio(s.dates_ok, s.dates),
                           ratio(s.parents_ok, s.parents), s.stray).c_str(), stdout);
  return 0;
}
