// Xapian exceptions -> fora::Error, at the boundary of every call into Xapian (indexer and
// query). Only forward-declares Xapian so that this header stays free of xapian.h.
#pragma once

#include <filesystem>
#include <string_view>

#include "fora/result.h"

namespace Xapian {
class Error;
}

namespace fora::indexer {

// `doing` says what was attempted ("opening the index"), `path` where. Lock errors become
// Locked, corrupt or too-new databases Corrupt (hint: rebuild), missing ones NotFound, query
// syntax errors InvalidArgument, everything else Io.
Error from_xapian(const Xapian::Error& error, std::string_view doing,
                  const std::filesystem::path& path);

}  // namespace fora::indexer
