// ThreadStore: the reading side (indexer, show).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "thread_store_internal.h"

namespace fora::archive {
namespace {

using json = nlohmann::json;

// One entry with its thread, its site and its latest version. Columns are read by
// read_entry() in this order.
// The parent is the one the entry's page named, else the entry of the page a reply link
// names as its parent page (a mail archive's thread index).
constexpr const char* kEntrySelect =
    "WITH e AS (SELECT c.*, CASE WHEN c.parent_native_id <> '' THEN c.parent_native_id ELSE"
    "   coalesce((SELECT p.native_id FROM reply_links r JOIN page_entries pe ON pe.url = r.parent_url"
    "             JOIN comments p ON p.id = pe.id"
    "             WHERE r.child_url = fora_full_url(c.url, (SELECT url FROM threads WHERE id = c.thread_id))"
    "             LIMIT 1), '') END AS parent FROM comments c)"
    " SELECT c.id, c.change_seq, c.kind, s.origin, t.id, t.native_id, t.url, t.title,"
    " t.categories, t.tags, c.native_id, c.author, c.published, c.parent, c.url,"
    " v.id, coalesce(v.dictionary_id, 0), v.text, v.quotes, c.first_seen, c.last_seen, c.gone_since,"
    // kind IN (...) lets the parent be found through the (thread_id, kind, native_id) key,
    // not by a walk over the thread's entries (quadratic in a thread of thousands).
    " (SELECT p.author FROM comments p WHERE c.parent <> '' AND p.thread_id = c.thread_id"
    "    AND p.kind IN ('comment', 'post') AND p.native_id = c.parent ORDER BY p.kind = 'comment' DESC LIMIT 1),"
    " c.date_precision, c.edited, t.gone_since, (SELECT count(*) FROM comment_versions WHERE comment_id = c.id)"
    " FROM e c JOIN threads t ON t.id = c.thread_id JOIN sites s ON s.id = t.site_id"
    " JOIN comment_versions v ON v.id = (SELECT max(id) FROM comment_versions WHERE comment_id = c.id)";

std::vector<std::string> strings(const std::string& text) {
  std::vector<std::string> out;
  const json a = json::parse(text, nullptr, false);
  if (a.is_array()) {
    for (const auto& v : a) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}

extract::DatePrecision precision_from_name(const std::string& name) {
  using extract::DatePrecision;
  for (DatePrecision p : {DatePrecision::Exact, DatePrecision::NoZone, DatePrecision::Day,
                          DatePrecision::Approximate})
    if (name == extract::precision_name(p)) return p;
  return DatePrecision::Exact;
}

// `tolerate`: words that do not decode are read as lost (the indexer goes on past them);
// else they are an error naming the entry (show).
Result<StoredEntry> read_entry(const EntryWords& a, const Statement& q, bool tolerate) {
  StoredEntry e;
  e.id = q.int64(0);
  e.change_seq = q.int64(1);
  e.kind = q.text(2);
  e.site = q.text(3);
  e.thread_id = q.int64(4);
  e.thread_native_id = q.text(5);
  e.thread_url = q.text(6);
  e.thread_title = q.text(7);
  e.categories = strings(q.text(8));
  e.tags = strings(q.text(9));
  e.entry.native_id = q.text(10);
  e.entry.author = q.text(11);
  e.entry.published = q.opt_int64(12);
  e.entry.parent_id = q.text(13);
  e.entry.url = full_url(q.text(14), e.thread_url);
  auto words = unpack_version(a, q.int64(15), q.int64(16), q.blob(17), q.blob(18));
  if (!words && !tolerate) {
    return make_error(Errc::Corrupt, fmt::format("the words of {} {} are damaged in the catalog: {}", e.kind, e.id,
                                                 words.error().message),
                      words.error().hint);
  }
  if (words) {
    e.entry.text = std::move(words->text);
    e.entry.quotes = std::move(words->quotes);
  }
  e.words_lost = !words || words->lost;
  e.first_seen = q.int64(19);
  e.last_seen = q.int64(20);
  e.gone_since = q.opt_int64(21);
  e.parent_author = q.text(22);
  e.entry.precision = precision_from_name(q.text(23));
  e.entry.edited = q.opt_int64(24);
  e.thread_gone_since = q.opt_int64(25);
  e.versions = q.int64(26);
  return e;
}

Result<std::int64_t> scalar(const ThreadStore::Internal& a, const char* sql) {
  auto q = a.sql(sql);
  if (!q) return q.error();
  FORA_TRY((*q)->step());
  return (*q)->int64(0);
}

}  // namespace

Status ThreadStore::for_each_entry(std::int64_t since,
                               const std::function<Status(const StoredEntry&)>& fn) const {
  static const std::string sql = std::string(kEntrySelect) + " WHERE c.change_seq > ? ORDER BY c.change_seq";
  auto q = in_->sql(sql.c_str());
  if (!q) return q.error();
  (*q)->bind(1, since);
  return (*q)->each([&](const Statement& r) -> Status {
    auto e = read_entry(in_->words, r, true);
    if (!e) return e.error();
    return fn(*e);
  });
}

Result<StoredEntry> ThreadStore::entry(std::int64_t id) const {
  static const std::string sql = std::string(kEntrySelect) + " WHERE c.id = ?";
  auto q = in_->sql(sql.c_str());
  if (!q) return q.error();
  auto row = (*q)->bind(1, id).step();
  if (!row) return row.error();
  if (!*row) {
    return make_error(Errc::NotFound, fmt::format("no post or comment with ID {}", id),
                      "IDs are the numbers `fora search` prints");
  }
  return read_entry(in_->words, **q, false);
}

Result<std::vector<StoredEntry>> ThreadStore::thread_entries(std::int64_t thread_id) const {
  static const std::string sql = std::string(kEntrySelect) +
                                 " WHERE c.thread_id = ? ORDER BY c.kind = 'comment',"
                                 " c.published, c.id";
  auto q = in_->sql(sql.c_str());
  if (!q) return q.error();
  (*q)->bind(1, thread_id);
  std::vector<StoredEntry> out;
  FORA_TRY((*q)->each([&](const Statement& r) -> Status {
    auto e = read_entry(in_->words, r, false);
    if (!e) return e.error();
    out.push_back(std::move(*e));
    return ok();
  }));
  return out;
}

Result<std::vector<EntryVersion>> ThreadStore::entry_versions(std::int64_t id) const {
  // The latest version's shown fields are its entry's own (NULL in the version).
  auto q = in_->sql(
      "SELECT v.id, coalesce(v.dictionary_id, 0), v.text, v.quotes, v.seen_at, v.last_seen IS NULL,"
      " coalesce(v.last_seen, c.last_seen), coalesce(v.author, c.author),"
      " CASE WHEN v.last_seen IS NULL THEN c.published ELSE v.published END,"
      " coalesce(v.date_precision, c.date_precision),"
      " CASE WHEN v.last_seen IS NULL THEN c.edited ELSE v.edited END"
      " FROM comment_versions v JOIN comments c ON c.id = v.comment_id WHERE v.comment_id = ? ORDER BY v.id");
  if (!q) return q.error();
  (*q)->bind(1, id);
  std::vector<EntryVersion> out;
  FORA_TRY((*q)->each([&](const Statement& r) -> Status {
    auto words = unpack_version(in_->words, r.int64(0), r.int64(1), r.blob(2), r.blob(3));
    if (!words) {
      return make_error(Errc::Corrupt, fmt::format("the words of entry {} are damaged in the catalog: {}", id,
                                                   words.error().message),
                        words.error().hint);
    }
    out.push_back({r.int64(4), r.int64(6), r.text(7), r.opt_int64(8), precision_from_name(r.text(9)), r.opt_int64(10),
                   std::move(words->text), std::move(words->quotes), words->lost});
    return ok();
  }));
  return out;
}

Result<std::vector<ThreadVersion>> ThreadStore::thread_versions(std::int64_t thread_id) const {
  auto q = in_->sql(
      "SELECT v.seen_at, coalesce(v.last_seen, t.last_seen), v.title, v.categories, v.tags FROM thread_versions v"
      " JOIN threads t ON t.id = v.thread_id WHERE v.thread_id = ? ORDER BY v.id");
  if (!q) return q.error();
  (*q)->bind(1, thread_id);
  std::vector<ThreadVersion> out;
  FORA_TRY((*q)->each([&](const Statement& r) {
    out.push_back({r.int64(0), r.int64(1), r.text(2), strings(r.text(3)), strings(r.text(4))});
  }));
  return out;
}

Result<std::vector<ThreadStore::GoneMark>> ThreadStore::gone_marks(std::int64_t id) const {
  auto q = in_->sql("SELECT gone_at, back_at FROM gone_marks WHERE comment_id = ? ORDER BY id");
  if (!q) return q.error();
  (*q)->bind(1, id);
  std::vector<GoneMark> out;
  FORA_TRY((*q)->each([&](const Statement& r) {
    out.push_back({r.int64(0), r.opt_int64(1)});
  }));
  return out;
}

Result<std::int64_t> ThreadStore::max_change_seq() const {
  return scalar(*in_, "SELECT coalesce(max(change_seq), 0) FROM comments");
}

Result<std::vector<std::pair<int, std::int64_t>>> ThreadStore::entries_by_year() const {
  auto q = in_->sql(
      "SELECT coalesce(CAST(strftime('%Y', published, 'unixepoch') AS INTEGER), 0) AS year, count(*)"
      " FROM comments GROUP BY year ORDER BY year");
  if (!q) return q.error();
  std::vector<std::pair<int, std::int64_t>> out;
  FORA_TRY((*q)->each([&](const Statement& r) { out.emplace_back(static_cast<int>(r.int64(0)), r.int64(1)); }));
  return out;
}

}  // namespace fora::archive
