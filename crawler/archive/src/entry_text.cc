#include "entry_text.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fora::archive {
namespace {

using json = nlohmann::json;

// The level versions are compressed at while crawling (compact recompresses at its own).
constexpr int kTextLevel = 3;
// A text dictionary's size, and the versions it is trained from: 64 KiB from 2,000 texts
// kept 0.324 of the raw bytes at level 3 on the bench site, 32 KiB 0.331, 128 KiB 0.321.
constexpr std::size_t kTextDictionaryBytes = 64 << 10;
constexpr std::int64_t kTextSamples = 20000;
constexpr std::size_t kTextSampleBytes = 4 << 20;

Result<std::string> pack(std::string_view plain, const Dictionary* dict, int level) {
  if (plain.empty()) return std::string();
  return compress_row_frame(plain, dict, level);
}

Result<std::string> unpack(std::string_view packed, const Dictionary* dict) {
  if (packed.empty()) return std::string();
  return decompress_row_frame(packed, dict);
}

// What `fora verify --repair` writes in place of words that no longer decode: an empty
// skippable frame, which no compressor writes for a row.
constexpr std::string_view kLostWords("\x5e\x2a\x4d\x18\0\0\0\0", 8);

// Saves a trained dictionary as the site's latest.
Status save(EntryWords& a, std::int64_t site_id, std::string bytes, int level, std::int64_t now) {
  auto ins = a.sql("INSERT INTO text_dictionaries(site_id, created_at, dictionary) VALUES(?, ?, ?)");
  if (!ins) return ins.error();
  FORA_TRY((*ins)->bind(1, site_id).bind(2, now).bind_blob(3, bytes).run());
  const std::int64_t id = sqlite3_last_insert_rowid(a.db());
  auto dict = Dictionary::load(id, std::move(bytes), level);
  if (!dict) return dict.error();
  a.text_dictionaries[id] = *dict;
  a.site_text_dictionaries[site_id] = *dict;
  return ok();
}

// How many versions of the site are stored without a text dictionary.
Result<std::int64_t> count_without(const EntryWords& a, std::int64_t site_id) {
  auto q = a.sql(
      "SELECT count(*) FROM comment_versions v JOIN comments c ON c.id = v.comment_id"
      " JOIN threads t ON t.id = c.thread_id WHERE t.site_id = ? AND v.dictionary_id IS NULL");
  if (!q) return q.error();
  FORA_TRY((*q)->bind(1, site_id).step());
  return (*q)->int64(0);
}

// An SQL function's text argument (NULL: empty).
std::string_view text_arg(sqlite3_value* v) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return p == nullptr ? std::string_view() : std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v)));
}

void sql_relative_url(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const std::string out = relative_url(text_arg(argv[0]), text_arg(argv[1]));
  sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

void sql_full_url(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const std::string out = full_url(text_arg(argv[0]), text_arg(argv[1]));
  sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

void sql_pack(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* p = static_cast<const char*>(sqlite3_value_blob(argv[0]));
  const std::string_view plain(p == nullptr ? "" : p, static_cast<std::size_t>(sqlite3_value_bytes(argv[0])));
  auto packed = pack(plain, nullptr, kTextLevel);
  if (!packed) {
    sqlite3_result_error(ctx, packed.error().message.c_str(), -1);
    return;
  }
  sqlite3_result_blob(ctx, packed->empty() ? "" : packed->data(), static_cast<int>(packed->size()), SQLITE_TRANSIENT);
}

}  // namespace

std::string lost_words() { return std::string(kLostWords); }

std::string quotes_json(const std::vector<extract::Quote>& quotes) {
  if (quotes.empty()) return {};
  json a = json::array();
  for (const auto& q : quotes) a.push_back({{"author", q.author}, {"text", q.text}});
  return a.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<extract::Quote> quotes_from_json(std::string_view text) {
  std::vector<extract::Quote> out;
  if (text.empty()) return out;
  const json a = json::parse(text, nullptr, false);
  if (!a.is_array()) return out;
  for (const auto& v : a) {
    if (v.is_object()) out.push_back({v.value("author", ""), v.value("text", "")});
  }
  return out;
}

std::string relative_url(std::string_view url, std::string_view thread_url) {
  if (thread_url.empty() || !url.starts_with(thread_url)) return std::string(url);
  const std::string_view rest = url.substr(thread_url.size());
  if (rest.find("://") != std::string_view::npos) return std::string(url);  // would read as whole
  return std::string(rest);
}

std::string full_url(std::string_view stored, std::string_view thread_url) {
  if (stored.find("://") != std::string_view::npos) return std::string(stored);
  return std::string(thread_url) + std::string(stored);
}

Status register_catalog_functions(sqlite3* db) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
  if (sqlite3_create_function(db, "fora_relative_url", 2, flags, nullptr, &sql_relative_url, nullptr, nullptr) != SQLITE_OK ||
      sqlite3_create_function(db, "fora_full_url", 2, flags, nullptr, &sql_full_url, nullptr, nullptr) != SQLITE_OK ||
      sqlite3_create_function(db, "fora_pack", 1, flags, nullptr, &sql_pack, nullptr, nullptr) != SQLITE_OK) {
    return sqlite_error(db, "registering the catalog's SQL functions");
  }
  return ok();
}

Result<std::shared_ptr<const Dictionary>> text_dictionary(const EntryWords& a, std::int64_t id) {
  if (id == 0) return std::shared_ptr<const Dictionary>();
  if (auto found = a.text_dictionaries.find(id); found != a.text_dictionaries.end()) return found->second;
  auto q = a.sql("SELECT dictionary FROM text_dictionaries WHERE id = ?");
  if (!q) return q.error();
  auto row = (*q)->bind(1, id).step();
  if (!row) return row.error();
  if (!*row) return make_error(Errc::Corrupt, fmt::format("the catalog names text dictionary {}, which it does not hold", id));
  auto d = Dictionary::load(id, (*q)->blob(0), Dictionary::kDecompressOnly);
  if (!d) return d.error();
  a.text_dictionaries.emplace(id, *d);
  return *d;
}

Result<std::unordered_map<std::int64_t, std::shared_ptr<const Dictionary>>> latest_text_dictionaries(
    const EntryWords& a, int level) {
  auto q = a.sql(
      "SELECT site_id, id, dictionary FROM text_dictionaries"
      " WHERE id IN (SELECT max(id) FROM text_dictionaries GROUP BY site_id)");
  if (!q) return q.error();
  std::unordered_map<std::int64_t, std::shared_ptr<const Dictionary>> by_site;
  FORA_TRY((*q)->each([&](const Statement& r) -> Status {
    auto dict = Dictionary::load(r.int64(1), r.blob(2), level);
    if (!dict) return dict.error();
    by_site[r.int64(0)] = *dict;
    return ok();
  }));
  return by_site;
}

Status load_site_text_dictionaries(EntryWords& a) {
  auto latest = latest_text_dictionaries(a, kTextLevel);
  if (!latest) return latest.error();
  for (const auto& [site, dict] : *latest) {
    a.text_dictionaries[dict->id()] = dict;
    a.site_text_dictionaries[site] = dict;
  }
  return ok();
}

Result<bool> train_text_dictionary(EntryWords& a, std::int64_t site_id, int level, std::int64_t now) {
  static const std::string sql =
      "SELECT v.id, coalesce(v.dictionary_id, 0), v.text FROM comment_versions v"
      " JOIN comments c ON c.id = v.comment_id JOIN threads t ON t.id = c.thread_id"
      " WHERE t.site_id = ? AND length(v.text) > 0 ORDER BY " + spread_order("v.id") + " LIMIT ?";
  auto q = a.sql(sql.c_str());
  if (!q) return q.error();
  (*q)->bind(1, site_id).bind(2, kTextSamples);
  std::vector<std::string> samples;
  std::size_t bytes = 0;
  for (;;) {
    auto row = (*q)->step();
    if (!row) return row.error();
    if (!*row) break;
    auto dict = text_dictionary(a, (*q)->int64(1));
    if (!dict) return dict.error();
    auto text = unpack((*q)->blob(2), dict->get());
    if (!text) return make_error(Errc::Corrupt, fmt::format("version {}: {}", (*q)->int64(0), text.error().message));
    bytes += text->size();
    samples.push_back(std::move(*text));
    if (bytes >= kTextSampleBytes) break;
  }
  // ZDICT wants ten times the dictionary's size to learn from, at least.
  if (bytes < 10 * kTextDictionaryBytes) return false;
  auto trained = train_dictionary(samples, kTextDictionaryBytes);
  if (!trained) return false;  // too alike to learn from: the site's texts go without
  FORA_TRY(save(a, site_id, std::move(*trained), level, now));
  return true;
}

Result<PackedVersion> pack_version(EntryWords& a, std::int64_t site_id, const extract::Entry& e, std::int64_t now) {
  auto found = a.site_text_dictionaries.find(site_id);
  if (found == a.site_text_dictionaries.end() && a.text_train_after > 0) {
    auto [count, first] = a.texts_without_dictionary.try_emplace(site_id, 0);
    if (first) {
      auto n = count_without(a, site_id);
      if (!n) return n.error();
      count->second = *n;
    }
    if (++count->second >= a.text_train_after) {
      auto trained = train_text_dictionary(a, site_id, kTextLevel, now);
      if (!trained) return trained.error();
      // Untrainable: try again once as many more versions are stored.
      count->second = *trained ? 0 : -count->second;
      found = a.site_text_dictionaries.find(site_id);
    }
  }
  return pack_words(e.text, e.quotes, found == a.site_text_dictionaries.end() ? nullptr : found->second.get(),
                    kTextLevel);
}

Result<PackedVersion> pack_words(const std::string& text, const std::vector<extract::Quote>& quotes,
                                 const Dictionary* dict, int level) {
  PackedVersion out;
  out.dictionary_id = dict == nullptr ? 0 : dict->id();
  auto packed_text = pack(text, dict, level);
  if (!packed_text) return packed_text.error();
  auto packed_quotes = pack(quotes_json(quotes), dict, level);
  if (!packed_quotes) return packed_quotes.error();
  out.text = std::move(*packed_text);
  out.quotes = std::move(*packed_quotes);
  return out;
}

Result<UnpackedVersion> unpack_version(const EntryWords& a, std::int64_t version_id, std::int64_t dictionary_id,
                                       std::string_view text, std::string_view quotes) {
  if (text == kLostWords) return UnpackedVersion{{}, {}, true};
  auto dict = text_dictionary(a, dictionary_id);
  auto plain = dict ? unpack(text, dict->get()) : Result<std::string>(dict.error());
  auto quoted = plain ? unpack(quotes, dict->get()) : Result<std::string>(plain.error());
  if (!quoted) {
    return make_error(Errc::Corrupt, fmt::format("catalog.db: version {} of a post or comment is damaged ({})",
                                                 version_id, quoted.error().message),
                      "`fora verify --repair` marks its words lost and queues its page to be read again");
  }
  return UnpackedVersion{std::move(*plain), quotes_from_json(*quoted)};
}

}  // namespace fora::archive
