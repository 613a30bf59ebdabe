// The command lines of the index bench's programs: "--name value" pairs and flags, read
// once; a name the program does not know, a missing value or a value that is not a number
// where one is wanted ends the program with its usage line (exit 2).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace fora::bench {

class BenchArgs {
 public:
  // argv[first..]; `known` lists the names that take a value, `flags` those that take none.
  BenchArgs(int argc, char** argv, int first, std::set<std::string> known, std::set<std::string> flags,
            std::string usage)
      : program_(std::filesystem::path(argv[0]).filename().string()), usage_(std::move(usage)) {
    for (int i = first; i < argc; ++i) {
      const std::string name = argv[i];
      if (flags.count(name)) values_[name] = "";
      else if (!known.count(name)) fail("unknown option " + name);
      else if (i + 1 >= argc) fail("missing the value of " + name);
      else values_[name] = argv[++i];
    }
  }
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string text(const std::string& name, std::string otherwise = {}) const {
    const auto it = values_.find(name);
    return it == values_.end() ? otherwise : it->second;
  }
  // A number >= 0.
  double number(const std::string& name, double otherwise) const {
    const auto it = values_.find(name);
    if (it == values_.end()) return otherwise;
    char* end = nullptr;
    const double n = std::strtod(it->second.c_str(), &end);
    if (it->second.empty() || *end != '\0' || n < 0) fail(name + " takes a number, not " + it->second);
    return n;
  }
  [[noreturn]] void fail(const std::string& why) const {
    std::fprintf(stderr, "%s: %s\n%s\n", program_.c_str(), why.c_str(), usage_.c_str());
    std::exit(2);
  }

 private:
  std::string program_, usage_;
  std::map<std::string, std::string> values_;
};

}  // namespace fora::bench
