#include "fora/indexer/xapian_error.h"

#include <fmt/format.h>
#include <xapian.h>

#include "fora/indexer/generation.h"

namespace fora::indexer {

Error from_xapian(const Xapian::Error& error, std::string_view doing,
                  const std::filesystem::path& path) {
  // Xapian::Error has no virtual functions (no dynamic_cast); its type name tells the class.
  const std::string_view type = error.get_type();
  std::string message =
      fmt::format("{} {}: {}: {}", doing, path.string(), error.get_type(), error.get_msg());
  if (type == "DatabaseLockError")
    return make_error(Errc::Locked, std::move(message),
                      "another fora process is writing the index; wait for it to finish");
  if (type == "DatabaseCorruptError")
    return make_error(Errc::Corrupt,
                      fmt::format("{} {}: the index is damaged ({})", doing, path.string(), error.get_msg()),
                      "rebuild the index with `fora index --rebuild`");
  if (type == "DatabaseVersionError")
    return make_error(Errc::Corrupt, std::move(message),
                      "rebuild the index with `fora index --rebuild`");
  if (type == "DatabaseNotFoundError")
    return make_error(Errc::NotFound, std::move(message), "run `fora index` first");
  if (type == "NetworkError") {
    // Only a remote shard (a `remote HOST:PORT` line of the generation's XAPIANDB) is reached
    // over the network: name those, so the reader knows which server to look at.
    std::string remotes;
    std::filesystem::path generation = path;
    while (!generation.empty() && !has_generation_stub(generation) && generation != generation.parent_path())
      generation = generation.parent_path();
    if (auto shards = read_generation_stub(generation))
      for (const ShardLocation& s : *shards)
        if (s.remote()) remotes += (remotes.empty() ? "" : ", ") + s.describe();
    return make_error(Errc::Network,
                      fmt::format("{} {}: an index shard served from another machine did not answer ({}){}", doing,
                                  path.string(), error.get_msg(), remotes.empty() ? "" : ": " + remotes),
                      "start xapian-tcpsrv for it there (--writable for `fora index`), or put the shard back in "
                      "the generation folder and its `auto` line back in XAPIANDB");
  }
  if (type == "QueryParserError")
    return make_error(Errc::InvalidArgument, fmt::format("query: {}", error.get_msg()));
  if (type == "DatabaseModifiedError")
    return make_error(Errc::Io, std::move(message),
                      "the index changed while reading it; try again");
  // Other errors reading a database (DatabaseError, SerialisationError, RangeError...) are
  // most often damage to its files.
  return make_error(Errc::Io, std::move(message),
                    "check free disk space and permissions of the archive folder; if the index is damaged,"
                    " `fora index --rebuild` makes a new one");
}

}  // namespace fora::indexer
