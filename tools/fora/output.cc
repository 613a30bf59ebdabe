#include "output.h"

#include <unicode/utf8.h>

#include <algorithm>

#include <fmt/format.h>

#include "fora/extract/safe_text.h"

namespace fora::cli {

void add_output_options(CLI::App& sub, OutputOptions& options, std::string_view records) {
  auto* json = sub.add_flag_callback("--json", [&options] { options.format = Format::Json; },
                                     fmt::format("JSON lines: {} (docs/output.md names the fields)", records));
  auto* csv = sub.add_flag_callback("--csv", [&options] { options.format = Format::Csv; },
                                    fmt::format("CSV with a header row: {}", records));
  json->excludes(csv);
  sub.add_option("--fields", options.fields, "With --json or --csv: only these fields, in this order (comma-separated)")
      ->delimiter(',');
  sub.add_flag_callback("--no-pager", [&options] { options.pager = false; },
                        "Do not page long text through $PAGER on a terminal");
}

Result<Printer> Printer::make(const Context& ctx, const OutputOptions& options, std::vector<const RecordKind*> kinds) {
  if (!options.fields.empty()) {
    if (options.format == Format::Text)
      return make_error(Errc::InvalidArgument, "--fields picks the fields of --json or --csv",
                        "add --json or --csv");
    for (const std::string& field : options.fields) {
      const bool known = std::any_of(kinds.begin(), kinds.end(), [&](const RecordKind* k) {
        return std::find(k->fields.begin(), k->fields.end(), field) != k->fields.end();
      });
      if (known && field != "v") continue;
      std::string names;
      for (const RecordKind* k : kinds)
        for (std::string_view f : k->fields)
          if (f != "v" && names.find(fmt::format(" {},", f)) == std::string::npos) names += fmt::format(" {},", f);
      names.pop_back();
      return make_error(Errc::InvalidArgument, fmt::format("--fields: no field \"{}\"", field),
                        "the fields are" + names);
    }
  }
  if (options.format == Format::Text && options.pager) ctx.out.hold();
  return Printer(ctx, options);
}

void Printer::text(std::string_view people) const {
  if (!for_scripts()) ctx_->out.write(people);
}

void Printer::note(std::string_view people) const {
  const Terminal& where = for_scripts() ? ctx_->err : ctx_->out;
  where.write(people);
}

void Printer::record(const RecordKind& kind, const Record& r) {
  if (options_.format == Format::Json) {
    if (options_.fields.empty()) {
      ctx_->out.write(json_line(r));
      return;
    }
    Record picked = {{"v", r.value("v", kRecordVersion)}};
    for (const std::string& field : options_.fields)
      if (auto it = r.find(field); it != r.end()) picked[field] = *it;
    ctx_->out.write(json_line(picked));
    return;
  }
  if (options_.format != Format::Csv) return;
  std::string row;
  if (!csv_columns_) {
    csv_columns_.emplace();
    if (!options_.fields.empty()) {
      *csv_columns_ = options_.fields;
    } else {
      for (std::string_view f : kind.fields)
        if (f != "v") csv_columns_->emplace_back(f);
    }
    for (const std::string& column : *csv_columns_) row += (row.empty() ? "" : ",") + csv_field(column);
    row += "\r\n";
  }
  bool first = true;
  for (const std::string& column : *csv_columns_) {
    if (!first) row += ',';
    first = false;
    if (auto it = r.find(column); it != r.end()) row += csv_field(*it);
  }
  ctx_->out.write(row + "\r\n");
}

namespace {

// `utf8` with every code point a terminal must not get raw written as a JSON \u escape
// (a UTF-16 pair beyond the BMP, as JSON has it).
std::string escape_unsafe(const std::string& utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(utf8.size());
  std::int32_t i = 0;
  while (i < length) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && !extract::is_unsafe_codepoint(static_cast<char32_t>(c))) {
      out.append(utf8, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    } else if (c < 0) {
      out += "\\ufffd";  // nlohmann's replace handler leaves none; kept safe regardless
    } else {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(c));  // all unsafe code points are in the BMP
    }
  }
  return out;
}

}  // namespace

std::string json_line(const nlohmann::ordered_json& j) {
  // Controls below 0x20 come out of dump() escaped; DEL, C1 and the bidi controls do not.
  return escape_unsafe(j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) + "\n";
}

std::string json_line(const nlohmann::json& j) {
  return escape_unsafe(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) + "\n";
}

std::string csv_field(const nlohmann::ordered_json& value) {
  std::string text;
  if (value.is_null()) return text;
  if (value.is_string())
    text = clean(value.get_ref<const std::string&>(), /*keep_newlines=*/true);
  else if (value.is_structured())
    text = escape_unsafe(value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  else
    text = value.dump();
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace fora::cli
