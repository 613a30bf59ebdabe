// Archive: per-site zstd dictionaries. A site's pages share their template (markup, styles,
// scripts, boilerplate), which a dictionary trained on them holds once instead of in every
// record: on the bench site's pages, level 3 with a 256 KiB dictionary stores 0.087 of the
// raw bytes against 0.179 without (tools/bench/archive).
#include <fmt/format.h>

#include "captures_internal.h"
#include "fora/url/url.h"

namespace fora::archive {
namespace {

// The samples a dictionary is trained from: this many of the site's records at most, drawn
// from all of them (spread_order). The latest alone are not a site: at the end of a crawl
// they were 855 listing pages of 1,000 on the bench site, and a 1 MiB dictionary trained on
// them kept 15% more bytes than a 256 KiB one trained on the first pages.
constexpr std::size_t kSampleCaptures = 1000;
constexpr std::size_t kSampleBytes = 64 << 20;

Result<std::vector<std::string>> samples_of(const Captures::Internal& a, std::int64_t site_id) {
  static const std::string sql =
      "SELECT c.segment_id, c.offset, c.length FROM captures c JOIN pages p ON p.id = c.page_id"
      " WHERE p.site_id = ? AND c.refers_to IS NULL ORDER BY " + spread_order("c.id") + " LIMIT ?";
  auto q = a.sql(sql.c_str());
  if (!q) return q.error();
  (*q)->bind(1, site_id).bind(2, static_cast<std::int64_t>(kSampleCaptures));
  std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> where;
  FORA_TRY((*q)->each([&](const Statement& r) {
    where.emplace_back(r.int64(0), r.int64(1), r.int64(2));
  }));
  std::vector<std::string> samples;
  std::size_t bytes = 0;
  for (const auto& [segment, offset, length] : where) {
    auto records = capture_records(a, segment, offset, length);
    if (!records) continue;  // a damaged record is no sample (`fora verify` names it)
    for (auto& r : *records) {
      bytes += r.size();
      samples.push_back(std::move(r));
    }
    if (bytes > kSampleBytes) break;
  }
  return samples;
}

// Saves a trained dictionary and hands it out for the site's next records.
Status save(Captures::Internal& a, const std::string& origin, std::int64_t site_id, std::string bytes, std::int64_t now) {
  auto ins = a.sql("INSERT INTO dictionaries(site_id, created_at, dictionary) VALUES(?, ?, ?)");
  if (!ins) return ins.error();
  FORA_TRY((*ins)->bind(1, site_id).bind(2, now).bind_blob(3, bytes).run());
  const std::int64_t id = sqlite3_last_insert_rowid(a.db());
  auto dict = Dictionary::load(id, std::move(bytes), kRecordLevel);
  if (!dict) return dict.error();
  a.dictionaries[id] = *dict;
  std::lock_guard lock(a.site_dictionaries_mutex);
  a.site_dictionaries[origin] = *dict;
  return ok();
}

Status collect(Captures::Internal& a, bool wait) {
  if (!a.training) return ok();
  auto& t = *a.training;
  if (!wait && t.dictionary.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return ok();
  auto trained = t.dictionary.get();
  const std::string origin = t.origin;
  const std::int64_t site_id = t.site_id;
  const std::size_t replaces = t.replaces;
  a.training.reset();
  if (!trained) {
    a.untrainable.insert(origin);  // this session stores the site's records without one
    return ok();
  }
  if (trained->size() <= replaces) return ok();
  return save(a, origin, site_id, std::move(*trained), a.catalog.now());
}

}  // namespace

Status load_site_dictionaries(Captures::Internal& a) {
  auto q = a.sql(
      "SELECT s.origin, d.id, d.dictionary FROM dictionaries d JOIN sites s ON s.id = d.site_id"
      " WHERE d.id IN (SELECT max(id) FROM dictionaries GROUP BY site_id)");
  if (!q) return q.error();
  return (*q)->each([&](const Statement& r) -> Status {
    auto dict = Dictionary::load(r.int64(1), r.blob(2), kRecordLevel);
    if (!dict) return dict.error();
    a.dictionaries[(*dict)->id()] = *dict;
    std::lock_guard lock(a.site_dictionaries_mutex);
    a.site_dictionaries[r.text(0)] = *dict;
    return ok();
  });
}

Status after_capture(Captures::Internal& a, const std::string& origin, std::int64_t site_id, bool had_dictionary) {
  FORA_TRY(collect(a, false));
  if (a.train_after <= 0 || had_dictionary || a.training || a.untrainable.count(origin)) return ok();
  {
    std::lock_guard lock(a.site_dictionaries_mutex);
    if (a.site_dictionaries.count(origin)) return ok();
  }
  auto [count, first] = a.undictionaried.try_emplace(origin, 0);
  if (first) {
    // The first capture of the site in this session: count what earlier ones stored.
    auto q = a.sql("SELECT count(*) FROM captures c JOIN pages p ON p.id = c.page_id WHERE p.site_id = ?");
    if (!q) return q.error();
    FORA_TRY((*q)->bind(1, site_id).step());
    count->second = (*q)->int64(0);
  } else {
    ++count->second;
  }
  if (count->second < a.train_after) return ok();
  return start_training(a, origin, site_id);
}

Status start_training(Captures::Internal& a, const std::string& origin, std::int64_t site_id, std::size_t capacity,
                      std::size_t replaces) {
  auto samples = samples_of(a, site_id);
  if (!samples) return samples.error();
  std::size_t bytes = 0;
  for (const auto& s : *samples) bytes += s.size();
  if (capacity == 0) capacity = a.dictionary_bytes;
  capacity = std::min(capacity, std::max(bytes / 10, a.dictionary_bytes));
  if (capacity <= replaces) return ok();  // too few samples for a larger one
  a.training = Captures::Internal::Training{origin, site_id,
                                       std::async(std::launch::async, [samples = std::move(*samples), capacity] {
                                         return train_dictionary(samples, capacity);
                                       }),
                                       replaces};
  return ok();
}

Status finish_training(Captures::Internal& a) { return collect(a, true); }

std::shared_ptr<const Dictionary> Captures::dictionary_for(std::string_view url) const {
  const std::string origin = url_origin(url);
  std::lock_guard lock(in_->site_dictionaries_mutex);
  const auto found = in_->site_dictionaries.find(origin);
  return found == in_->site_dictionaries.end() ? nullptr : found->second;
}

void Captures::set_dictionary_policy(std::int64_t train_after, std::size_t bytes) {
  in_->train_after = train_after;
  in_->dictionary_bytes = bytes;
}

void Captures::set_text_dictionary_policy(std::int64_t train_after) { in_->words.text_train_after = train_after; }

}  // namespace fora::archive
