// The subcommands of `fora`: one options struct and one run function each (cmd_<name>.cc).
// A subcommand never sees argv; main.cc fills its options with CLI11 and maps its Status to
// a message and an exit code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "context.h"
#include "fora/result.h"

namespace fora::cli {

struct CrawlCommand {
  std::vector<std::string> urls;
  std::string from;           // --from FILE: more start URLs, one a line
  double delay = 1.0;         // seconds between two requests to one host
  std::int64_t max_pages = 0; // 0 = no limit
  int max_depth = 0;          // 0 = no limit
  double robots_max_age = 86400;  // seconds a robots.txt is trusted
  long timeout = 30;          // seconds per request
  std::string user_agent = "fora/" FORA_VERSION_STRING;
  bool quiet = false;     // no progress line, no summary (errors still go to stderr)
  bool json = false;      // the summary as one JSON object
  std::string log;        // --log FILE: one line per request
  unsigned jobs = 0;              // worker threads; 0 = one per core
  std::size_t connections = 16;   // requests in flight in all
  std::size_t per_host = 4;       // requests in flight to one host
  int retries = 2;                // more tries after a timeout, reset, 5xx or 429
  std::size_t window = 1000;      // URLs of one host in memory; the rest wait in the catalog
  std::string scope = "host";     // host | domain | prefix
  std::vector<std::string> include, exclude;  // regexes over whole URLs
  std::int64_t segment_size = std::int64_t{1} << 30;  // snapshot segments roll over at this size
  std::int64_t dictionary_after = 256;  // pages of a site before its zstd dictionary is trained; 0: never
  std::string min_interval = "6h";  // `fora update` visits a page at most this often...
  std::string max_interval = "30d"; // ...and at least this often (revisit.h)
};
Status run_crawl(const Context& ctx, const CrawlCommand& cmd);

struct UpdateCommand {
  std::vector<std::string> sites;  // --site: only these (default: every site crawled)
  bool no_index = false;           // leave the index as it is
  bool quiet = false;              // print nothing but errors
  bool json = false;               // the summary as one JSON object
  std::optional<std::string> min_interval;  // a page is visited at most this often (default: the crawl's)
  std::optional<std::string> max_interval;  // ...and at least this often (default: the crawl's)
  std::optional<double> delay;     // seconds between two requests to one host (default: the crawl's)
  std::string log;                 // --log FILE: one line per request
  unsigned jobs = 0;               // worker threads; 0 = one per core
};
Status run_update(const Context& ctx, const UpdateCommand& cmd);

struct ImportCommand {
  std::vector<std::string> files;  // .warc, .warc.gz, .warc.zst
  bool quiet = false;
};
Status run_import(const Context& ctx, const ImportCommand& cmd);

struct ReextractCommand {
  std::string site;  // only this site
  bool quiet = false;
};
Status run_reextract(const Context& ctx, const ReextractCommand& cmd);

struct ExportCommand {
  std::string warc;   // --warc FILE.warc.gz
  std::string jsonl;  // --jsonl FILE
  std::string site;   // only this site ("example.com")
  std::string since;  // only what was fetched or seen since this time
  bool quiet = false;
};
Status run_export(const Context& ctx, const ExportCommand& cmd);

struct CompactCommand {
  int level = 19;                       // zstd level the records are compressed again at
  std::int64_t dictionary_after = 256;  // a site with this many records and no dictionary gets one
  bool quiet = false;
};
Status run_compact(const Context& ctx, const CompactCommand& cmd);

struct VerifyCommand {
  bool deep = false;  // recompute every digest too
  bool json = false;
  bool repair = false;  // mend what is damaged first (Archive::repair), then check deeply
};
Status run_verify(const Context& ctx, const VerifyCommand& cmd);

struct IndexCommand {
  bool rebuild = false;
};
Status run_index(const Context& ctx, const IndexCommand& cmd);

struct SearchCommand {
  std::vector<std::string> words;  // joined with spaces into the query
  std::size_t limit = 20;
  std::size_t offset = 0;
  std::string sort = "relevance";  // relevance | date | -date
  std::string format = "text";     // text | json | csv
  bool count = false;
  bool literal = false;            // no natural-language reading
};
Status run_search(const Context& ctx, const SearchCommand& cmd);

struct ShowCommand {
  std::int64_t id = 0;
  bool json = false;
  bool history = false;  // every version, with a word diff to the one before
};
Status run_show(const Context& ctx, const ShowCommand& cmd);

struct StatsCommand {
  bool json = false;
};
Status run_stats(const Context& ctx, const StatsCommand& cmd);

struct ExtractCommand {
  std::string target;     // a file or an http(s) URL
  std::string url;        // --url: the page's address (links, ids); default: the target
  std::string captured;   // --captured: capture time for relative dates
  std::string profile;    // --profile: apply this profile file, whatever it matches
  bool json = false;
  bool links = false;     // --links: print the links that lead on instead of the thread
  std::string user_agent = "fora/" FORA_VERSION_STRING;
};
Status run_extract(const Context& ctx, const ExtractCommand& cmd);

Status run_profiles(const Context& ctx);

struct LogCommand {
  std::size_t limit = 20;
  bool json = false;
};
Status run_log(const Context& ctx, const LogCommand& cmd);

}  // namespace fora::cli
