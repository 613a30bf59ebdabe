#include "bench_queries.h"

#include <cstdio>
#include <cstdlib>

namespace fora::bench {

// Bare words and phrases search the writer's own words and the topic, as fora's do (a
// thread's title, categories and tags go with each of its entries, weighted lower; quoted
// words are found with quote:, in the entry that quotes them, and bare words leave them to
// the entry that said them first).
#define TEXT "{body topic}: "

const std::vector<BenchQuery>& bench_queries() {
  static const std::vector<BenchQuery> table = {
      {"word, topic word", "soyuz", TEXT "soyuz", "", ""},
      {"word, rare topic word", "buran", TEXT "buran", "", ""},
      {"word, topic word", "micrometeorite", TEXT "micrometeorite", "", ""},
      {"word, common", "pressure", TEXT "pressure", "", ""},
      {"word, stemmed", "launching", TEXT "launching", "", ""},
      {"word, most common", "the", TEXT "the", "", ""},
      {"word, mid frequency", "$mid", TEXT "$mid", "", ""},
      {"word, rare", "$rare", TEXT "$rare", "", ""},
      {"word, rare", "$rare2", TEXT "$rare2", "", ""},
      {"words", "soyuz leak", TEXT "(soyuz leak)", "", ""},
      {"words", "starship engine", TEXT "(starship engine)", "", ""},
      {"words", "voyager antenna signal", TEXT "(voyager antenna signal)", "", ""},
      {"phrase", "\"heat shield\"", TEXT "\"heat shield\"", "", ""},
      {"phrase", "\"solar panel\"", TEXT "\"solar panel\"", "", ""},
      {"phrase", "\"micrometeorite hit\"", TEXT "\"micrometeorite hit\"", "", ""},
      {"phrase and word", "\"ground control\" soyuz", TEXT "(\"ground control\" soyuz)", "", ""},
      {"author:", "author:Edward", "author: edward", "m.author = 'Edward'", ""},
      {"author:, two words", "author:\"David Eastman\"", "author: \"david eastman\"", "m.author = 'David Eastman'", ""},
      {"author:, accents folded", "author:\"zoe ferrandiz\"", "author: \"zoe ferrandiz\"", "m.author = 'Zoë Ferrandiz'", ""},
      {"author: and word", "author:Edward soyuz", TEXT "soyuz AND author: edward", "m.author = 'Edward'", ""},
      {"type:", "type:post", "", "m.kind = 0", ""},
      {"type: and word", "type:post voyager", TEXT "voyager", "m.kind = 0", ""},
      {"type: and word", "type:comment starship", TEXT "starship", "m.kind = 1", ""},
      {"date: year", "date:2022", "", "m.date >= {2022-01-01} AND m.date < {2023-01-01}", ""},
      {"date: month", "date:2022-12", "", "m.date >= {2022-12-01} AND m.date < {2023-01-01}", ""},
      {"date: range", "date:2015-03-01..2015-06-30", "", "m.date >= {2015-03-01} AND m.date < {2015-07-01}", ""},
      {"date: open range", "date:..2008", "", "m.date < {2009-01-01}", ""},
      {"date: open range and word", "soyuz date:2024..", TEXT "soyuz", "m.date >= {2024-01-01}", ""},
      {"date: range and word", "starship date:2010..2012", TEXT "starship", "m.date >= {2010-01-01} AND m.date < {2013-01-01}", ""},
      {"topic:", "topic:soyuz", "topic: soyuz", "", ""},
      {"topic: and word", "topic:voyager engine", "topic: voyager AND " TEXT "engine", "", ""},
      {"own:", "own:pressure", "body: pressure", "", ""},
      {"quote:", "quote:pressure", "quotes: pressure", "", ""},
      {"own: and quote:", "own:soyuz quote:starship", "body: soyuz AND quotes: starship", "", ""},
      {"replyto:", "replyto:Edward", "replyto: edward", "", ""},
      {"replyto: and word", "replyto:\"David Eastman\" leak", "replyto: \"david eastman\" AND " TEXT "leak", "", ""},
      {"OR", "soyuz OR voyager", TEXT "(soyuz OR voyager)", "", ""},
      {"AND", "soyuz AND starship", TEXT "(soyuz AND starship)", "", ""},
      {"NOT", "soyuz NOT leak", TEXT "(soyuz NOT leak)", "", ""},
      {"( ) OR AND", "(soyuz OR progress) AND docking", TEXT "((soyuz OR progress) AND docking)", "", ""},
      {"wildcard", "launch*", TEXT "launch*", "", ""},
      {"natural form", "every Edward comment on Soyuz", TEXT "soyuz AND author: edward", "m.kind = 1 AND m.author = 'Edward'", ""},
      {"natural form", "every Chris post on Voyager", TEXT "voyager AND author: chris", "m.kind = 0 AND m.author = 'Chris'", ""},
      {"author: and date:", "author:Edward date:2020", "author: edward", "m.author = 'Edward' AND m.date >= {2020-01-01} AND m.date < {2021-01-01}", ""},
      {"type:, word, date:", "type:comment leak date:2018", TEXT "leak", "m.kind = 1 AND m.date >= {2018-01-01} AND m.date < {2019-01-01}", ""},
      // Counts by author and by month: fora has none yet (issue 23 adds --facet).
      {"count by author", "soyuz", TEXT "soyuz", "", "author"},
      {"count by month", "starship", TEXT "starship", "", "month"},
      {"count by author", "date:2022", "", "m.date >= {2022-01-01} AND m.date < {2023-01-01}", "author"},
      {"count by month", "author:Edward", "author: edward", "m.author = 'Edward'", "month"},
  };
  return table;
}

#undef TEXT

namespace {

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

// {YYYY-MM-DD} -> Unix seconds of that midnight UTC.
std::string with_dates(std::string s) {
  for (std::size_t at = s.find('{'); at != std::string::npos; at = s.find('{', at)) {
    const std::size_t end = s.find('}', at);
    const std::string day = s.substr(at + 1, end - at - 1);
    const long long seconds = days_from_civil(std::atoll(day.c_str()), static_cast<unsigned>(std::atoi(day.c_str() + 5)),
                                              static_cast<unsigned>(std::atoi(day.c_str() + 8))) * 86400;
    s.replace(at, end - at + 1, std::to_string(seconds));
  }
  return s;
}

std::string quoted_sql(const std::string& s) { return "'" + replaced(s, "'", "''") + "'"; }

}  // namespace

std::vector<ResolvedQuery> resolved_queries(const ForumModel& model) {
  const auto& words = model.vocabulary();
  auto words_in = [&](std::string s) {
    s = replaced(s, "$mid", words[2000]);
    s = replaced(s, "$rare2", words[49000]);
    return replaced(s, "$rare", words[40000]);
  };
  std::vector<ResolvedQuery> out;
  for (const auto& q : bench_queries())
    out.push_back({q.form, words_in(q.fora), words_in(q.match), with_dates(q.where), q.group});
  return out;
}

namespace {

// FROM and WHERE of a query, its MATCH as `match_sql` (a parameter or a literal). The side
// table is joined only where the question reads it: a join costs a lookup per match.
std::string from_where(const ResolvedQuery& q, const std::string& match_sql) {
  if (q.match.empty()) return " FROM m WHERE " + q.where;
  if (q.where.empty() && q.group.empty()) return " FROM e WHERE e MATCH " + match_sql;
  return " FROM e JOIN m ON m.id = e.rowid WHERE e MATCH " + match_sql + (q.where.empty() ? "" : " AND " + q.where);
}

std::string top(const ResolvedQuery& q, const std::string& match_sql, bool with_snippet) {
  if (q.group == "author")
    return "SELECT m.author, count(*)" + from_where(q, match_sql) + " GROUP BY 1 ORDER BY 2 DESC LIMIT 20";
  if (q.group == "month")
    return "SELECT strftime('%Y-%m', m.date, 'unixepoch'), count(*)" + from_where(q, match_sql) + " GROUP BY 1 ORDER BY 1";
  if (q.match.empty()) return "SELECT m.id" + from_where(q, match_sql) + " LIMIT 20";
  return std::string("SELECT e.rowid") + (with_snippet ? ", snippet(e, 0, '[', ']', '…', 12)" : "") +
         from_where(q, match_sql) + " ORDER BY bm25(e) LIMIT 20";
}

}  // namespace

std::string ResolvedQuery::top_sql(bool with_snippet) const { return top(*this, "?1", with_snippet); }
std::string ResolvedQuery::count_sql() const { return "SELECT count(*)" + from_where(*this, "?1"); }
std::string ResolvedQuery::shell_sql(bool with_snippet) const {
  const std::string literal = quoted_sql(match);
  return top(*this, literal, with_snippet) + "; SELECT count(*)" + from_where(*this, literal) + ";";
}

}  // namespace fora::bench
