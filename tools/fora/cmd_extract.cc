// fora extract FILE|URL: what fora reads from one page, for people who debug a site. Nothing
// is archived.
#include <fmt/format.h>

#include <fstream>

#include "commands.h"
#include "output.h"
#include "people_text.h"
#include "fora/archive/http_response.h"
#include "fora/crawler/fetcher.h"
#include "fora/extract/page_limits.h"

namespace fora::cli {

struct ExtractCommand {
  std::string target;     // a file or an http(s) URL
  std::string url;        // --url: the page's address (links, ids); default: the target
  std::string captured;   // --captured: capture time for relative dates
  std::string profile;    // --profile: apply this profile file, whatever it matches
  OutputOptions output;   // --json, --csv, --fields, --no-pager
  bool links = false;     // --links: print the links that lead on instead of the thread
  std::string user_agent = "fora/" FORA_VERSION_STRING;
};

namespace {

bool is_url(const std::string& s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0; }

Error too_large(const std::string& path) {
  return make_error(Errc::InvalidArgument,
                    fmt::format("{} is larger than {} MiB, the most fora reads of one page", path,
                                extract::kMaxPageBytes >> 20),
                    "the crawl cuts a response off at the same size");
}

// The bytes of a page file, refused before they are read when over the page cap. A pipe
// or a device has no size to look at: it is read up to one byte past the cap.
Result<std::string> read_page_file(const std::string& path) {
  std::error_code ec;
  if (const auto size = std::filesystem::file_size(path, ec); !ec && size > extract::kMaxPageBytes)
    return too_large(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Errc::NotFound, "cannot read " + path, "give a file or an http(s) URL");
  std::string bytes;
  char chunk[1 << 16];
  while (bytes.size() <= extract::kMaxPageBytes && in.read(chunk, sizeof chunk).gcount() > 0)
    bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
  if (bytes.size() > extract::kMaxPageBytes) return too_large(path);
  if (in.bad()) return make_error(Errc::Io, "cannot read " + path);
  return bytes;
}

Result<archive::Response> load(const ExtractCommand& cmd) {
  if (is_url(cmd.target)) {
    crawler::FetcherOptions options;
    options.user_agent = cmd.user_agent;
    auto r = crawler::fetch_once(cmd.target, options);
    if (!r) return r.error();
    if (r->status >= 300 && r->status < 400)
      return make_error(Errc::Network, fmt::format("{} answered HTTP {}", cmd.target, r->status),
                        "extract the address it redirects to: " +
                            archive::header_value(r->headers, "Location"));
    if (r->status != 200)
      return make_error(Errc::Network, fmt::format("{} answered HTTP {}", cmd.target, r->status));
    return r;
  }
  auto body = read_page_file(cmd.target);
  if (!body) return body.error();
  archive::Response r;
  r.url = cmd.url.empty() ? "file://" + std::filesystem::absolute(cmd.target).string() : cmd.url;
  r.body = std::move(*body);
  return r;
}

void print_entry(const Terminal& out, const extract::Entry& e, std::string_view type) {
  const std::string date = e.published ? date_for_people(*e.published, extract::precision_name(e.precision))
                                       : "date unknown";
  out.write(fmt::format("{} {} {}\n", out.bold(fmt::format("[{}]", clean(e.native_id))),
                        out.bold(clean(e.author.empty() ? "(no author)" : e.author)),
                        out.dim(fmt::format("{}, {}", type, date))));
  if (!e.parent_id.empty()) out.write(out.dim("  in reply to [" + clean(e.parent_id) + "]") + "\n");
  if (e.edited) out.write(out.dim("  edited " + archive::format_utc(*e.edited)) + "\n");
  for (const auto& q : e.quotes)
    out.write(out.dim(fmt::format("  > {}{}", q.author.empty() ? "" : clean(q.author) + ": ",
                                  clean(q.text).substr(0, 160))) + "\n");
  std::string text = clean(e.text);
  if (text.size() > 300) text = text.substr(0, 300) + "...";
  out.write("  " + text + "\n\n");
}

void print_links(const Terminal& out, const extract::Page& page) {
  out.write(fmt::format("links that lead on ({}; {} dropped as the engine's traps or noise):\n",
                        page.links.size(), page.links_dropped));
  for (const auto& link : page.links) out.write("  " + clean(link.str()) + "\n");
}

void print_text(const Terminal& out, const extract::Page& page) {
  if (page.reader.empty()) {
    out.write(fmt::format("reader: none (no reader claims this page); {} links\n", page.links.size()));
    return;
  }
  out.write(fmt::format("reader: {}\n  why: {}\n", page.reader, clean(page.why)));
  if (!page.thread) {
    out.write(fmt::format("no thread on this page; {} links\n", page.links.size()));
    return;
  }
  const extract::ThreadPage& t = *page.thread;
  out.write(fmt::format("thread: {} [{}]\n  {}\n", out.bold(clean(t.title)), clean(t.thread_id),
                        clean(t.thread_url)));
  out.write(fmt::format("{} post{}, {} comments, {} links\n\n", t.post ? 1 : 0, t.post ? "" : "s",
                        t.comments.size(), page.links.size()));
  if (t.post) print_entry(out, *t.post, "post");
  for (const auto& c : t.comments) print_entry(out, c, "comment");
}

// Each post and comment the page shows, as a record.
void print_records(Printer& printer, const extract::Page& page) {
  if (!page.thread) return;
  const extract::ThreadPage& t = *page.thread;
  auto line = [&](const extract::Entry& e, std::string_view type) {
    Record r = entry_record(e, type, t);
    r["reader"] = page.reader;
    printer.record(extracted_kind(), r);
  };
  if (t.post) line(*t.post, "post");
  for (const auto& c : t.comments) line(c, "comment");
}

}  // namespace

Status run_extract(const Context& ctx, const ExtractCommand& cmd) {
  std::optional<std::int64_t> captured;
  if (!cmd.captured.empty()) {
    captured = extract::parse_timestamp(cmd.captured);
    if (!captured)
      return make_error(Errc::InvalidArgument, "--captured: not a date: " + cmd.captured,
                        "give an ISO 8601 time, e.g. 2024-11-25T15:14:00Z");
  }
  if (cmd.links && cmd.output.format != Format::Text)
    return make_error(Errc::InvalidArgument, "--links prints text", "leave out --json and --csv");
  auto printer = Printer::make(ctx, cmd.output, {&extracted_kind()});
  if (!printer) return printer.error();
  auto extractor = cmd.profile.empty() ? ctx.open_extractor()
                                       : extract::Extractor::open_forced(cmd.profile);
  if (!extractor) return extractor.error();
  auto response = load(cmd);
  if (!response) return response.error();
  if (!cmd.url.empty()) response->url = cmd.url;
  if (!captured && response->fetched_at > 0) {
    // A fetched page: the server's Date header, else the time it was fetched.
    captured = extract::parse_timestamp(archive::header_value(response->headers, "Date"))
                   .value_or(response->fetched_at);
  }
  auto page = extractor->extract(response->body, response->url, response->content_type, captured);
  if (!page) return page.error();
  // On stderr, so that --json and --links stay machine-readable.
  for (const std::string& warning : page->warnings) ctx.err.write("warning: " + clean(warning) + "\n");
  if (printer->for_scripts()) print_records(*printer, *page);
  else if (cmd.links) print_links(printer->terminal(), *page);
  else print_text(printer->terminal(), *page);
  return ok();
}

Status run_profiles(const Context& ctx) {
  auto extractor = ctx.open_extractor();
  if (!extractor) return extractor.error();
  for (const auto& p : extractor->profiles()) {
    ctx.out.write(fmt::format("{}  {}\n", ctx.out.bold(p.name), p.file));
    for (const auto& rule : p.match) ctx.out.write("    match " + clean(rule) + "\n");
  }
  ctx.out.write("then: schema.org (JSON-LD and microdata) for pages no profile claims\n");
  return ok();
}

namespace {

Command::Run add_extract_options(CLI::App& x) {
  auto extract = std::make_shared<ExtractCommand>();
  x.add_option("target", extract->target, "An HTML file or an http(s) URL")->required();
  x.add_option("--url", extract->url, "The page's address, for its links and ids (default: the target)");
  x.add_option("--captured", extract->captured, "When the page was captured (ISO 8601), for relative dates");
  x.add_option("--profile", extract->profile, "Apply this profile file (*.toml), whatever its [match] says");
  add_output_options(x, extract->output, "one per post or comment, the fields of show's");
  x.add_flag("--links", extract->links, "Print the links a crawl would follow from this page");
  return [extract](const Context& ctx) { return run_extract(ctx, *extract); };
}

Command::Run add_profiles_options(CLI::App&) { return run_profiles; }

}  // namespace

const Command extract_command{"extract", "Show what fora reads from one page (a file or a URL); archives nothing", add_extract_options};
const Command profiles_command{"profiles", "List the extraction profiles, where each was loaded from, and its match rules", add_profiles_options};

}  // namespace fora::cli
