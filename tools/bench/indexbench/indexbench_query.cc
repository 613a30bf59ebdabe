// fora-indexbench-query: asks the index bench's questions (bench_queries.h) of fora and of
// the two FTS5 databases, in process and as whole commands, and prints a table of each
// question with both answers' counts and times, then summary lines ("@ name value") that
// tools/bench/index turns into its table.
//   in process: fora through one fora::query::Searcher, timed twice: the 20 best with their
//               fields and snippets read from the catalog, as `fora search` shows them
//               (its total an estimate where counting would cost more), and the exact count
//               alone, as `fora search --count`; FTS5 through one connection per database,
//               prepared statements, likewise: the 20 best by bm25 (with the content: their
//               snippets too), and the count.
//   whole commands: `fora --archive A search --limit 20 QUERY` (20 results and a total,
//               exact or "about") against `sqlite3 -readonly DB "<the 20 best>; <the count>;"`,
//               output to /dev/null.
// Each is run once to warm the caches, then --runs (in process) or --command-runs times.
// The counts by author or month (fora: --facet, limit 0; FTS5: GROUP BY and the count) have
// their own percentiles, apart from the searches'.
//
// Usage: fora-indexbench-query --archive DIR --fora BIN --contentless DB --content DB
//                              [--sqlite3 BIN] [--runs N] [--command-runs N]
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "bench_args.h"
#include "bench_queries.h"
#include "sqlite_db.h"
#include "fora/archive/archive.h"
#include "fora/query/searcher.h"

extern char** environ;

namespace {

using fora::bench::Db;
using fora::bench::ResolvedQuery;
using fora::bench::Stmt;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string archive, fora, contentless, content, sqlite3;
  int runs, command_runs;
};

double ms_of(const std::function<void()>& fn) {
  const auto start = Clock::now();
  fn();
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Nearest-rank percentile of `v` (sorted here), p in (0, 100].
double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto rank = static_cast<std::size_t>(std::max(1.0, p / 100 * static_cast<double>(v.size()) + 0.999999));
  return v[std::min(rank, v.size()) - 1];
}

// Runs `argv` with its output thrown away; throws when it cannot start or does not exit 0.
void run_command(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string line;
    for (const auto& a : argv) line += a + " ";
    throw std::runtime_error("failed: " + line);
  }
}

// One FTS5 database's prepared statements for one question.
struct FtsQuery {
  Stmt top, count;
  bool binds;                // it has a MATCH to bind
  std::size_t bytes_read = 0;  // the rows are read, as a program that prints them would
  FtsQuery(const Db& db, const ResolvedQuery& q, bool snippets)
      : top(db, q.top_sql(snippets)), count(db, q.count_sql()), binds(!q.match.empty()) {}
  void page(const std::string& match) {
    if (binds) top.bind(1, match);
    while (top.step())
      for (int c = 0; c < top.columns(); ++c) bytes_read += top.text(c).size();
    top.reset();
  }
  std::int64_t how_many(const std::string& match) {
    if (binds) count.bind(1, match);
    const std::int64_t n = count.step() ? count.int64(0) : 0;
    count.reset();
    return n;
  }
};

// Every run of the questions: the 20 best, the exact count, the counts by author or month
// (facets), whole commands.
struct Side {
  std::vector<double> page, count, facet, command;
};

Options parse(int argc, char** argv) {
  const fora::bench::BenchArgs args(
      argc, argv, 1, {"--archive", "--fora", "--contentless", "--content", "--sqlite3", "--runs", "--command-runs"}, {},
      "usage: fora-indexbench-query --archive DIR --fora BIN --contentless DB --content DB [--sqlite3 BIN] "
      "[--runs N] [--command-runs N]");
  Options o{args.text("--archive"), args.text("--fora"), args.text("--contentless"), args.text("--content"),
            args.text("--sqlite3", "sqlite3"), std::max(1, static_cast<int>(args.number("--runs", 10))),
            std::max(1, static_cast<int>(args.number("--command-runs", 5)))};
  if (o.archive.empty() || o.fora.empty() || o.contentless.empty() || o.content.empty()) args.fail("an option is missing");
  return o;
}

// `s` in `width` bytes: cut (on a character's first byte) and marked "~" when longer.
std::string cell(const std::string& s, std::size_t width) {
  std::size_t cut = width - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  std::string out = s.size() > width ? s.substr(0, cut) + "~" : s;
  return out + std::string(width - std::min(width, out.size()), ' ');
}

}  // namespace

int main(int argc, char** argv) try {
  const Options o = parse(argc, argv);
  const fora::bench::ForumModel model({.entries = 1, .threads = 1});  // the vocabulary alone
  const auto queries = fora::bench::resolved_queries(model);
  auto archive = fora::archive::Archive::open(o.archive, fora::archive::Archive::Mode::Read);
  if (!archive) throw std::runtime_error("opening the archive: " + archive.error().message);
  const fora::archive::ThreadStore& entries = (*archive)->threads();
  auto searcher = fora::query::Searcher::open(o.archive + "/index", [&entries](std::int64_t id) { return entries.entry(id); });
  if (!searcher) throw std::runtime_error("opening fora's index: " + searcher.error().message);
  const Db cl(o.contentless, SQLITE_OPEN_READONLY), ct(o.content, SQLITE_OPEN_READONLY);

  Side fora_side, cl_side, ct_side;
  // Times per question (medians, ms): fora's 20 best, fora's exact count, and each FTS5
  // database's 20 best and count together.
  std::printf("| %-3s | %-26s | %-34s | %-60s | %8s | %8s | %8s | %8s | %8s | %8s |\n", "#", "form", "fora",
              "FTS5 MATCH, and WHERE on m", "fora n", "FTS5 n", "fora 20", "fora n", "FTS5 cl", "FTS5 c");
  std::printf("|-----|----------------------------|------------------------------------|------------------"
              "--------------------------------------------|----------|----------|----------|----------|----------|----------|\n");
  int mismatches = 0;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const auto& q = queries[i];
    const bool facet = !q.group.empty();
    FtsQuery cl_q(cl, q, false), ct_q(ct, q, true);
    std::int64_t fora_n = -1, cl_n = 0, ct_n = 0;
    std::vector<double> fora_ms, fora_count_ms, cl_ms, ct_ms;
    for (int run = 0; run <= o.runs; ++run) {  // run 0 warms the caches and is not counted
      const bool counted = run > 0;
      const auto ask = [&](fora::query::SearchOptions asked) {
        asked.query = q.fora;
        auto r = searcher->search(asked);
        if (!r) throw std::runtime_error("fora: " + q.fora + ": " + r.error().message);
        return r->total;
      };
      if (!facet) {
        // As `fora search --limit 20 Q` asks (the total may be an estimate), then as
        // `fora search --count Q`.
        fora::query::SearchOptions page_of_20, count_all;
        page_of_20.exact_total = false;
        count_all.limit = 0;
        const double page = ms_of([&] { ask(page_of_20); });
        const double count = ms_of([&] { fora_n = ask(count_all); });
        if (counted) {
          fora_ms.push_back(page), fora_count_ms.push_back(count);
          fora_side.page.push_back(page), fora_side.count.push_back(count);
        }
      } else {
        // As `fora search --limit 0 --facet author --facet-limit 20 Q` (or month: all of them).
        fora::query::SearchOptions by;
        by.limit = 0;
        by.facets = {q.group == "author" ? fora::query::Facet::Author : fora::query::Facet::Month};
        by.facet_limit = 20;
        const double ms = ms_of([&] { fora_n = ask(by); });
        if (counted) fora_ms.push_back(ms), fora_side.facet.push_back(ms);
      }
      for (auto [fts, side, n, ms] : {std::tuple{&cl_q, &cl_side, &cl_n, &cl_ms}, std::tuple{&ct_q, &ct_side, &ct_n, &ct_ms}}) {
        const double page = ms_of([&] { fts->page(q.match); });
        const double count = ms_of([&] { *n = fts->how_many(q.match); });
        if (counted && !facet) side->page.push_back(page), side->count.push_back(count);
        if (counted && facet) side->facet.push_back(page + count);
        if (counted) ms->push_back(page + count);
      }
    }
    if (cl_n != ct_n) ++mismatches;
    std::string sql = q.match.empty() ? "" : q.match;
    if (!q.where.empty()) sql += (sql.empty() ? "" : " ; ") + q.where;
    if (facet) sql += " ; by " + q.group;
    auto ms_cell = [](const std::vector<double>& v) {
      char b[32];
      std::snprintf(b, sizeof b, "%8.2f", percentile(v, 50));
      return std::string(b);
    };
    std::printf("| %3zu | %s | %s | %s | %8s | %8lld | %8s | %8s | %s | %s |\n", i + 1, cell(q.form, 26).c_str(),
                cell(facet ? q.fora + " (count by)" : q.fora, 34).c_str(), cell(sql, 60).c_str(),
                std::to_string(fora_n).c_str(), static_cast<long long>(cl_n),
                ms_cell(fora_ms).c_str(), facet ? "n/a" : ms_cell(fora_count_ms).c_str(),
                ms_cell(cl_ms).c_str(), ms_cell(ct_ms).c_str());
    std::fflush(stdout);
  }
  if (mismatches) std::printf("\nFTS5 contentless and with content disagree on %d questions\n", mismatches);

  // Whole commands, round robin over the questions so that no one of them runs on a cache
  // the others left cold.
  for (int run = 0; run <= o.command_runs; ++run) {
    for (const auto& q : queries) {
      if (!q.group.empty()) continue;
      const double f = ms_of([&] { run_command({o.fora, "--archive", o.archive, "search", "--limit", "20", q.fora}); });
      const double a = ms_of([&] { run_command({o.sqlite3, "-readonly", o.contentless, q.shell_sql(false)}); });
      const double b = ms_of([&] { run_command({o.sqlite3, "-readonly", o.content, q.shell_sql(true)}); });
      if (run > 0) fora_side.command.push_back(f), cl_side.command.push_back(a), ct_side.command.push_back(b);
    }
  }
  const std::pair<const char*, const Side*> sides[] = {{"fora", &fora_side}, {"fts_contentless", &cl_side}, {"fts_content", &ct_side}};
  for (const auto& [name, side] : sides) {
    std::printf("@ %s page_p50 %.3f\n@ %s page_p99 %.3f\n", name, percentile(side->page, 50), name,
                percentile(side->page, 99));
    std::printf("@ %s count_p50 %.3f\n@ %s count_p99 %.3f\n", name, percentile(side->count, 50), name,
                percentile(side->count, 99));
    std::printf("@ %s facet_p50 %.3f\n@ %s facet_p99 %.3f\n", name, percentile(side->facet, 50), name,
                percentile(side->facet, 99));
    std::printf("@ %s command_median %.3f\n@ %s command_p90 %.3f\n", name, percentile(side->command, 50), name,
                percentile(side->command, 90));
  }
  std::printf("@ questions %zu\n", queries.size());
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "fora-indexbench-query: %s\n", e.what());
  return 1;
}
