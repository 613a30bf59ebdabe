// One stored post or comment -> one Xapian document (the layout is in fora/indexer/fields.h).
#pragma once

#include <string>

#include <xapian.h>

#include "fora/archive/archive.h"

namespace fora::indexer {

// Q<site>/<thread native id>/<kind>/<native id>: stable across catalog rebuilds, unlike the
// catalog id, so a re-crawled archive maps to the same documents.
std::string unique_term(const archive::StoredEntry& entry);

// Makes the documents of stored entries, reusing one TermGenerator and stemmer from one
// document to the next (making them costs more than many a short comment's terms). One per
// thread.
class DocumentMaker {
 public:
  DocumentMaker();
  // The full document: terms, date slot and the data a search result shows (see
  // document_data()).
  Xapian::Document make(const archive::StoredEntry& entry);

 private:
  Xapian::TermGenerator gen_;
};

// DocumentMaker().make(entry), for one document.
Xapian::Document make_document(const archive::StoredEntry& entry);

// The document data: one JSON object {id, type, author, date, site, thread_id, thread_title,
// url, text}, `date` in Unix seconds (0 when unknown), `text` the writer's own words (the
// quoted words when there are none) for snippets. Control characters are removed.
std::string document_data(const archive::StoredEntry& entry);

// `text` with control characters (C0, DEL, C1) removed; tabs and newlines become spaces.
std::string without_controls(std::string_view text);

}  // namespace fora::indexer
