#include "index_run.h"

#include <algorithm>

#include "fora/indexer/fields.h"
#include "fora/indexer/xapian_error.h"

namespace fora::indexer {

IndexRun::IndexRun(std::vector<Xapian::WritableDatabase>& mains, Xapian::WritableDatabase& delta,
                   std::filesystem::path path, std::int64_t last_seq,
                   const std::function<void(const IndexProgress&)>& progress)
    : mains_(mains), delta_(delta), path_(std::move(path)), last_seq_(last_seq), progress_(progress) {}

Xapian::doccount live_documents(const std::vector<Xapian::WritableDatabase>& mains, const Xapian::Database& delta) {
  Xapian::doccount live = delta.get_doccount();
  for (const auto& main : mains) live += main.get_doccount() - main.get_value_freq(kReplacedSlot);
  return live;
}

bool IndexRun::mark_replaced_in_main(const std::string& term) {
  for (auto& main : mains_) {
    auto found = main.postlist_begin(term);
    if (found == main.postlist_end(term)) continue;
    const Xapian::docid id = *found;
    Xapian::Document doc = main.get_document(id);
    // Only the document's values change: Xapian neither reads nor rewrites its terms,
    // postings and positions.
    if (!doc.get_value(kReplacedSlot).empty()) return true;
    doc.add_value(kReplacedSlot, "1");
    main.replace_document(id, doc);
    return true;
  }
  return false;
}

Status IndexRun::apply(const archive::StoredEntry& entry) {
  try {
    // A WritableDatabase sees its own uncommitted changes, so this is right within a batch.
    const std::string term = unique_term(entry);
    const bool present = delta_.term_exists(term) || mark_replaced_in_main(term);
    delta_.replace_document(term, maker_.make(entry));
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
    for (auto& main : mains_) main.commit();
    commit_indexed(delta_, last_seq_);
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "committing", path_);
  }
  return ok();
}

IndexSummary IndexRun::summary() const {
  IndexSummary s = summary_;
  s.documents = static_cast<std::int64_t>(live_documents(mains_, delta_));
  return s;
}

void IndexRun::report_done() const {
  if (progress_) progress_(IndexProgress{done_});
}

}  // namespace fora::indexer
