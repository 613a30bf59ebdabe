#include "fora/query/synonyms.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "fora/extract/lower_case.h"
#include "query_words.h"

namespace fora::query {
namespace {

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> words_in(std::string_view s) {
  std::vector<std::string> words;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

}  // namespace

Status Synonyms::add(std::string_view text, std::string_view source) {
  std::size_t number = 0;
  std::istringstream lines{std::string(text)};
  for (std::string line; std::getline(lines, line);) {
    ++number;
    const std::string content = trimmed(line);
    if (content.empty() || content.front() == '#') continue;
    std::vector<std::string> group;
    std::size_t at = 0;
    for (;;) {
      const auto eq = content.find('=', at);
      const std::string member = extract::lower_case(trimmed(std::string_view(content).substr(at, eq - at)));
      if (member.empty() || member.find_first_of("\"():") != std::string::npos)
        return make_error(Errc::InvalidArgument, fmt::format("{}:{}: an empty member, or one with a quote, bracket or colon", source, number),
                          "one group a line, its words and phrases separated by '=': ISS = International Space Station");
      group.push_back(member);
      if (eq == std::string::npos) break;
      at = eq + 1;
    }
    if (group.size() < 2)
      return make_error(Errc::InvalidArgument, fmt::format("{}:{}: a group needs two members or more", source, number),
                        "ISS = International Space Station");
    for (const auto& member : group) members_.push_back({words_in(member), groups_.size()});
    groups_.push_back(std::move(group));
  }
  return ok();
}

Status Synonyms::add_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Errc::Io, "cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return add(text.str(), path.string());
}

std::string Synonyms::expand(std::string_view query) const {
  if (groups_.empty()) return std::string(query);
  std::string out;
  std::size_t copied = 0;
  for (const auto& run : plain_word_runs(query)) {
    std::vector<std::string> lowered;
    for (const Span& w : run) lowered.push_back(extract::lower_case(query.substr(w.begin, w.end - w.begin)));
    for (std::size_t i = 0; i < run.size();) {
      const Member* best = nullptr;
      for (const Member& m : members_) {
        if (m.words.size() > run.size() - i || (best && m.words.size() <= best->words.size())) continue;
        bool same = true;
        for (std::size_t k = 0; k < m.words.size() && same; ++k) same = m.words[k] == lowered[i + k];
        if (same) best = &m;
      }
      if (!best) {
        ++i;
        continue;
      }
      std::string alternatives;
      for (const std::string& member : groups_[best->group]) {
        alternatives += alternatives.empty() ? "(" : " OR ";
        alternatives += member.find(' ') == std::string::npos ? member : "\"" + member + "\"";
      }
      out.append(query.substr(copied, run[i].begin - copied));
      out += alternatives + ")";
      copied = run[i + best->words.size() - 1].end;
      i += best->words.size();
    }
  }
  out.append(query.substr(copied));
  return out;
}

}  // namespace fora::query
