// docs/output.md read as data: the fields each kind of record lists, in order, so that tests
// hold the code's record kinds and the commands' output to what the documentation says.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

namespace fora::test {

// Each "### kind" section's fields: the rows of its table that start "| `name` |", after the
// entry's fields when the section says it has "every field of **entry**".
inline std::map<std::string, std::vector<std::string>> documented_fields(const std::filesystem::path& output_md) {
  std::ifstream in(output_md);
  std::map<std::string, std::vector<std::string>> kinds;
  std::string kind, line;
  const std::regex row(R"(^\| `([a-z_]+)` \|)");
  while (std::getline(in, line)) {
    std::smatch m;
    if (line.rfind("### ", 0) == 0) {
      kind = line.substr(4);
      kinds[kind];
    } else if (!kind.empty() && line.find("every field of **entry**") != std::string::npos) {
      kinds[kind] = kinds["entry"];
    } else if (!kind.empty() && std::regex_search(line, m, row)) {
      kinds[kind].push_back(m[1]);
    }
  }
  return kinds;
}

}  // namespace fora::test
