// The index schema: every Xapian term prefix and value slot fora uses, in one table that the
// indexer (writing documents) and the query parser (reading the user's fields) share, so the
// two cannot disagree. Changing a prefix or a slot changes the on-disk format: bump
// kIndexSchemaVersion, which makes older indexes ask for `fora index --rebuild`.
//
// Term layout (Xapian's conventions: upper-case prefix, then the value; a ':' goes between
// them when the value itself starts with an upper-case letter, so no term can be read as a
// longer prefix):
//   Q<site>/<thread native id>/<kind>/<native id>   unique id of a post or comment
//   boolean terms  A author, XTYPE type, H site, XTHREAD thread (catalog id and URL),
//                  K tag, XCAT category, XREPLYTO replied-to/quoted author,
//                  Y year (Y2022), M month (M202212), D day (D20221216),
//                  XIS what became of the entry (edited: more than one version; gone:
//                  missing from its page, or its thread's address answers 404 or 410)
//   free text      (no prefix) the writer's own words and XQUOTE words the writer quoted
//                  from others, with positions; S topic (title+categories+tags) without:
//                  every comment of a thread repeats them, and their positions were a quarter
//                  of the position table, so a phrase in the topic is read as all its words
//                  there (QueryLanguage). English stems only (Xapian's STEM_ALL: no Z prefix,
//                  the words as written are not kept, so each word costs one term, not two;
//                  phrases and wildcards read stems as well).
//                  Own words are indexed with wdf 3, quotes and topic with wdf 1, so under BM25 a
//                  match in the comment itself ranks above one in the thread title.
// Query side: bare words search own words and topic (not quotes: a quoted passage is found
// in the comment that said it first); own:, quote:, topic: search one of them.
// Value slot kDateSlot: the entry's UTC date as "YYYYMMDDHHMMSS" (sorts as a string); unset
// when the date is unknown. Value slot kSeenSlot: when fora first saw the entry, alike.
// Value slot kReplacedSlot: "1" in a generation's main database on a document whose entry has
// a newer copy in the delta database (generation.h); searches leave marked documents out. A
// value, not a term: Xapian adds a value without reading the document's terms and positions,
// which made marking 5.6 times faster (3,369 documents of a 200,000-entry index: 0.33 s
// against 1.86 s), for a little more growth (the bench's 1% change at 200,000 entries: 23.2 MB
// against 18.1 MB).
// Facet slots (the counts of `fora search --facet`, by Xapian's ValueCountMatchSpy, which a
// remote shard runs too): kAuthorSlot the author's name as written, kMonthSlot "YYYYMM" of
// the date (unset when unknown; years are counted from months), kThreadSlot the thread's
// catalog id in decimal, kSiteSlot the site, kTypeSlot "post" or "comment".
// Document data: the entry's catalog id in decimal, and nothing else. What a result shows
// (author, date, title, address, the text its snippet is cut from) is read from the catalog
// for the hits shown; a JSON copy of each row (schema 6) was a fifth of the index (371 of
// 1,768 MB at 1,000,000 entries).
// Metadata keys: kSchemaKey (the version below) in both databases; kLastSeqKey (last catalog
// change_seq indexed) in the delta database, which every update commits last;
// kStoppedBuildKey in a main database whose build was stopped (the next run builds anew);
// kShardingKey in every main database: how the index is split (ShardPlan::key()).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace fora::indexer {

// 2: XIS; 3: kSeenSlot; 4: main and delta databases; 5: stems only; 6: kReplacedSlot;
// 7: the data is the id alone; 8: topic words without positions; 9: facet slots
inline constexpr int kIndexSchemaVersion = 9;
inline constexpr std::string_view kSchemaKey = "fora:schema";
inline constexpr std::string_view kLastSeqKey = "fora:last_change_seq";
inline constexpr std::string_view kStoppedBuildKey = "fora:stopped_build";
inline constexpr std::string_view kShardingKey = "fora:sharding";

inline constexpr unsigned kDateSlot = 0;
inline constexpr unsigned kSeenSlot = 1;
inline constexpr unsigned kReplacedSlot = 2;
inline constexpr unsigned kAuthorSlot = 3;
inline constexpr unsigned kMonthSlot = 4;
inline constexpr unsigned kThreadSlot = 5;
inline constexpr unsigned kSiteSlot = 6;
inline constexpr unsigned kTypeSlot = 7;

enum class Field {
  Id, Author, Type, Site, Thread, Tag, Category, ReplyTo, Year, Month, Day, Is,  // boolean
  Own, Quote, Topic,                                                        // free text
};

struct FieldInfo {
  Field field;
  std::string_view name;    // the query syntax name ("author" for author:); empty: no syntax
  std::string_view prefix;  // Xapian term prefix
  bool boolean;             // filter term (exact value) rather than free text
  bool folded;              // values pass through fold() at index and query time
};

// All fields, in the order of the enum.
std::span<const FieldInfo> fields();
const FieldInfo& field_info(Field field);
// The field a query name (e.g. "author") stands for; nullopt for unknown names.
std::optional<Field> field_by_name(std::string_view name);
// The field a term of the index belongs to: the one with the longest prefix the term starts
// with, where what follows is not a longer prefix's upper-case letter; own words (no prefix)
// when none is.
Field field_of_term(std::string_view term);
// The values a field takes when they are a fixed set (type: post, comment; is: edited, gone),
// folded; empty for a field that takes any value. The query refuses a value not listed here.
std::span<const std::string_view> closed_values(Field field);

// The term for `value` in a boolean field: prefix, ':' when needed, then the value (folded
// first for folded fields). Over-long values (Xapian's limit is 245 bytes) are cut and end in
// a hash of the whole value, the same way at index and query time.
std::string boolean_term(Field field, std::string_view value);

// Case folding and accent removal for names, tags and categories: Unicode case fold, NFKD,
// nonspacing marks dropped, NFC, whitespace runs collapsed to one space and trimmed.
// fold("Zoë  Ångström") == "zoe angstrom". Invalid UTF-8 is replaced (U+FFFD), never fatal.
std::string fold(std::string_view text);

// The date slot value and the Y/M/D term values for a Unix time (UTC).
std::string date_value(std::int64_t unix_seconds);  // "20221216093000"

}  // namespace fora::indexer
