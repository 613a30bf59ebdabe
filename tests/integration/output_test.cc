// The one output model (docs/output.md) through the real binary on the sample archive: the
// same entry prints the same fields in every command, the fields are those docs/output.md
// lists, CSV reads back with Python's csv module, --fields picks and orders, crawled text
// never puts a control or bidi character on the terminal in any command or format, and
// long text goes through $PAGER on a terminal.
#include <gtest/gtest.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <map>

#include <fmt/format.h>

#include "fora_run.h"
#include "catalog_sql.h"
#include "sample_archive.h"
#include "support/output_docs.h"

extern char** environ;

namespace fora::test {
namespace {

class OutputModel : public SampleArchive {};

std::map<std::string, std::vector<std::string>> documented_fields() {
  return test::documented_fields(fs::path(FORA_SOURCE_DIR) / "docs" / "output.md");
}

std::vector<std::string> keys(const json& j) {
  std::vector<std::string> out;
  for (const auto& [k, v] : j.items()) out.push_back(k);
  return out;
}

// The keys of `j` in the order printed: nlohmann::json sorts them, so read the line itself.
std::vector<std::string> printed_keys(const std::string& line) {
  std::vector<std::string> out;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(line);
  for (const auto& [k, v] : j.items()) out.push_back(k);
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

// The fields `names` of `j` (an entry's part of a hit or a shown entry).
json first_fields(const json& j, const std::vector<std::string>& names) {
  json out = json::object();
  for (const auto& name : names) out[name] = j.at(name);
  return out;
}

TEST_F(OutputModel, TheSameEntryHasTheSameFieldsInEveryCommandAsDocumented) {
  const auto docs = documented_fields();
  const std::vector<std::string>& entry = docs.at("entry");
  ASSERT_EQ(entry.front(), "v");
  ASSERT_GT(entry.size(), 20u);

  auto hits = fora(archive_->path(), {"search", "--json", "--literal", "-n", "1000", "type:post OR type:comment"});
  ASSERT_EQ(hits.exit_code, 0) << hits.err;
  const auto hit_lines = lines_of(hits.out);
  ASSERT_EQ(hit_lines.size(), truth()["posts"].size() + truth()["comments"].size());

  ASSERT_EQ(fora(archive_->path(), {"export", "--jsonl", (archive_->path() / "all.jsonl").string(), "--quiet"}).exit_code, 0);
  std::map<std::int64_t, json> exported;
  for (const auto& line : lines_of(slurp(archive_->path() / "all.jsonl"))) {
    const json j = json::parse(line);
    if (j["type"] != "thread") exported[j["id"].get<std::int64_t>()] = j;
  }

  // What the data says of each entry, by its key: author, date, thread title, parent's author.
  std::map<std::string, json> want;
  std::map<std::int64_t, std::string> comment_author;
  for (const auto& c : truth()["comments"]) comment_author[c["id"]] = c["author"];
  for (const auto& p : truth()["posts"])
    want[post_key(p)] = {{"author", p["author"]}, {"date", p["date_utc"]}, {"thread_title", p["title"]}, {"parent_author", ""}};
  for (const auto& c : truth()["comments"])
    want["c" + std::to_string(c["id"].get<int>())] = {
        {"author", c["author"]},
        {"date", c["date_utc"]},
        {"thread_title", post(c["post_id"])["title"]},
        {"parent_author", c["parent"] == 0 ? std::string() : comment_author[c["parent"]]}};

  std::vector<std::string> hit_fields = docs.at("hit");
  std::vector<std::string> shown_fields = entry;
  shown_fields.insert(shown_fields.end(), {"parents", "replies"});
  for (const auto& line : hit_lines) {
    EXPECT_EQ(printed_keys(line), hit_fields);
    const json hit = json::parse(line);
    const std::string key = key_of_url(hit["url"]);
    ASSERT_TRUE(want.count(key)) << key;
    for (const auto& [field, value] : want[key].items()) EXPECT_EQ(hit[field], value) << key << " " << field;

    const auto id = hit["id"].get<std::int64_t>();
    auto shown = fora(archive_->path(), {"show", "--json", std::to_string(id)});
    ASSERT_EQ(shown.exit_code, 0) << shown.err;
    EXPECT_EQ(printed_keys(lines_of(shown.out).at(0)), shown_fields);
    EXPECT_EQ(first_fields(json::parse(shown.out), entry), first_fields(hit, entry)) << "show and search differ on " << id;
    ASSERT_TRUE(exported.count(id)) << id;
    std::vector<std::string> exported_keys = entry;
    exported_keys.push_back("versions");
    EXPECT_EQ(keys(exported[id]).size(), exported_keys.size());
    EXPECT_EQ(first_fields(exported[id], entry), first_fields(hit, entry)) << "export and search differ on " << id;
  }

  // extract reads the same page without the archive: what a page shows is the same, what only
  // the archive knows is null.
  std::map<std::string, json> by_url;
  for (const auto& line : hit_lines) {
    const json hit = json::parse(line);
    by_url[hit["url"]] = hit;
  }
  const std::string page_url = server_->base_url() + truth()["posts"][0]["url"].get<std::string>();
  auto extracted = fora(archive_->path(), {"extract", "--json", page_url});
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  std::vector<std::string> extracted_fields = docs.at("extracted");
  std::size_t compared = 0;
  for (const auto& line : lines_of(extracted.out)) {
    EXPECT_EQ(printed_keys(line), extracted_fields);
    const json x = json::parse(line);
    ASSERT_TRUE(by_url.count(x["url"])) << x["url"];
    const json& stored = by_url[x["url"]];
    for (const std::string& field : entry) {
      if (field == "id" || field == "thread_id" || field == "first_seen" || field == "last_seen")
        EXPECT_TRUE(x[field].is_null()) << field;
      else if (field == "parent_author" && x[field] == "")
        continue;  // its parent is on another page
      else
        EXPECT_EQ(x[field], stored[field]) << x["url"] << " " << field;
    }
    ++compared;
  }
  EXPECT_GT(compared, 1u);
}

// Every command's records carry the fields its kind documents, in that order.
TEST_F(OutputModel, EveryCommandPrintsTheFieldsDocsOutputMdLists) {
  const auto docs = documented_fields();
  const auto first_line = [&](std::vector<std::string> args) {
    auto r = fora(archive_->path(), args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto lines = lines_of(r.out);
    return lines.empty() ? std::vector<std::string>{} : printed_keys(lines.at(0));
  };
  EXPECT_EQ(first_line({"threads", "--json", "soyuz"}), docs.at("thread"));
  EXPECT_EQ(first_line({"authors", "--json", "soyuz"}), docs.at("author"));
  EXPECT_EQ(first_line({"stats", "--json"}), docs.at("stats"));
  EXPECT_EQ(first_line({"log", "--json"}), docs.at("run"));
  EXPECT_EQ(first_line({"search", "--json", "-n", "0", "--facet", "thread", "soyuz"}), docs.at("facet"));
}

// Python's csv module reads the CSV back to the same values the JSON holds: quoting, doubled
// quotes and line breaks inside a field as RFC 4180 has them.
TEST_F(OutputModel, CsvReadsBackAsTheSameValuesWithPythonsCsvModule) {
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3 (tools/install-deps.sh installs it)";
  const std::vector<std::string> query{"--literal", "-n", "1000", "type:post OR type:comment"};
  auto as = [&](const std::string& format) {
    std::vector<std::string> args{"search", format};
    args.insert(args.end(), query.begin(), query.end());
    return fora(archive_->path(), args);
  };
  auto csv = as("--csv");
  auto json_out = as("--json");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  const fs::path file = archive_->path() / "hits.csv";
  std::ofstream(file, std::ios::binary) << csv.out;
  auto read = run({"/usr/bin/python3", "-c",
                   "import csv, json, sys\n"
                   "rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
                   "print(json.dumps(rows))\n",
                   file.string()});
  ASSERT_EQ(read.exit_code, 0) << read.err;
  const json rows = json::parse(read.out);
  const auto hits = json_lines(json_out.out);
  ASSERT_EQ(rows.size(), hits.size());
  std::size_t with_newline = 0, with_quote = 0, with_comma = 0;
  for (std::size_t k = 0; k < hits.size(); ++k) {
    EXPECT_EQ(keys(rows[k]).size(), keys(hits[k]).size() - 1) << "every field but v";
    for (const auto& [field, value] : hits[k].items()) {
      if (field == "v") continue;
      const std::string cell = rows[k].at(field);
      if (value.is_string()) {
        EXPECT_EQ(cell, value.get<std::string>()) << field;
        const std::string& s = value.get_ref<const std::string&>();
        with_newline += s.find('\n') != std::string::npos;
        with_quote += s.find('"') != std::string::npos;
        with_comma += s.find(',') != std::string::npos;
      } else if (value.is_null()) {
        EXPECT_EQ(cell, "") << field;
      } else if (value.is_number_float()) {
        EXPECT_NEAR(std::stod(cell), value.get<double>(), 1e-9) << field;
      } else {
        EXPECT_EQ(json::parse(cell), value) << field;  // numbers, booleans, lists: their JSON
      }
    }
  }
  // The sample's texts exercise what quoting is for.
  EXPECT_GT(with_newline, 0u);
  EXPECT_GT(with_comma, 0u);
  EXPECT_GT(with_quote + with_comma, 0u);
}

TEST_F(OutputModel, FieldsPicksAndOrdersTheColumnsAndRefusesWhatNoRecordHas) {
  auto j = fora(archive_->path(), {"search", "--json", "--fields", "author,id", "author:Chris"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  std::size_t chris = 0;
  for (const auto& c : truth()["comments"]) chris += c["author"] == "Chris";
  const auto lines = lines_of(j.out);
  ASSERT_EQ(lines.size(), chris);
  for (const auto& line : lines) {
    EXPECT_EQ(printed_keys(line), (std::vector<std::string>{"v", "author", "id"}));
    EXPECT_EQ(json::parse(line)["author"], "Chris");
  }
  auto c = fora(archive_->path(), {"threads", "--csv", "--fields", "thread_title,comments"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(c.out.substr(0, c.out.find("\r\n")), "thread_title,comments");
  EXPECT_EQ(lines_of(c.out).size(), truth()["posts"].size() + 1);

  auto unknown = fora(archive_->path(), {"search", "--json", "--fields", "author,nonsense", "soyuz"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("no field \"nonsense\""), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("thread_title"), std::string::npos) << "names the fields there are: " << unknown.err;
  auto text = fora(archive_->path(), {"search", "--fields", "author", "soyuz"});
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_NE(text.err.find("--json or --csv"), std::string::npos) << text.err;
}

// Any byte sequence a terminal must not get from crawled text: C0 controls but line breaks
// and tab, DEL, C1 (U+0080-U+009F) and the bidi controls.
std::string unsafe_in(const std::string& out) {
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    const auto next = i + 1 < out.size() ? static_cast<unsigned char>(out[i + 1]) : 0;
    const auto third = i + 2 < out.size() ? static_cast<unsigned char>(out[i + 2]) : 0;
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) return fmt::format("byte {:#04x} at {}", c, i);
    if (c == 0xC2 && next >= 0x80 && next <= 0x9F) return fmt::format("C1 U+{:04X} at {}", next, i);
    if (c == 0xD8 && next == 0x9C) return fmt::format("ALM at {}", i);
    if (c == 0xE2 && next == 0x80 && (third == 0x8E || third == 0x8F || (third >= 0xAA && third <= 0xAE)))
      return fmt::format("bidi U+20{:02X} at {}", third - 0x80, i);
    if (c == 0xE2 && next == 0x81 && third >= 0xA6 && third <= 0xA9) return fmt::format("bidi isolate at {}", i);
  }
  return "";
}

// The catalog given names and a title full of terminal tricks (as a damaged catalog or one
// written by an older fora could hold; the extractor drops them from pages): no command, in
// no format, passes one to the terminal, and JSON still carries them, escaped.
TEST_F(OutputModel, HostileTextReachesNoTerminalInAnyCommandOrFormat) {
  TempDir copy;
  fs::copy(archive_->path(), copy.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  const std::string author = "Ed\x1b[31mward\xe2\x80\xae \xc2\x85 Smith\x07\x7f\xd8\x9c";
  const std::string title = "Soyuz\x1b]0;owned\x07 \xe2\x81\xa6leak\xe2\x81\xa9, \"quoted\"\r\nline";
  const fs::path catalog = copy.path() / "catalog.db";
  exec_sql(catalog, "UPDATE comments SET author = ?1 WHERE author = 'Chris'", {author});
  exec_sql(catalog, "UPDATE comment_versions SET author = ?1 WHERE author = 'Chris'", {author});
  exec_sql(catalog, "UPDATE threads SET title = ?1", {title});
  exec_sql(catalog, "UPDATE thread_versions SET title = ?1", {title});
  auto reindex = fora(copy.path(), {"index", "--rebuild"});
  ASSERT_EQ(reindex.exit_code, 0) << reindex.err;

  auto a_post = fora(copy.path(), {"search", "--json", "--literal", "-n", "1", "type:post"});
  ASSERT_EQ(a_post.exit_code, 0) << a_post.err;
  const std::string id = std::to_string(json_lines(a_post.out).at(0)["id"].get<std::int64_t>());
  std::string hostile_id;
  auto all = fora(copy.path(), {"search", "--json", "--literal", "-n", "1000", "type:comment"});
  for (const auto& h : json_lines(all.out))
    if (h["author"] == author) hostile_id = std::to_string(h["id"].get<std::int64_t>());
  ASSERT_FALSE(hostile_id.empty()) << "JSON carries the author, escaped, and reads back whole";

  const std::vector<std::vector<std::string>> commands = {
      {"search", "soyuz", "-n", "100"},
      {"search", "type:comment", "-n", "100", "--thread"},
      {"search", "soyuz", "--facet", "author,thread"},
      {"search", "soyuz", "--explain"},
      {"show", hostile_id},
      {"show", hostile_id, "--thread"},
      {"show", hostile_id, "--history"},
      {"show", id},
      {"threads"},
      {"authors"},
      {"stats"},
      {"log"},
  };
  for (const auto& command : commands) {
    for (const char* format : {"", "--json", "--csv"}) {
      std::vector<std::string> args = command;
      if (*format) args.push_back(format);
      const auto r = fora(copy.path(), args);
      const std::string said = fmt::format("fora {} {}", fmt::join(command, " "), format);
      EXPECT_EQ(r.exit_code, 0) << said << ": " << r.err;
      EXPECT_EQ(unsafe_in(r.out), "") << said;
      EXPECT_EQ(unsafe_in(r.err), "") << said;
    }
  }
  auto shown = fora(copy.path(), {"show", "--json", hostile_id});
  EXPECT_EQ(json::parse(shown.out)["author"], author);
  EXPECT_EQ(json::parse(shown.out)["thread_title"], title);
}

// A run of `fora` on a pseudo-terminal `rows` lines high: what the screen got (line ends as
// the terminal sends them, \r removed) and the exit code. `env` is the whole environment.
struct ScreenRun {
  std::string screen;
  int exit_code = -1;
};

ScreenRun on_terminal(const std::vector<std::string>& args, unsigned short rows,
                      const std::vector<std::string>& env) {
  std::vector<char*> argv{const_cast<char*>(FORA_BIN)};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  winsize size{};
  size.ws_row = rows;
  size.ws_col = 120;
  int master = -1;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, &size);
  if (pid < 0) throw std::runtime_error("forkpty failed");
  if (pid == 0) {
    ::execve(FORA_BIN, argv.data(), envp.data());
    ::_exit(127);
  }
  ScreenRun r;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(master, buf, sizeof buf);
    if (n > 0) {
      r.screen.append(buf, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO: every process holding the terminal has ended
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(master);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.screen.erase(std::remove(r.screen.begin(), r.screen.end(), '\r'), r.screen.end());
  return r;
}

TEST_F(OutputModel, TextLongerThanTheScreenGoesThroughThePagerOnATerminal) {
  const fs::path paged = archive_->path() / "paged.txt";
  const fs::path less = archive_->path() / "less.txt";
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    const std::string var = *e;
    if (var.rfind("PAGER=", 0) != 0 && var.rfind("LESS=", 0) != 0 && var.rfind("NO_COLOR=", 0) != 0) env.push_back(var);
  }
  env.push_back("NO_COLOR=1");
  auto with_pager = env;
  with_pager.push_back(fmt::format("PAGER=cat > '{}'; printf %s \"$LESS\" > '{}'", paged.string(), less.string()));
  const std::vector<std::string> args{"--archive", archive_->path().string(), "search", "--literal", "-n", "20",
                                      "type:comment"};
  const std::string total = fmt::format("{} results, 20 shown", truth()["comments"].size());

  auto long_text = on_terminal(args, 10, with_pager);
  EXPECT_EQ(long_text.exit_code, 0) << long_text.screen;
  ASSERT_TRUE(fs::exists(paged)) << "paged: " << long_text.screen;
  EXPECT_NE(slurp(paged).find(total), std::string::npos) << slurp(paged);
  EXPECT_EQ(long_text.screen.find(total), std::string::npos) << "the pager had it, not the screen";
  EXPECT_EQ(slurp(less), "FRX") << "less quits at the end of one screen and keeps colours";
  fs::remove(paged);

  auto args_no_pager = args;
  args_no_pager.push_back("--no-pager");
  auto unpaged = on_terminal(args_no_pager, 10, with_pager);
  EXPECT_FALSE(fs::exists(paged));
  EXPECT_NE(unpaged.screen.find(total), std::string::npos) << unpaged.screen;

  auto tall = on_terminal(args, 500, with_pager);
  EXPECT_FALSE(fs::exists(paged)) << "one screen needs no pager";
  EXPECT_NE(tall.screen.find(total), std::string::npos) << tall.screen;

  auto scripted = args;
  scripted.push_back("--json");
  on_terminal(scripted, 10, with_pager);
  EXPECT_FALSE(fs::exists(paged)) << "JSON is for scripts";

  auto broken = env;
  broken.push_back("PAGER=/nonexistent/pager");
  auto fallback = on_terminal(args, 10, broken);
  EXPECT_EQ(fallback.exit_code, 0);
  EXPECT_NE(fallback.screen.find(total), std::string::npos) << "a pager that cannot start: the text straight";
}

}  // namespace
}  // namespace fora::test
