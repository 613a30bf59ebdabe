// Synonyms and abbreviations: groups of words and phrases that mean the same ("ISS =
// International Space Station"), read from text files (data/synonyms.txt, and the user's
// $XDG_CONFIG_HOME/fora/synonyms.txt, which the CLI finds). A search expands a plain word or
// phrase of the query that is a member of a group into all of its members, OR'ed:
// `ISS docking` is read as `(iss OR "international space station") docking`, which the
// "read as" line shows. What is quoted or given to a field is taken as written.
//
// File format: UTF-8, one group a line, its members separated by "=", matched without regard
// to case; blank lines and lines starting with '#' are skipped. A word may be in several
// groups; the longest member matching at a place wins.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "fora/result.h"

namespace fora::query {

class Synonyms {
 public:
  // Adds the groups of `text`; `source` names it in errors. Errors: InvalidArgument for a
  // line with one member or an empty one, naming the source and the line.
  Status add(std::string_view text, std::string_view source);
  // Adds the groups of the file at `path`. Errors: Io, and those of add().
  Status add_file(const std::filesystem::path& path);

  bool empty() const { return groups_.empty(); }
  // `query` with each plain word or phrase that is a member of a group replaced by the group.
  std::string expand(std::string_view query) const;

 private:
  // Each member as its lower-case words; the index of its group.
  struct Member {
    std::vector<std::string> words;
    std::size_t group = 0;
  };
  std::vector<std::vector<std::string>> groups_;  // members as written, lower case
  std::vector<Member> members_;
};

}  // namespace fora::query
