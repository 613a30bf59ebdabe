// The one output model: every command that prints what the archive holds prints through a
// Printer, as text for people (paged through $PAGER on a terminal when longer than the
// screen), JSON lines or CSV for scripts. Records (records.h) are the same whatever the
// format; --fields picks and orders their fields in JSON and CSV.
//
// JSON: one object per line, "v" first, then the fields in their kind's order. CSV (RFC
// 4180): a header row, then one row per record; a field is quoted when it holds a comma, a
// quote or a line break; a list or an object is its JSON text; null is empty. Neither form
// lets crawled text put a control or bidi character on a terminal: JSON escapes them
// (\u001b, \u202e), CSV drops them (line breaks kept, inside quotes).
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "context.h"
#include "records.h"

namespace fora::cli {

enum class Format { Text, Json, Csv };

// --json, --csv, --fields, --no-pager.
struct OutputOptions {
  Format format = Format::Text;
  std::vector<std::string> fields;  // empty: every field of the record
  bool pager = true;
};

// Adds the four options to `sub`; `records` says what one JSON object or CSV row is ("one
// per result").
void add_output_options(CLI::App& sub, OutputOptions& options, std::string_view records);

class Printer {
 public:
  // A printer for records of `kinds` (a command may print more than one: search prints hits,
  // then facet counts). In text, starts paging when stdout is a terminal and --no-pager was
  // not given (Terminal::hold; main releases it). Errors: InvalidArgument when --fields is
  // given without --json or --csv, or names a field none of `kinds` holds.
  static Result<Printer> make(const Context& ctx, const OutputOptions& options,
                              std::vector<const RecordKind*> kinds);

  Format format() const { return options_.format; }
  bool for_scripts() const { return options_.format != Format::Text; }
  // Where text for people goes, for its bold and dim.
  const Terminal& terminal() const { return ctx_->out; }

  // Text for people (nothing in JSON or CSV).
  void text(std::string_view people) const;
  // Something said about the output rather than part of it (how a query was read): with the
  // text on stdout; on stderr when stdout is for a script.
  void note(std::string_view people) const;
  // One record of `kind` as a JSON line or a CSV row (nothing in text). The first CSV row is
  // preceded by the header: --fields, else every field of its kind but "v"; later records
  // fill the same columns.
  void record(const RecordKind& kind, const Record& r);

 private:
  Printer(const Context& ctx, OutputOptions options) : ctx_(&ctx), options_(std::move(options)) {}
  const Context* ctx_;
  OutputOptions options_;
  std::optional<std::vector<std::string>> csv_columns_;  // set by the first CSV row
};

// The JSON object as one line: invalid UTF-8 replaced, control and bidi characters escaped.
std::string json_line(const nlohmann::ordered_json& j);
// The same for a command's summary (crawl, update, verify --json), its keys sorted.
std::string json_line(const nlohmann::json& j);

// One CSV field as RFC 4180 writes it (see above).
std::string csv_field(const nlohmann::ordered_json& value);

}  // namespace fora::cli
