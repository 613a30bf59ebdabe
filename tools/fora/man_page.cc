// fora(1), written from the command table. The query syntax below is README.md's "Query
// syntax" table in roff; the exit codes come from exit_code() so they cannot disagree.
#include <fmt/format.h>

#include "context.h"
#include "manual.h"

namespace fora::cli {
namespace {

// Text as roff reads it: backslashes escaped, '-' a minus (so options can be searched and
// copied), and no line starting with the control characters '.' or '\''.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

// "FLOAT:FLOAT in [1 - 86400]" -> "FLOAT": the kind of value, without its validators.
std::string value_name(const CLI::Option& opt) {
  const std::string type = opt.get_type_name();
  return type.substr(0, type.find_first_of(": "));
}

// One option as a tagged paragraph: its names, its value, its help, its default.
std::string option_item(const CLI::Option& opt) {
  std::string names;
  for (const std::string& s : opt.get_snames()) names += (names.empty() ? "" : ", ") + fmt::format("\\fB\\-{}\\fR", roff(s));
  for (const std::string& l : opt.get_lnames()) names += (names.empty() ? "" : ", ") + fmt::format("\\fB\\-\\-{}\\fR", roff(l));
  if (!opt.nonpositional()) names = fmt::format("\\fI{}\\fR", roff(opt.get_name(true)));
  else if (opt.get_type_size() != 0) names += fmt::format(" \\fI{}\\fR", roff(value_name(opt)));
  std::string help = roff(opt.get_description());
  if (opt.get_type_size() != 0 && !opt.get_default_str().empty())
    help += fmt::format(" (default: {})", roff(opt.get_default_str()));
  return fmt::format(".TP\n{}\n{}\n", names, help);
}

// What a command is called with: its positionals after [OPTIONS].
std::string synopsis(const CLI::App& command) {
  std::string line = fmt::format("\\fBfora\\fR \\fB{}\\fR", roff(command.get_name()));
  if (!command.get_options([](const CLI::Option* o) { return o->nonpositional() && o->get_name() != "--help"; }).empty())
    line += " [\\fIOPTIONS\\fR]";
  for (const CLI::Option* p : command.get_options([](const CLI::Option* o) { return !o->nonpositional(); })) {
    const std::string name = fmt::format("\\fI{}\\fR{}", roff(p->get_name(true)),
                                         p->get_expected_max() > 1 ? "..." : "");
    line += p->get_required() ? " " + name : " [" + name + "]";
  }
  return line;
}

// The options of `app`; a command's --help is said once, under OPTIONS.
std::string options_of(const CLI::App& app) {
  std::string out;
  for (const CLI::Option* opt : app.get_options())
    if (app.get_parent() == nullptr || opt->get_name() != "--help") out += option_item(*opt);
  return out;
}

constexpr std::string_view kQuerySyntax = R"(Words must all match, in a post or comment or (weighted lower) in its thread's topic.
.TP
\fB"micrometeorite hit"\fR
a phrase
.TP
\fBauthor:Edward\fR, \fBauthor:"David Eastman"\fR
the exact author name, case and accents folded
.TP
\fBtype:comment\fR, \fBtype:post\fR
the kind of entry
.TP
\fBtopic:soyuz\fR
the thread's title, categories and tags
.TP
\fBtag:Soyuz\fR, \fBcategory:Space\fR
an exact tag or category
.TP
\fBdate:2022\-12\-16\fR, \fBdate:2022\-12\fR, \fBdate:2022\fR
a day, month or year (UTC)
.TP
\fBdate:2022\-01\-01..2022\-12\-31\fR, \fBdate:..2022\fR, \fBdate:2021..\fR, \fBdate:30d..\fR
ranges, open ranges, the last 30 days
.TP
\fBown:word\fR, \fBquote:word\fR
only the writer's own words, or only the passages they quoted
.TP
\fBreplyto:Chris\fR
replies to, or quotes of, that person
.TP
\fBis:edited\fR, \fBis:gone\fR
posts and comments seen in more than one version; those gone from their page
.TP
\fBseen:2026\-12\fR, \fBseen:7d..\fR
when fora first saw a post or comment (the forms of \fBdate:\fR)
.TP
\fBsite:HOST\fR, \fBthread:ID\fR or \fBthread:URL\fR
one site, one thread
.TP
\fBAND\fR, \fBOR\fR, \fBNOT\fR, \fB( )\fR, \fB\-word\fR, \fB+word\fR, \fBword*\fR
boolean logic; a query of negations only finds everything without them (after \fB\-\-\fR: \fBfora search \-\- \-soyuz\fR)
.PP
A query without field syntax that names a known author or a kind of entry is read as a
question: \fBfora search every Edward comment on Soyuz\fR runs
\fBauthor:Edward type:comment soyuz\fR and prints how it was read (\fB\-\-literal\fR turns
this off). A query fora cannot answer as written is refused with exit status 2, naming the
part as typed.
)";

constexpr std::string_view kEnvironmentAndFiles = R"(.SH ENVIRONMENT
.TP
\fBFORA_ARCHIVE\fR
The archive folder when \fB\-\-archive\fR is not given.
.TP
\fBXDG_DATA_HOME\fR
Without \fBFORA_ARCHIVE\fR, the archive is \fI$XDG_DATA_HOME/fora\fR (else \fI~/.local/share/fora\fR).
.TP
\fBFORA_PROFILES\fR
The folder of shipped extraction profiles when \fB\-\-profiles\fR is not given.
.TP
\fBXDG_CONFIG_HOME\fR
Your own profiles are in \fI$XDG_CONFIG_HOME/fora/profiles\fR (else \fI~/.config/fora/profiles\fR).
.TP
\fBNO_COLOR\fR
When set, search results are not coloured.
.SH FILES
.TP
\fI~/.local/share/fora/\fR
The archive: \fIcatalog.db\fR (SQLite: pages, captures, threads, posts and comments with every version, runs), \fIsnapshots/\fR (the responses, as zstd\-compressed WARC segments) and \fIindex/\fR (the Xapian search index).
.TP
\fI/usr/share/fora/profiles/\fR
The extraction profiles fora ships (\fI*.toml\fR; found beside the binary, as \fI<prefix>/share/fora/profiles\fR).
.TP
\fI~/.config/fora/profiles/\fR
Your own profiles, which add to and override the shipped ones (\fBfora profiles\fR lists them all).
.TP
\fI/usr/lib/systemd/user/fora\-update.service\fR, \fIfora\-update.timer\fR
A nightly \fBfora update \-\-quiet\fR as systemd user units: \fBsystemctl \-\-user enable \-\-now fora\-update.timer\fR.
)";

std::string exit_status() {
  struct Code {
    Errc errc;
    std::string_view meaning;
  };
  const Code codes[] = {
      {Errc::Io, "failure: I/O, network, corrupt data, or damage found by \\fBverify\\fR"},
      {Errc::InvalidArgument, "bad usage or a malformed query"},
      {Errc::NotFound, "not found: no archive, no index, no such ID"},
      {Errc::Locked, "the archive is locked by another fora"},
      {Errc::Cancelled, "interrupted (Ctrl\\-C, SIGTERM); what was done stays committed"},
  };
  std::string out = ".SH EXIT STATUS\n.TP\n\\fB0\\fR\nsuccess\n";
  for (const Code& c : codes) out += fmt::format(".TP\n\\fB{}\\fR\n{}\n", exit_code(c.errc), c.meaning);
  return out;
}

}  // namespace

std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
}

std::string man_page(const CLI::App& app, const std::string& version) {
  std::string out = fmt::format(".TH FORA 1 \"\" \"fora {}\" \"User Commands\"\n", roff(version));
  out += ".SH NAME\nfora \\- archive forum and blog threads, and search them by author, date and topic\n";
  out += ".SH SYNOPSIS\n\\fBfora\\fR [\\fB\\-\\-archive\\fR \\fIDIR\\fR] [\\fB\\-\\-profiles\\fR \\fIDIR\\fR] "
         "\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n";
  out += ".SH DESCRIPTION\n" + roff(app.get_description()) + "\n";
  out += ".SH OPTIONS\n" + options_of(app);
  out += ".SH COMMANDS\n";
  for (const CLI::App* command : visible_commands(app)) {
    out += fmt::format(".SS {}\n{}\n.PP\n{}\n", roff(command->get_name()), synopsis(*command),
                       roff(command->get_description()));
    out += options_of(*command);
  }
  out += ".SH QUERY SYNTAX\n" + std::string(kQuerySyntax);
  out += exit_status();
  out += std::string(kEnvironmentAndFiles);
  out += ".SH SEE ALSO\n\\fBfora \\fICOMMAND\\fB \\-\\-help\\fR; the README.md of the source.\n";
  return out;
}

}  // namespace fora::cli
