// fora export: the archive out, for other tools. --warc FILE.warc.gz: every capture's
// records as stored (request, response, revisit), each its own gzip member after a
// warcinfo record, as wget and warcio write them. --jsonl FILE: each thread, then its posts
// and comments with every version and its dates, one JSON object a line ("v": 1).
#include <fmt/format.h>

#include <fstream>

#include "commands.h"
#include "output.h"
#include "fora/archive/http_response.h"
#include "fora/archive/thread_export.h"
#include "fora/archive/warc.h"
#include "fora/archive/warc_file.h"
#include "fora/extract/extractor.h"

namespace fora::cli {

struct ExportCommand {
  std::string warc;   // --warc FILE.warc.gz
  std::string jsonl;  // --jsonl FILE
  std::string site;   // only this site ("example.com")
  std::string since;  // only what was fetched or seen since this time
  bool quiet = false;
};

namespace {

// A line on stderr for each capture or thread passed over because it is damaged.
std::function<void(const std::string&)> warn_skipped(const Context& ctx, std::int64_t& skipped) {
  return [&ctx, &skipped](const std::string& line) {
    ++skipped;
    ctx.err.write("fora: skipped, damaged: " + clean(line) + "\n");
  };
}

Result<std::int64_t> export_warc(const Context& ctx, const archive::Archive& a, const archive::ExportFilter& filter,
                                 const std::string& path, std::int64_t& skipped) {
  auto out = archive::WarcGzipWriter::create(path);
  if (!out) return out.error();
  archive::WarcRecord info = archive::warcinfo_record(std::filesystem::path(path).filename().string(), std::time(nullptr));
  info.block += "description: exported by fora export\r\n";
  FORA_TRY(out->write(archive::serialize(info)));
  std::int64_t captures = 0;
  const auto write = [&](std::string_view, std::int64_t, const std::vector<std::string>& records) -> Status {
    for (const std::string& r : records) FORA_TRY(out->write(r));
    ++captures;
    return ok();
  };
  FORA_TRY(a.captures().for_each_capture(filter, write, warn_skipped(ctx, skipped)));
  FORA_TRY(out->close());
  return captures;
}

Result<std::int64_t> export_jsonl(const Context& ctx, const archive::Archive& a, const archive::ExportFilter& filter,
                                  const std::string& path, std::int64_t& skipped) {
  const std::string tmp = path + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) return make_error(Errc::Io, "cannot write " + tmp);
  std::int64_t threads = 0;
  FORA_TRY(archive::for_each_thread(a.threads(), filter,
                                    [&](const std::vector<archive::StoredEntry>& entries,
                                        const std::vector<std::vector<archive::EntryVersion>>& versions) -> Status {
    if (entries.empty()) return ok();
    const archive::StoredEntry& first = entries.front();
    std::int64_t first_seen = first.first_seen, last_seen = first.last_seen;
    for (const auto& e : entries) {
      first_seen = std::min(first_seen, e.first_seen);
      last_seen = std::max(last_seen, e.last_seen);
    }
    const Record thread = {{"v", kRecordVersion},
                           {"type", "thread"},
                           {"thread_id", first.thread_id},
                           {"site", first.site},
                           {"thread_native_id", first.thread_native_id},
                           {"thread_title", first.thread_title},
                           {"thread_url", first.thread_url},
                           {"categories", first.categories},
                           {"tags", first.tags},
                           {"first_seen", archive::format_utc(first_seen)},
                           {"last_seen", archive::format_utc(last_seen)}};
    out << json_line(thread);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      // Each entry as every command prints it, with every version fora saw of it.
      Record entry = entry_record(entries[i]);
      entry["versions"] = nlohmann::ordered_json::array();
      for (const archive::EntryVersion& v : versions[i]) entry["versions"].push_back(version_record(v));
      out << json_line(entry);
    }
    ++threads;
    return out ? ok() : Status(make_error(Errc::Io, "writing " + tmp));
  }, warn_skipped(ctx, skipped)));
  out.close();
  std::error_code ec;
  if (!out || (std::filesystem::rename(tmp, path, ec), ec)) {
    std::filesystem::remove(tmp, ec);
    return make_error(Errc::Io, "cannot write " + path);
  }
  return threads;
}

}  // namespace

Status run_export(const Context& ctx, const ExportCommand& cmd) {
  if (cmd.warc.empty() && cmd.jsonl.empty())
    return make_error(Errc::InvalidArgument, "nothing to export to", "name a file: --warc FILE.warc.gz or --jsonl FILE");
  archive::ExportFilter filter;
  if (!cmd.site.empty()) {
    // "example.com", "http://example.com/" or "127.0.0.1:8080": the catalog's site key.
    auto key = site_option(cmd.site);
    if (!key) return key.error();
    filter.site = std::move(*key);
  }
  if (!cmd.since.empty()) {
    const auto since = extract::parse_timestamp(cmd.since);
    if (!since) return make_error(Errc::InvalidArgument, "--since: not a date: " + cmd.since, "e.g. --since 2024-01-31");
    filter.since = *since;
  }
  auto archive = ctx.open_archive(archive::Archive::Mode::Read);
  if (!archive) return archive.error();
  // Damaged captures and threads are passed over: each is named on stderr, counted in the
  // summary, and the export still exits 0 (context.h).
  const auto skips = [](std::int64_t n, const char* what) {
    return n == 0 ? std::string() : fmt::format(" ({} damaged {} skipped: run `fora verify --repair`)", n, what);
  };
  if (!cmd.warc.empty()) {
    std::int64_t skipped = 0;
    auto n = export_warc(ctx, **archive, filter, cmd.warc, skipped);
    if (!n) return n.error();
    if (!cmd.quiet) ctx.out.write(fmt::format("{}: {} captures{}\n", cmd.warc, *n, skips(skipped, "captures")));
  }
  if (!cmd.jsonl.empty()) {
    std::int64_t skipped = 0;
    auto n = export_jsonl(ctx, **archive, filter, cmd.jsonl, skipped);
    if (!n) return n.error();
    if (!cmd.quiet) ctx.out.write(fmt::format("{}: {} threads{}\n", cmd.jsonl, *n, skips(skipped, "threads")));
  }
  return ok();
}

namespace {

Command::Run add_export_options(CLI::App& ex) {
  auto exp = std::make_shared<ExportCommand>();
  ex.add_option("--warc", exp->warc, "Every capture's records (request, response, revisit) to FILE.warc.gz, a gzip member per record");
  ex.add_option("--jsonl", exp->jsonl, "Threads, posts and comments with every version and its dates to FILE, one JSON object a line");
  ex.add_option("--site", exp->site, "Only this site (e.g. example.com)");
  ex.add_option("--since", exp->since, "Only captures fetched, and entries seen, since this time (e.g. 2024-01-31)");
  add_quiet_flag(ex, exp->quiet);
  return [exp](const Context& ctx) { return run_export(ctx, *exp); };
}

}  // namespace

const Command export_command{"export", "Write the archive out: the captures as a .warc.gz, the threads as JSON lines", add_export_options};

}  // namespace fora::cli
