// How the catalog keeps an entry's words and its URL (schema 6), lean: the words are also in
// the snapshot the entry was read from, so the catalog holds them compressed, and a URL
// mostly repeats its thread's.
//
// comment_versions.text and .quotes (the JSON array [{author,text}]) are each a zstd frame
// (compress_row_frame), compressed with the site's text dictionary that dictionary_id names
// (NULL: none); an empty blob is an empty text, or no quotes. A frame carries zstd's
// 4-byte content checksum, which every read checks; frames written before fora kept one
// (schema 8 and older, until a `fora compact`) have none and are checked by decoding only
// (a flag flipped by damage leaves 4 bytes the decoder refuses, so it is caught too).
// Words that `fora verify --repair` found damaged are replaced by lost_words() (text) and
// '' (quotes): an empty skippable frame, which reads as UnpackedVersion::lost. A site gets its text
// dictionary once it has stored text_train_after versions, trained from them; `fora compact`
// trains one for a site that has none and recompresses every version with its site's
// latest at its level. On the bench site's comments, 64 KiB trained from 2,000 texts keeps
// 0.32 of the raw bytes at level 3 and 0.28 at level 19, against 0.59 without.
//
// comments.url holds what follows the thread's URL when the entry's URL starts with it
// ("#comment-5", "comment-page-2/#comment-9", or "" for the thread's own page), else the
// whole URL; a value holding "://" is a whole URL.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "fora/extract/thread.h"
#include "fora/result.h"
#include "catalog.h"
#include "zstd_frames.h"

namespace fora::archive {

// The text dictionaries (text_dictionaries): by id, loaded on first use (readers too); each
// site's latest, by site id, and how many versions each site stored without one (writer).
// Part of the thread store's state; the captures' compaction and repair use it too.
struct EntryWords : OnCatalog {
  explicit EntryWords(Catalog& c) : OnCatalog{c} {}
  mutable std::unordered_map<std::int64_t, std::shared_ptr<const Dictionary>> text_dictionaries;
  std::unordered_map<std::int64_t, std::shared_ptr<const Dictionary>> site_text_dictionaries;
  std::unordered_map<std::int64_t, std::int64_t> texts_without_dictionary;
  std::int64_t text_train_after = 2000;  // versions a site stores before its text dictionary is trained
};

// comment_versions' columns for one version.
struct PackedVersion {
  std::int64_t dictionary_id = 0;  // 0: NULL
  std::string text, quotes;
};

// `text` and `quotes` as comment_versions holds them, compressed with `dict` (null: none)
// at `level`. Thread-safe.
Result<PackedVersion> pack_words(const std::string& text, const std::vector<extract::Quote>& quotes,
                                 const Dictionary* dict, int level);

// The words of an entry of site `site_id` as a new version stores them: with the site's
// text dictionary, training one first when the site has stored enough versions (writer).
Result<PackedVersion> pack_version(EntryWords& a, std::int64_t site_id, const extract::Entry& e, std::int64_t now);

// The text and quotes a stored version holds. Errors: Corrupt (naming the version).
struct UnpackedVersion {
  std::string text;
  std::vector<extract::Quote> quotes;
  bool lost = false;  // repaired after damage: the words are gone (text and quotes empty)
};
// The text blob of a version whose words were lost to damage.
std::string lost_words();
Result<UnpackedVersion> unpack_version(const EntryWords& a, std::int64_t version_id,
                                       std::int64_t dictionary_id, std::string_view text,
                                       std::string_view quotes);

// Each site's latest text dictionary, by site id, made for compressing at `level`.
Result<std::unordered_map<std::int64_t, std::shared_ptr<const Dictionary>>> latest_text_dictionaries(
    const EntryWords& a, int level);
// Text dictionaries of the writer: each site's latest loaded on open.
Status load_site_text_dictionaries(EntryWords& a);
// Trains a text dictionary for `site_id` from versions drawn from all of its, and makes it the site's
// latest (compressing at `level`), created at `now`. False when the site has too few texts to train on.
Result<bool> train_text_dictionary(EntryWords& a, std::int64_t site_id, int level, std::int64_t now);
// Text dictionary `id`, loaded to decompress on first use.
Result<std::shared_ptr<const Dictionary>> text_dictionary(const EntryWords& a, std::int64_t id);

// The quotes as the JSON comment_versions.quotes holds ("" when there are none), and back.
std::string quotes_json(const std::vector<extract::Quote>& quotes);
std::vector<extract::Quote> quotes_from_json(std::string_view json);

// comments.url of `url` in a thread at `thread_url`, and the whole URL back.
std::string relative_url(std::string_view url, std::string_view thread_url);
std::string full_url(std::string_view stored, std::string_view thread_url);

// SQL functions the catalog's upgrades and queries use, on connection `db`:
//   fora_relative_url(url, thread_url), fora_full_url(stored, thread_url),
//   fora_pack(text): a row frame without dictionary ('' stays '').
Status register_catalog_functions(sqlite3* db);

}  // namespace fora::archive
