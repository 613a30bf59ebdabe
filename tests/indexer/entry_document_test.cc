#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <set>

#include "entry_document.h"
#include "fora/indexer/fields.h"
#include "sample_entries.h"

namespace fora::indexer {
namespace {

std::set<std::string> terms_of(const Xapian::Document& doc) {
  std::set<std::string> out;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) out.insert(*it);
  return out;
}

class EntryDocumentTest : public ::testing::Test {
 protected:
  std::vector<archive::StoredEntry> entries_ = testing::sample_entries(std::time(nullptr));
  const archive::StoredEntry& reply_ = entries_[2];  // Edward Smith, quoting Edward
};

TEST_F(EntryDocumentTest, UniqueTermNamesSiteThreadKindAndNativeId) {
  EXPECT_EQ(unique_term(reply_), "Qexample.com/12/comment/102");
  EXPECT_EQ(unique_term(entries_[0]), "Qexample.com/12/post/12");
}

TEST_F(EntryDocumentTest, HasBooleanTermsForEveryFilterField) {
  auto terms = terms_of(make_document(reply_));
  for (std::string t : {"Qexample.com/12/comment/102", "Aedward smith", "XTYPEcomment",
                        "Hexample.com", "XTHREAD1", "XTHREADhttps://example.com/2022/12/soyuz-leak/",
                        "Ksoyuz", "Kroscosmos", "XCATspace", "XREPLYTOedward", "Y2022", "M202212",
                        "D20221216"})
    EXPECT_TRUE(terms.count(t)) << t;
}

TEST_F(EntryDocumentTest, SeparatesOwnWordsQuotedWordsAndTopic) {
  auto terms = terms_of(make_document(reply_));
  // Stems only (Xapian's English stemmer: radiators -> radiat), each once, with no Z form.
  EXPECT_TRUE(terms.count("radiat"));
  EXPECT_FALSE(terms.count("radiator"));
  EXPECT_FALSE(terms.count("Zradiat"));
  EXPECT_TRUE(terms.count("XQUOTEmicrometeoroid"));
  EXPECT_FALSE(terms.count("micrometeoroid"));  // quoted, not the writer's own word
  EXPECT_TRUE(terms.count("Ssoyuz"));           // thread title
  EXPECT_TRUE(terms.count("Sroscosmo"));        // tag as topic text (Roscosmos, stemmed)
  EXPECT_FALSE(terms.count("soyuz"));
}

// A maker reused from one document to the next makes each as a new one would: the word
// positions of one entry do not run on into the next.
TEST_F(EntryDocumentTest, AReusedMakerMakesWhatANewOneMakes) {
  DocumentMaker reused;
  for (const archive::StoredEntry& e : entries_) {
    Xapian::Document again = reused.make(e), fresh = make_document(e);
    std::vector<std::string> a, b;
    for (auto* d : {&again, &fresh}) {
      auto& out = d == &again ? a : b;
      for (auto t = d->termlist_begin(); t != d->termlist_end(); ++t) {
        out.push_back(*t + " " + std::to_string(t.get_wdf()));
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out.back() += " " + std::to_string(*p);
      }
    }
    EXPECT_EQ(a, b) << e.entry.native_id;
  }
}

TEST_F(EntryDocumentTest, OwnWordsOutweighTopicWords) {
  Xapian::Document doc = make_document(entries_[7]);  // "capsule" in own text only
  Xapian::Document topic_doc = make_document(entries_[1]);  // "capsule" in the title only
  auto wdf = [](const Xapian::Document& d, const std::string& term) {
    auto it = d.termlist_begin();
    it.skip_to(term);
    return it != d.termlist_end() && *it == term ? it.get_wdf() : 0u;
  };
  EXPECT_GT(wdf(doc, "capsul"), 0u);
  EXPECT_GT(wdf(doc, "capsul"), wdf(topic_doc, "Scapsul"));
}

TEST_F(EntryDocumentTest, StoresDateInTheSlotAndNoneWhenUnknown) {
  EXPECT_EQ(make_document(reply_).get_value(kDateSlot), "20221216120000");
  auto undated = terms_of(make_document(entries_[8]));
  EXPECT_EQ(make_document(entries_[8]).get_value(kDateSlot), "");
  EXPECT_TRUE(std::none_of(undated.begin(), undated.end(),
                           [](const std::string& t) { return t[0] == 'Y' || t[0] == 'D'; }));
}

// What a result shows is read from the catalog (query::Searcher): the index keeps the id alone.
TEST_F(EntryDocumentTest, DataIsTheCatalogIdAlone) {
  EXPECT_EQ(make_document(reply_).get_data(), "3");
  EXPECT_EQ(document_data(entries_[0]), std::to_string(entries_[0].id));
}

}  // namespace
}  // namespace fora::indexer
