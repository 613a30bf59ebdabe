#include "context.h"

#include "fora/url/url.h"

#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <ctime>

namespace fora::cli {

Result<std::unique_ptr<archive::Archive>> Context::open_archive(archive::Archive::Mode mode) const {
  auto opened = archive::Archive::open(archive_dir, mode);
  if (!opened) return opened;
  // What opening mended after a crash is said once, by whichever command opened first.
  for (const std::string& repair : (*opened)->repairs()) err.write("fora: archive mended: " + clean(repair) + "\n");
  return opened;
}

Result<Context::Search> Context::open_search(bool synonyms) const {
  std::unique_ptr<query::Synonyms> expanded;
  if (synonyms) {
    auto loaded = open_synonyms();
    if (!loaded) return loaded.error();
    expanded = std::make_unique<query::Synonyms>(std::move(*loaded));
  }
  auto archive = open_archive(archive::Archive::Mode::Read);
  if (!archive) return archive.error();
  const archive::ThreadStore& entries = (*archive)->threads();  // the archive's own, not moved
  auto searcher = query::Searcher::open(archive_dir / archive::kIndexFolder,
                                        [&entries](std::int64_t id) { return entries.entry(id); });
  if (!searcher) return searcher.error();
  return Search{std::move(*archive), std::move(*searcher), std::move(expanded)};
}

Result<query::SearchResult> Context::Search::ask(query::SearchOptions options) const {
  if (!options.synonyms) options.synonyms = synonyms.get();
  auto result = searcher.search(options);
  if (!result) return result.error();
  // Thread facet values are catalog ids: labelled with their thread's latest title.
  for (auto& facet : result->facets) {
    if (facet.facet != query::Facet::Thread) continue;
    for (auto& c : facet.counts) {
      std::int64_t id = 0;
      if (std::from_chars(c.value.data(), c.value.data() + c.value.size(), id).ec != std::errc()) continue;
      if (auto versions = archive->threads().thread_versions(id); versions && !versions->empty())
        c.label = versions->back().title;
    }
  }
  return result;
}

int exit_code(Errc code) {
  switch (code) {
    case Errc::InvalidArgument: return 2;
    case Errc::NotFound: return 3;
    case Errc::Locked: return 4;
    case Errc::Cancelled: return 130;
    default: return 1;
  }
}

std::string command_name(std::string_view command_line) {
  bool value_next = false;
  while (!command_line.empty()) {
    // One word: up to the next space, or past the closing quote of a quoted one.
    std::size_t end = 0;
    if (command_line.front() == '\'') end = std::min(command_line.find('\'', 1) + 1, command_line.size());
    end = std::min(command_line.find(' ', end), command_line.size());
    const std::string_view word = command_line.substr(0, end);
    command_line.remove_prefix(std::min(end + 1, command_line.size()));
    if (value_next) {
      value_next = false;
    } else if (word == "--archive" || word == "--profiles") {
      value_next = true;
    } else if (!word.starts_with("-")) {
      return std::string(word);
    }
  }
  return {};
}

Result<RunLog> RunLog::start(archive::Archive& archive, const Context& ctx) {
  FORA_TRY(archive.runs().start_run(ctx.command_line, std::time(nullptr)));
  return RunLog(archive);
}

Status RunLog::finish(Status status, std::int64_t pages_fetched, std::int64_t errors) {
  const int code = status ? 0 : exit_code(status.error().code);
  const std::string outcome = status ? "ok" : code == 130 ? "interrupted" : status.error().message;
  Status recorded = archive_->runs().finish_run(pages_fetched, errors, code, outcome, std::time(nullptr));
  if (!status) return status;
  return recorded;
}

Result<std::string> site_option(const std::string& given) {
  auto url = Url::parse(given.find("://") == std::string::npos ? "http://" + given + "/" : given);
  if (!url) return make_error(Errc::InvalidArgument, "--site: not a site: " + given, "e.g. --site example.com");
  return std::string(url->origin());
}

namespace {

// <prefix>/bin/fora -> <prefix>/share/fora/profiles, for an installed fora.
std::filesystem::path installed_profiles() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path().parent_path() / "share" / "fora" / "profiles";
}

// $XDG_CONFIG_HOME/fora/profiles, else ~/.config/fora/profiles: the user's own profiles,
// which add to and override the installed ones.
std::filesystem::path user_config(const char* name);
std::filesystem::path user_profiles() { return user_config("profiles"); }

std::filesystem::path shipped_profiles(const std::optional<std::filesystem::path>& option) {
  if (option) return *option;
  if (const char* env = std::getenv("FORA_PROFILES"); env && *env) return env;
  std::error_code ec;
  if (auto installed = installed_profiles(); std::filesystem::is_directory(installed, ec))
    return installed;
  return std::filesystem::path(FORA_SOURCE_DIR) / "data" / "profiles";
}

// $XDG_CONFIG_HOME/fora/<name>, else ~/.config/fora/<name>.
std::filesystem::path user_config(const char* name) {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "fora" / name;
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".config" / "fora" / name;
  return {};
}

}  // namespace

Result<query::Synonyms> Context::open_synonyms() const {
  query::Synonyms synonyms;
  std::error_code ec;
  auto shipped = installed_profiles().parent_path() / "synonyms.txt";
  if (!std::filesystem::is_regular_file(shipped, ec)) shipped = std::filesystem::path(FORA_SOURCE_DIR) / "data" / "synonyms.txt";
  if (std::filesystem::is_regular_file(shipped, ec)) FORA_TRY(synonyms.add_file(shipped));
  if (auto user = user_config("synonyms.txt"); !user.empty() && std::filesystem::exists(user, ec))
    FORA_TRY(synonyms.add_file(user));
  return synonyms;
}

Result<extract::Extractor> Context::open_extractor() const {
  std::vector<std::filesystem::path> dirs{shipped_profiles(profiles_dir)};
  if (auto user = user_profiles(); !user.empty()) dirs.push_back(user);
  return extract::Extractor::open(dirs);
}

std::filesystem::path default_location(const std::optional<std::filesystem::path>& explicit_dir) {
  if (explicit_dir && !explicit_dir->empty()) return *explicit_dir;
  const auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v ? v : "";
  };
  if (auto dir = env("FORA_ARCHIVE"); !dir.empty()) return dir;
  if (auto xdg = env("XDG_DATA_HOME"); !xdg.empty()) return std::filesystem::path(xdg) / "fora";
  if (auto home = env("HOME"); !home.empty()) {
    return std::filesystem::path(home) / ".local" / "share" / "fora";
  }
  return std::filesystem::path(".fora");
}

}  // namespace fora::cli
