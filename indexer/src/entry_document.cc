#include "entry_document.h"

#include "fora/indexer/fields.h"

namespace fora::indexer {
namespace {

// Own words count three times as much as topic and quoted words: with BM25 this weights a
// match in the thread title (attached to every comment) below one in the comment itself.
constexpr Xapian::termcount kOwnWdf = 3;
constexpr Xapian::termcount kOtherWdf = 1;
// Gap between indexed sections so a phrase cannot span the end of one and start of the next.
constexpr Xapian::termpos kSectionGap = 100;

void add_boolean(Xapian::Document& doc, Field field, std::string_view value) {
  if (value.empty()) return;
  std::string term = boolean_term(field, value);
  if (term.size() > field_info(field).prefix.size()) doc.add_boolean_term(term);
}

void index_section(Xapian::TermGenerator& gen, std::string_view text, Xapian::termcount wdf,
                   Field field) {
  if (text.empty()) return;
  gen.index_text(std::string(text), wdf, std::string(field_info(field).prefix));
  gen.increase_termpos(kSectionGap);
}

// The topic's words without positions: every comment of a thread carries them, and their
// positions were a quarter of the position table. A phrase within the topic is read as all
// of its words there (QueryLanguage).
void index_topic(Xapian::TermGenerator& gen, std::string_view text) {
  if (!text.empty()) gen.index_text_without_positions(std::string(text), kOtherWdf, std::string(field_info(Field::Topic).prefix));
}

void add_text(Xapian::TermGenerator& gen, Xapian::Document& doc, const archive::StoredEntry& e) {
  gen.set_document(doc);  // positions start again at 0
  index_section(gen, e.entry.text, kOwnWdf, Field::Own);
  for (const auto& q : e.entry.quotes) index_section(gen, q.text, kOtherWdf, Field::Quote);
  index_topic(gen, e.thread_title);
  for (const auto& c : e.categories) index_topic(gen, c);
  for (const auto& t : e.tags) index_topic(gen, t);
}

void add_filters(Xapian::Document& doc, const archive::StoredEntry& e) {
  add_boolean(doc, Field::Author, e.entry.author);
  add_boolean(doc, Field::Type, e.kind);
  add_boolean(doc, Field::Site, e.site);
  add_boolean(doc, Field::Thread, std::to_string(e.thread_id));
  add_boolean(doc, Field::Thread, e.thread_url);
  for (const auto& t : e.tags) add_boolean(doc, Field::Tag, t);
  for (const auto& c : e.categories) add_boolean(doc, Field::Category, c);
  add_boolean(doc, Field::ReplyTo, e.parent_author);
  for (const auto& q : e.entry.quotes) add_boolean(doc, Field::ReplyTo, q.author);
  if (e.versions > 1) add_boolean(doc, Field::Is, "edited");
  if (e.gone_since || e.thread_gone_since) add_boolean(doc, Field::Is, "gone");
  if (e.first_seen > 0) doc.add_value(kSeenSlot, date_value(e.first_seen));
  if (!e.entry.author.empty()) doc.add_value(kAuthorSlot, e.entry.author);
  doc.add_value(kThreadSlot, std::to_string(e.thread_id));
  if (!e.site.empty()) doc.add_value(kSiteSlot, e.site);
  if (!e.kind.empty()) doc.add_value(kTypeSlot, e.kind);
  if (e.entry.published) {
    std::string date = date_value(*e.entry.published);
    doc.add_value(kDateSlot, date);
    doc.add_value(kMonthSlot, date.substr(0, 6));
    add_boolean(doc, Field::Year, date.substr(0, 4));
    add_boolean(doc, Field::Month, date.substr(0, 6));
    add_boolean(doc, Field::Day, date.substr(0, 8));
  }
}

}  // namespace

std::string unique_term(const archive::StoredEntry& e) {
  return boolean_term(Field::Id, e.site + "/" + e.thread_native_id + "/" + e.kind + "/" +
                                     e.entry.native_id);
}

std::string document_data(const archive::StoredEntry& e) { return std::to_string(e.id); }

DocumentMaker::DocumentMaker() {
  gen_.set_stemmer(Xapian::Stem("english"));
  gen_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
}

Xapian::Document DocumentMaker::make(const archive::StoredEntry& e) {
  Xapian::Document doc;
  doc.add_boolean_term(unique_term(e));
  add_filters(doc, e);
  add_text(gen_, doc, e);
  doc.set_data(document_data(e));
  return doc;
}

Xapian::Document make_document(const archive::StoredEntry& e) { return DocumentMaker().make(e); }

}  // namespace fora::indexer
