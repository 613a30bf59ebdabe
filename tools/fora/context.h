// What every subcommand gets from main: where the archive and the profiles are, and how to
// talk to the terminal.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "fora/archive/archive.h"
#include "fora/extract/extractor.h"
#include "fora/query/searcher.h"
#include "fora/result.h"
#include "terminal.h"

#include "fora/version.h"
#define FORA_VERSION_STRING FORA_VERSION

namespace fora::cli {

struct Context {
  std::filesystem::path archive_dir;    // resolved: --archive, $FORA_ARCHIVE, XDG default
  std::optional<std::filesystem::path> profiles_dir;  // --profiles, $FORA_PROFILES
  Terminal out;                          // stdout
  Terminal err;                          // stderr (progress lines, the query reading)
  std::string command_line;              // what followed `fora`, for the runs log

  Result<std::unique_ptr<archive::Archive>> open_archive(archive::Archive::Mode mode) const;
  // The archive opened for reading, with a Searcher over its index that reads its hits from
  // the archive's catalog. Errors: those of Archive::open and Searcher::open.
  // With `synonyms`, the questions asked expand them (open_synonyms).
  struct Search {
    std::unique_ptr<archive::Archive> archive;
    query::Searcher searcher;
    std::unique_ptr<query::Synonyms> synonyms;  // null: none
    // A question asked; a thread facet's counts labelled with their thread's title.
    Result<query::SearchResult> ask(query::SearchOptions options) const;
  };
  Result<Search> open_search(bool synonyms = true) const;
  // The synonyms a search expands: the shipped data/synonyms.txt (installed in
  // <prefix>/share/fora/), then the user's $XDG_CONFIG_HOME/fora/synonyms.txt when it exists.
  // Errors: a file that cannot be read or has a malformed line (named).
  Result<query::Synonyms> open_synonyms() const;
  // The profiles: --profiles, $FORA_PROFILES, <prefix>/share/fora/profiles, the source tree.
  Result<extract::Extractor> open_extractor() const;
};

// Where the archive lives: `explicit_dir` (--archive) if given, else $FORA_ARCHIVE, else
// $XDG_DATA_HOME/fora, else ~/.local/share/fora. Only the CLI reads the environment.
std::filesystem::path default_location(const std::optional<std::filesystem::path>& explicit_dir);

// Exit codes, fit for cron: 0 success, 1 failure, 2 bad usage or malformed query, 3 not
// found, 4 archive locked by another fora, 130 interrupted.
// Damage in the archive (a record or a catalog row that fails its checksum) costs only
// what it holds: crawl, update, export and compact pass over it, name each piece on stderr
// ("fora: ..."), count it in their summary, and exit 0, their work done; `fora verify`
// exits 1 while damage remains, and `fora verify --repair` mends it. Reading one damaged
// thing (`show` of a damaged entry, a search in a damaged index) is an error: exit 1, with
// what to run.
int exit_code(Errc code);

// A command's run in the archive's runs table (`fora log`): recorded as started when made,
// and as ended by finish(), which returns the status it is given (or the error recording
// it met).
class RunLog {
 public:
  static Result<RunLog> start(archive::Archive& archive, const Context& ctx);
  Status finish(Status status, std::int64_t pages_fetched = 0, std::int64_t errors = 0);

 private:
  explicit RunLog(archive::Archive& archive) : archive_(&archive) {}
  archive::Archive* archive_;
};

// The command a run's recorded line names ("crawl", "update", "index"…): the first word that
// is neither a global option (--archive, --profiles) nor its value, as main() writes the
// line (a word holding a space in single quotes). "" when there is none.
std::string command_name(std::string_view command_line);

// The archive's key of the site a user names with --site ("example.com",
// "https://example.com/", "127.0.0.1:8080"): host[:port]. Errors: InvalidArgument.
Result<std::string> site_option(const std::string& given);

}  // namespace fora::cli
