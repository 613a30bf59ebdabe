// RunLog: the runs table, what each command that wrote to the archive did (`fora log`).
#include "catalog.h"
#include "fora/archive/run_log.h"

namespace fora::archive {

Status RunLog::start_run(std::string_view command, std::int64_t now) {
  auto ins = catalog_.sql("INSERT INTO runs(command, started_at) VALUES(?, ?)");
  if (!ins) return ins.error();
  FORA_TRY((*ins)->bind(1, command).bind(2, now).run());
  run_id_ = sqlite3_last_insert_rowid(catalog_.db());
  counts_ = {};
  return ok();
}

Status RunLog::finish_run(std::int64_t pages_fetched, std::int64_t errors, int exit_code, std::string_view outcome,
                          std::int64_t now) {
  if (run_id_ == 0) return make_error(Errc::Internal, "finish_run without start_run");
  auto up = catalog_.sql(
      "UPDATE runs SET ended_at = ?2, pages_fetched = ?3, errors = ?4, entries_new = ?5, entries_edited = ?6,"
      " exit_code = ?7, outcome = ?8, entries_gone = ?9 WHERE id = ?1");
  if (!up) return up.error();
  FORA_TRY((*up)->bind(1, run_id_).bind(2, now).bind(3, pages_fetched).bind(4, errors).bind(5, counts_.entries_new)
               .bind(6, counts_.entries_edited).bind(7, static_cast<std::int64_t>(exit_code)).bind(8, outcome)
               .bind(9, counts_.entries_gone).run());
  run_id_ = 0;
  return ok();
}

Result<std::vector<RunRecord>> RunLog::latest(std::size_t limit) const {
  auto q = catalog_.sql(
      "SELECT id, command, started_at, ended_at, pages_fetched, errors, entries_new, entries_edited, entries_gone,"
      " exit_code, outcome FROM runs ORDER BY id DESC LIMIT ?");
  if (!q) return q.error();
  (*q)->bind(1, static_cast<std::int64_t>(limit));
  std::vector<RunRecord> out;
  FORA_TRY((*q)->each([&](const Statement& r) {
    out.push_back({r.int64(0), r.text(1), r.int64(2), r.opt_int64(3), r.int64(4), r.int64(5), r.int64(6), r.int64(7),
                   r.int64(8), static_cast<int>(r.int64(9)), r.text(10)});
  }));
  return out;
}

}  // namespace fora::archive
