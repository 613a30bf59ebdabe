#include "records.h"

#include <initializer_list>

#include "fora/archive/http_response.h"
#include "fora/url/url.h"

namespace fora::cli {
namespace {

using Fields = std::vector<std::string_view>;

const Fields kEntryFields = {
    "v",          "id",        "type",          "site",     "thread_id",      "thread_native_id", "thread_title",
    "thread_url", "categories", "tags",         "native_id", "parent_id",     "parent_author",    "author",
    "date",       "date_precision", "edited",   "url",       "text",          "quotes",           "first_seen",
    "last_seen",  "gone_since", "thread_gone_since", "words_lost"};

Fields entry_and(std::initializer_list<std::string_view> more) {
  Fields fields = kEntryFields;
  fields.insert(fields.end(), more);
  return fields;
}

nlohmann::ordered_json quotes_of(const std::vector<extract::Quote>& quotes) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& q : quotes) out.push_back({{"author", q.author}, {"text", q.text}});
  return out;
}

nlohmann::ordered_json precision_or_null(const std::optional<std::int64_t>& date, extract::DatePrecision p) {
  return date ? nlohmann::ordered_json(extract::precision_name(p)) : nlohmann::ordered_json(nullptr);
}

}  // namespace

const RecordKind& entry_kind() {
  static const RecordKind kind{"entry", kEntryFields};
  return kind;
}
const RecordKind& hit_kind() {
  static const RecordKind kind{"hit", entry_and({"snippet", "score", "thread_hits"})};
  return kind;
}
const RecordKind& shown_kind() {
  static const RecordKind kind{"shown",
                               entry_and({"parents", "replies", "versions", "thread_versions", "gone", "depth", "shown"})};
  return kind;
}
const RecordKind& extracted_kind() {
  static const RecordKind kind{"extracted", entry_and({"reader"})};
  return kind;
}
const RecordKind& facet_kind() {
  static const RecordKind kind{"facet", {"v", "facet", "value", "count", "thread_title"}};
  return kind;
}
const RecordKind& thread_kind() {
  static const RecordKind kind{"thread",
                               {"v", "thread_id", "site", "thread_title", "thread_url", "posts", "comments", "first_date",
                                "last_date", "participants", "matches"}};
  return kind;
}
const RecordKind& author_kind() {
  static const RecordKind kind{"author",
                               {"v", "author", "entries", "posts", "comments", "first_date", "last_date", "threads",
                                "top_threads"}};
  return kind;
}
const RecordKind& stats_kind() {
  static const RecordKind kind{"stats",
                               {"v", "sites", "pages", "captures", "threads", "posts", "comments",
                                "comment_versions", "authors", "edited", "gone", "snapshot_bytes", "catalog_bytes",
                                "index_bytes", "per_site"}};
  return kind;
}
const RecordKind& run_kind() {
  static const RecordKind kind{"run",
                               {"v", "run", "command", "started", "ended", "pages_fetched", "new", "edited", "gone",
                                "errors", "exit_code", "outcome"}};
  return kind;
}

std::span<const RecordKind* const> record_kinds() {
  static const RecordKind* const kinds[] = {&entry_kind(),  &hit_kind(),    &shown_kind(),  &extracted_kind(),
                                            &facet_kind(),  &thread_kind(), &author_kind(), &stats_kind(),
                                            &run_kind()};
  return kinds;
}

nlohmann::ordered_json utc_or_null(const std::optional<std::int64_t>& unix_seconds) {
  return unix_seconds ? nlohmann::ordered_json(archive::format_utc(*unix_seconds)) : nlohmann::ordered_json(nullptr);
}

namespace {

// The fields of entry_kind() in order: `head` (v to tags: the entry's place), what its page
// shows (`x`, and its parent's author), then `tail` (first_seen to words_lost: what fora saw).
Record entry_fields(Record head, const extract::Entry& x, std::string_view parent_author, const Record& tail) {
  head["native_id"] = x.native_id;
  head["parent_id"] = x.parent_id;
  head["parent_author"] = parent_author;
  head["author"] = x.author;
  head["date"] = utc_or_null(x.published);
  head["date_precision"] = precision_or_null(x.published, x.precision);
  head["edited"] = utc_or_null(x.edited);
  head["url"] = x.url;
  head["text"] = x.text;
  head["quotes"] = quotes_of(x.quotes);
  for (const auto& [field, value] : tail.items()) head[field] = value;
  return head;
}

}  // namespace

Record entry_record(const archive::StoredEntry& e) {
  return entry_fields({{"v", kRecordVersion},
                       {"id", e.id},
                       {"type", e.kind},
                       {"site", e.site},
                       {"thread_id", e.thread_id},
                       {"thread_native_id", e.thread_native_id},
                       {"thread_title", e.thread_title},
                       {"thread_url", e.thread_url},
                       {"categories", e.categories},
                       {"tags", e.tags}},
                      e.entry, e.parent_author,
                      {{"first_seen", archive::format_utc(e.first_seen)},
                       {"last_seen", archive::format_utc(e.last_seen)},
                       {"gone_since", utc_or_null(e.gone_since)},
                       {"thread_gone_since", utc_or_null(e.thread_gone_since)},
                       {"words_lost", e.words_lost}});
}

Record entry_record(const extract::Entry& x, std::string_view type, const extract::ThreadPage& thread) {
  // What the catalog would know and one page does too: the site, and who the parent was when
  // it is on the same page.
  auto url = Url::parse(thread.thread_url);
  std::string parent_author;
  if (!x.parent_id.empty()) {
    if (thread.post && thread.post->native_id == x.parent_id) parent_author = thread.post->author;
    for (const auto& c : thread.comments)
      if (c.native_id == x.parent_id) parent_author = c.author;
  }
  return entry_fields({{"v", kRecordVersion},
                       {"id", nullptr},
                       {"type", type},
                       {"site", url ? nlohmann::ordered_json(std::string(url->origin())) : nlohmann::ordered_json(nullptr)},
                       {"thread_id", nullptr},
                       {"thread_native_id", thread.thread_id},
                       {"thread_title", thread.title},
                       {"thread_url", thread.thread_url},
                       {"categories", thread.categories},
                       {"tags", thread.tags}},
                      x, parent_author,
                      {{"first_seen", nullptr},
                       {"last_seen", nullptr},
                       {"gone_since", nullptr},
                       {"thread_gone_since", nullptr},
                       {"words_lost", false}});
}

Record missing_entry_record(std::int64_t id) {
  Record r;
  for (std::string_view field : kEntryFields) r[std::string(field)] = nullptr;
  r["v"] = kRecordVersion;
  r["id"] = id;
  r["words_lost"] = false;
  return r;
}

Record hit_record(const query::Hit& h, bool by_thread) {
  Record r = h.entry ? entry_record(*h.entry) : missing_entry_record(h.id);
  r["snippet"] = marked_snippet(h.snippet);
  r["score"] = h.score;
  r["thread_hits"] = by_thread ? nlohmann::ordered_json(h.thread_hits) : nlohmann::ordered_json(nullptr);
  return r;
}

Record facet_record(const query::FacetResult& f, const query::FacetCount& c) {
  return {{"v", kRecordVersion},
          {"facet", query::facet_name(f.facet)},
          {"value", c.value},
          {"count", c.count},
          {"thread_title", f.facet == query::Facet::Thread ? nlohmann::ordered_json(c.label) : nlohmann::ordered_json(nullptr)}};
}

std::string marked_snippet(const query::Snippet& s) {
  std::string marked;
  std::size_t at = 0;
  for (const auto& span : s.highlights) {
    if (span.begin < at || span.begin + span.length > s.text.size()) continue;
    marked += s.text.substr(at, span.begin - at) + "**" + s.text.substr(span.begin, span.length) + "**";
    at = span.begin + span.length;
  }
  return marked + s.text.substr(at);
}

Record stats_record(const archive::Stats& s) {
  Record r = {{"v", kRecordVersion},
              {"sites", s.sites},
              {"pages", s.pages},
              {"captures", s.captures},
              {"threads", s.threads},
              {"posts", s.posts},
              {"comments", s.comments},
              {"comment_versions", s.comment_versions},
              {"authors", s.authors},
              {"edited", s.edited},
              {"gone", s.gone},
              {"snapshot_bytes", s.snapshot_bytes},
              {"catalog_bytes", s.catalog_bytes},
              {"index_bytes", s.index_bytes},
              {"per_site", nlohmann::ordered_json::array()}};
  for (const auto& site : s.per_site)
    r["per_site"].push_back({{"site", site.origin}, {"threads", site.threads}, {"entries", site.entries},
                             {"edited", site.edited}, {"gone", site.gone}});
  return r;
}

Record run_record(const archive::RunRecord& r) {
  const bool ended = r.ended_at.has_value();
  return {{"v", kRecordVersion},
          {"run", r.id},
          {"command", r.command},
          {"started", archive::format_utc(r.started_at)},
          {"ended", utc_or_null(r.ended_at)},
          {"pages_fetched", r.pages_fetched},
          {"new", r.entries_new},
          {"edited", r.entries_edited},
          {"gone", r.entries_gone},
          {"errors", r.errors},
          {"exit_code", ended ? nlohmann::ordered_json(r.exit_code) : nlohmann::ordered_json(nullptr)},
          {"outcome", ended ? nlohmann::ordered_json(r.outcome) : nlohmann::ordered_json(nullptr)}};
}

nlohmann::ordered_json version_record(const archive::EntryVersion& v) {
  return {{"seen_at", archive::format_utc(v.seen_at)},
          {"last_seen", archive::format_utc(v.last_seen)},
          {"author", v.author},
          {"date", utc_or_null(v.published)},
          {"date_precision", precision_or_null(v.published, v.precision)},
          {"edited", utc_or_null(v.edited)},
          {"text", v.text},
          {"quotes", quotes_of(v.quotes)},
          {"words_lost", v.words_lost}};
}

nlohmann::ordered_json thread_version_record(const archive::ThreadVersion& v) {
  return {{"seen_at", archive::format_utc(v.seen_at)},
          {"last_seen", archive::format_utc(v.last_seen)},
          {"title", v.title},
          {"categories", v.categories},
          {"tags", v.tags}};
}

}  // namespace fora::cli
