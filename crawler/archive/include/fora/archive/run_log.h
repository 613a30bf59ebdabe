// RunLog: what each command that wrote to the archive did (`fora log`), a part of Archive
// (archive.runs()). start_run() records a command as started, at once, so that one killed
// shows as never ended; the posts and comments the thread store stores until finish_run()
// are counted as new, edited or gone; finish_run() records how it ended.
// Catalog tables it owns: runs.
// Used from one thread at a time, like its Archive; start and finish need Write.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fora/result.h"

namespace fora::archive {

class Catalog;

// One run of a command that wrote to the archive.
struct RunRecord {
  std::int64_t id = 0;
  std::string command;                   // the command line, as typed after `fora`
  std::int64_t started_at = 0;
  std::optional<std::int64_t> ended_at;  // none: still running, or killed
  std::int64_t pages_fetched = 0, errors = 0;
  std::int64_t entries_new = 0, entries_edited = 0, entries_gone = 0;  // posts and comments
  int exit_code = 0;
  std::string outcome;  // "ok", or the error it ended with
};

// The posts and comments the run under way stored new, edited (a new version) and marked gone.
struct RunCounts {
  std::int64_t entries_new = 0, entries_edited = 0, entries_gone = 0;
};

class RunLog {
 public:
  Status start_run(std::string_view command, std::int64_t now);
  Status finish_run(std::int64_t pages_fetched, std::int64_t errors, int exit_code, std::string_view outcome,
                    std::int64_t now);
  // The latest `limit` runs, newest first.
  Result<std::vector<RunRecord>> latest(std::size_t limit) const;
  // What the run under way stored so far.
  const RunCounts& counts() const { return counts_; }

 private:
  friend class Archive;
  explicit RunLog(Catalog& catalog) : catalog_(catalog) {}
  Catalog& catalog_;
  std::int64_t run_id_ = 0;  // the run under way (0: none)
  RunCounts counts_;         // the thread store counts into it (Archive hands it over)
};

}  // namespace fora::archive
