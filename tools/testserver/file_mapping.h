// How a request target maps to a file under the served root: the rules the whole test
// server rests on, kept apart from the networking so they read in one place.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace fora::testserver {

struct Mapping {
  enum class Kind { File, Redirect, BadRequest, NotFound };
  Kind kind = Kind::NotFound;
  std::filesystem::path file;  // Kind::File
  std::string location;        // Kind::Redirect: the target with a slash added to its path
};

// Maps `target` ("/a/b?x=1", as received) under `root`: the path is percent-decoded; ".."
// segments, NUL and malformed escapes are BadRequest; "/dir/" serves dir/index.html, else
// dir/index.xml; "/dir" (a folder) redirects to "/dir/"; "/p?q" serves the file "p@q.html"
// when there is one (a saved dynamic page), else the query is ignored; "/p" serves "p", else
// "p.html"; anything else missing is NotFound.
Mapping map_target(const std::filesystem::path& root, std::string_view target);

// The Content-Type for a file, by extension; application/octet-stream when unknown.
std::string content_type_for(const std::filesystem::path& file);

}  // namespace fora::testserver
