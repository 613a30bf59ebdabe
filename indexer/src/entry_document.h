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
  // The full document: terms, values and data (document_data()).
  Xapian::Document make(const archive::StoredEntry& entry);

 private:
  Xapian::TermGenerator gen_;
};

// DocumentMaker().make(entry), for one document.
Xapian::Document make_document(const archive::StoredEntry& entry);

// The document data: the entry's catalog id, in decimal. What a result shows (author, date,
// title, the text its snippet comes from) is read from the catalog for the hits shown
// (query::Searcher), so the index does not hold a second copy of every text.
std::string document_data(const archive::StoredEntry& entry);

}  // namespace fora::indexer
