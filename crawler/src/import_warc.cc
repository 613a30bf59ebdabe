#include "fora/crawler/import_warc.h"

#include <fmt/format.h>

#include <deque>

#include "fora/archive/warc.h"
#include "fora/archive/warc_file.h"
#include "fora/extract/page_limits.h"
#include "fora/url/url.h"
#include "page_store.h"

namespace fora::crawler {
namespace {

// The largest record block taken: a response the crawl would keep (its body cap), with
// room for its HTTP header. A larger record is passed over as it is read, never held.
constexpr std::size_t kMaxBlock = extract::kMaxPageBytes + (1u << 20);

// A response or revisit record made into the Response it stands for, with its request.
// A revisit takes the body of the capture it refers to (the archive's latest of that URL).
Result<archive::Response> response_for(archive::Archive& a, const archive::WarcRecord& rec, std::string request) {
  auto r = archive::response_of(rec);
  if (!r) return r.error();
  r->request = std::move(request);
  if (rec.type() != "revisit") return r;
  std::string original = rec.field("WARC-Refers-To-Target-URI");
  if (original.size() > 2 && original.front() == '<' && original.back() == '>') original = original.substr(1, original.size() - 2);
  auto normal = Url::parse(original);
  const auto date = archive::parse_warc_date(rec.field("WARC-Refers-To-Date"));
  auto last = a.captures().find_capture(normal ? normal->str() : original, date.value_or(0));
  if (!last) return last.error();
  if (!*last) {
    return make_error(Errc::NotFound, fmt::format("a revisit of {}, which neither the archive nor the file before it holds",
                                                  original.empty() ? "an unnamed page" : original));
  }
  auto stored = a.captures().read_capture(**last);
  if (!stored) return stored.error();
  r->body = std::move(stored->body);
  r->body_as_received = std::move(stored->body_as_received);
  return r;
}

}  // namespace

Result<ImportReport> import_warc(archive::Archive& a, const extract::Extractor& extractor,
                                 const std::vector<std::filesystem::path>& files,
                                 const std::function<void(const std::filesystem::path&)>& progress) {
  ImportReport report;
  auto before = a.stats();
  if (!before) return before.error();
  for (const auto& file : files) {
    auto reader = archive::WarcFileReader::open(file, kMaxBlock);
    if (!reader) return reader.error();
    if (progress) progress(file);
    // A response is stored once the record after it is read: writers put the request
    // before it (wget, Heritrix) or after it (warcio, Browsertrix), linked by
    // WARC-Concurrent-To either way.
    struct Held {
      archive::WarcRecord record;
      std::int64_t offset = 0;
      std::string request;
    };
    std::optional<Held> held;
    std::deque<archive::WarcRecord> requests;  // the latest few, unclaimed
    const auto store_held = [&]() -> Status {
      if (!held) return ok();
      Held h = std::move(*held);
      held.reset();
      if (h.request.empty()) {
        const std::string id = h.record.field("WARC-Record-ID");
        for (auto it = requests.begin(); it != requests.end(); ++it) {
          if (it->field("WARC-Concurrent-To") == id || (!id.empty() && it->field("WARC-Record-ID") == h.record.field("WARC-Concurrent-To"))) {
            h.request = std::move(it->block);
            requests.erase(it);
            break;
          }
        }
      }
      auto r = response_for(a, h.record, std::move(h.request));
      std::string().swap(h.record.block);  // the response holds its bytes now: not twice
      if (!r) {
        report.problems.push_back(fmt::format("{} at {}: {}", file.string(), h.offset, r.error().message));
        return ok();
      }
      auto url = Url::parse(r->url);
      if (!url) {
        report.problems.push_back(fmt::format("{} at {}: not a web address: {}", file.string(), h.offset, r->url.substr(0, 200)));
        return ok();
      }
      r->url = url->str();
      ++report.responses;
      // The capture, the page's state and its thread in one transaction.
      FORA_TRY(a.begin_batch());
      const Status stored = [&]() -> Status {
        auto prepared = archive::prepare_capture(*r, a.captures().dictionary_for(r->url));
        if (!prepared) return prepared.error();
        FORA_TRY(a.captures().store_capture(*prepared));
        FORA_TRY(a.queue().set_page_state(r->url, archive::PageState::Fetched, std::to_string(r->status), r->fetched_at));
        auto thread = detail::reread_page(a, extractor, *r, r->fetched_at);
        if (!thread) return thread.error();
        if (*thread) ++report.thread_pages;
        return ok();
      }();
      const Status committed = a.commit_batch();
      return stored ? committed : stored;
    };
    bool any_record = false;  // a record, read or passed over for its size; not junk
    while (auto item = reader->next()) {
      ++report.records;
      if (!item->record) {
        any_record = any_record || item->record.error().code != Errc::Corrupt;
        report.problems.push_back(fmt::format("{}: {}", file.string(), item->record.error().message));
        continue;
      }
      any_record = true;
      const std::string type = item->record->type();
      if (type == "request") {
        if (held && (held->record.field("WARC-Record-ID") == item->record->field("WARC-Concurrent-To"))) {
          held->request = item->record->block;
        } else {
          requests.push_back(std::move(*item->record));
          if (requests.size() > 16) requests.pop_front();
        }
        ++report.skipped;
        continue;
      }
      FORA_TRY(store_held());
      if (type == "response" || type == "revisit") {
        held = Held{std::move(*item->record), item->offset, {}};
      } else {
        ++report.skipped;
      }
    }
    FORA_TRY(store_held());
    if (!any_record) report.not_warc.push_back(file);
  }
  auto after = a.stats();
  if (!after) return after.error();
  report.added = after->captures - before->captures;
  return report;
}

}  // namespace fora::crawler
