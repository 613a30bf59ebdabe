#include "index_run.h"

#include <algorithm>

#include "fora/indexer/fields.h"
#include "fora/indexer/xapian_error.h"

namespace fora::indexer {

IndexRun::IndexRun(Xapian::WritableDatabase& db, std::filesystem::path path,
                   std::int64_t last_seq,
                   const std::function<void(const IndexProgress&)>& progress)
    : db_(db), path_(std::move(path)), last_seq_(last_seq), progress_(progress) {}

Status IndexRun::apply(const archive::StoredEntry& entry) {
  try {
    // A WritableDatabase sees its own uncommitted changes, so this is right within a batch.
    // An entry gone from its page stays searchable, with is:gone: the archive keeps it.
    const std::string term = unique_term(entry);
    const bool present = db_.term_exists(term);
    db_.replace_document(term, maker_.make(entry));
    ++(present ? summary_.updated : summary_.added);
    last_seq_ = std::max(last_seq_, entry.change_seq);
    if (++done_ % kCommitEvery == 0) FORA_TRY(commit());
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "indexing into", path_);
  }
  if (progress_ && done_ % kProgressEvery == 0) progress_(IndexProgress{done_});
  return ok();
}

void commit_indexed(Xapian::WritableDatabase& db, std::int64_t last_seq) {
  db.set_metadata(std::string(kLastSeqKey), std::to_string(last_seq));
  db.set_metadata(std::string(kSchemaKey), std::to_string(kIndexSchemaVersion));
  db.commit();
}

Status IndexRun::commit() {
  try {
    commit_indexed(db_, last_seq_);
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "committing", path_);
  }
  return ok();
}

IndexSummary IndexRun::summary() const {
  IndexSummary s = summary_;
  s.documents = static_cast<std::int64_t>(db_.get_doccount());
  return s;
}

void IndexRun::report_done() const {
  if (progress_) progress_(IndexProgress{done_});
}

}  // namespace fora::indexer
