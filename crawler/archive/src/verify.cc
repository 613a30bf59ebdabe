// verify(): the snapshots against themselves and against the catalog.
#include <fmt/format.h>

#include "captures_internal.h"
#include "fora/archive/verify.h"
#include "entry_text.h"
#include "digest.h"
#include "fora/archive/warc_file.h"

namespace fora::archive {
namespace {

struct SegmentRow {
  std::int64_t id = 0;
  std::string name;
  std::int64_t dictionary_id = 0;
  std::int64_t committed = 0;
};

struct CaptureRow {
  std::int64_t id = 0, offset = 0, length = 0;
  std::optional<std::int64_t> refers_to;
  std::string sha256;  // 32 bytes
  std::string url;
  bool started = false;  // a record starts at its offset
};

Result<std::vector<SegmentRow>> segments(const Captures::Internal& a) {
  auto q = a.sql("SELECT id, name, coalesce(dictionary_id, 0), bytes FROM segments ORDER BY id");
  if (!q) return q.error();
  std::vector<SegmentRow> out;
  FORA_TRY((*q)->each([&](const Statement& r) {
    out.push_back({r.int64(0), r.text(1), r.int64(2), r.int64(3)});
  }));
  return out;
}

Result<std::vector<CaptureRow>> captures_in(const Captures::Internal& a, std::int64_t segment) {
  auto q = a.sql(
      "SELECT c.id, c.offset, c.length, c.refers_to, c.payload_sha256, p.url FROM captures c"
      " JOIN pages p ON p.id = c.page_id WHERE c.segment_id = ? ORDER BY c.offset");
  if (!q) return q.error();
  (*q)->bind(1, segment);
  std::vector<CaptureRow> out;
  FORA_TRY((*q)->each([&](const Statement& r) {
    out.push_back({r.int64(0), r.int64(1), r.int64(2), r.opt_int64(3), r.blob(4), r.text(5)});
  }));
  return out;
}

// The deep checks of one response or revisit record against its capture.
void check_payload(const Captures::Internal& a, const WarcRecord& rec, const CaptureRow& c, const std::string& where,
                   std::vector<std::string>& problems) {
  const std::string type = rec.type();
  if (type == "revisit") {
    if (!c.refers_to) {
      problems.push_back(fmt::format("{}: a revisit record, but capture {} refers to nothing", where, c.id));
      return;
    }
    auto q = a.sql("SELECT payload_sha256 FROM captures WHERE id = ?");
    if (!q) return;
    auto row = (*q)->bind(1, *c.refers_to).step();
    if (!row || !*row) {
      problems.push_back(fmt::format("{}: capture {} refers to capture {}, which is missing", where, c.id, *c.refers_to));
    } else if ((*q)->blob(0) != c.sha256) {
      problems.push_back(fmt::format("{}: capture {} and capture {} it refers to differ in payload", where, c.id, *c.refers_to));
    }
    return;
  }
  if (type != "response") return;
  auto r = response_of(rec);
  if (!r) {
    problems.push_back(fmt::format("{}: {}", where, r.error().message));
    return;
  }
  const std::string labelled = rec.field("WARC-Payload-Digest");
  if (!labelled.empty() && digest_matches(labelled, r->body) == false) {
    problems.push_back(fmt::format("{}: the payload of {} does not match its WARC-Payload-Digest", where, c.url));
  }
  if (sha256(r->body) != c.sha256) {
    problems.push_back(fmt::format("{}: the payload of {} does not match the catalog's digest", where, c.url));
  }
}

Status verify_segment(const Captures::Internal& a, const SegmentRow& seg, bool deep, VerifyReport& report) {
  auto& problems = report.problems;
  const auto path = a.snapshots->dir() / seg.name;
  std::error_code ec;
  const auto size = static_cast<std::int64_t>(std::filesystem::file_size(path, ec));
  if (ec) {
    problems.push_back(fmt::format("{}: missing ({})", seg.name, ec.message()));
    return ok();
  }
  report.bytes += size;
  if (size > seg.committed) {
    problems.push_back(fmt::format("{} at {}: {} bytes after the last committed record (a frame torn by a crash;"
                                   " the next fora that writes cuts them)", seg.name, seg.committed, size - seg.committed));
  } else if (size < seg.committed) {
    problems.push_back(fmt::format("{}: {} bytes, but the catalog committed {}", seg.name, size, seg.committed));
  }
  auto caps = captures_in(a, seg.id);
  if (!caps) return caps.error();
  report.captures += static_cast<std::int64_t>(caps->size());
  auto reader = WarcFileReader::open(path);
  if (!reader) return reader.error();

  // The first record read also reads the dictionary frame before it.
  std::optional<WarcFileReader::Item> item = reader->next();
  if (deep && seg.dictionary_id != 0) {
    auto q = a.sql("SELECT dictionary FROM dictionaries WHERE id = ?");
    if (!q) return q.error();
    auto row = (*q)->bind(1, seg.dictionary_id).step();
    if (!row) return row.error();
    std::optional<std::string> catalog_dict;
    if (*row) catalog_dict = (*q)->blob(0);
    if (!catalog_dict || reader->dictionary() != *catalog_dict) {
      problems.push_back(fmt::format("{}: its dictionary frame differs from the catalog's dictionary {}", seg.name,
                                     seg.dictionary_id));
    }
  }

  std::size_t next = 0;  // the capture the next record belongs to
  bool first_record = true;
  for (; item; item = reader->next()) {
    if (item->offset >= seg.committed) break;  // the torn tail, reported above
    const std::string where = fmt::format("{} at {}", seg.name, item->offset);
    while (next < caps->size() && (*caps)[next].offset + (*caps)[next].length <= item->offset) ++next;
    if (!item->record) {
      std::string whose;
      if (next < caps->size() && (*caps)[next].offset <= item->offset)
        whose = fmt::format(" (in capture {} of {})", (*caps)[next].id, (*caps)[next].url);
      problems.push_back(fmt::format("{}: {}{}", seg.name, item->record.error().message, whose));
      continue;
    }
    ++report.records;
    const WarcRecord& rec = *item->record;
    const bool info = rec.type() == "warcinfo";
    CaptureRow* c = next < caps->size() && (*caps)[next].offset <= item->offset ? &(*caps)[next] : nullptr;
    if (c == nullptr) {
      if (!(info && first_record)) {
        problems.push_back(fmt::format("{}: a {} record of {} that no capture in the catalog holds", where, rec.type(),
                                       rec.field("WARC-Target-URI")));
      }
    } else {
      if (item->offset == c->offset) c->started = true;
      if (item->end > c->offset + c->length) {
        problems.push_back(fmt::format("{}: the record runs past the end of capture {}", where, c->id));
      }
      if (deep) check_payload(a, rec, *c, where, problems);
    }
    first_record = false;
  }
  for (const CaptureRow& c : *caps) {
    if (!c.started) {
      problems.push_back(fmt::format("{} at {}: capture {} ({}) points here, but no record starts there", seg.name,
                                     c.offset, c.id, c.url));
    }
  }
  return ok();
}

}  // namespace

Result<std::vector<std::string>> segment_problems(const Captures::Internal& a, std::int64_t segment_id, bool deep) {
  auto segs = segments(a);
  if (!segs) return segs.error();
  VerifyReport report;
  for (const SegmentRow& seg : *segs)
    if (seg.id == segment_id) FORA_TRY(verify_segment(a, seg, deep, report));
  return std::move(report.problems);
}

Result<VerifyReport> verify(const Captures& captures, bool deep) {
  const Captures::Internal& a = *captures.in_;
  VerifyReport report;
  auto segs = segments(a);
  if (!segs) return segs.error();
  for (const SegmentRow& seg : *segs) {
    ++report.segments;
    FORA_TRY(verify_segment(a, seg, deep, report));
  }
  auto orphans = a.sql("SELECT count(*) FROM captures WHERE segment_id NOT IN (SELECT id FROM segments)");
  if (!orphans) return orphans.error();
  FORA_TRY((*orphans)->step());
  if (const auto n = (*orphans)->int64(0); n > 0) {
    report.problems.push_back(fmt::format("catalog.db: {} captures name a segment the catalog does not list", n));
  }
  if (deep) {
    // Every version of every post and comment decodes.
    auto versions = a.sql("SELECT id, coalesce(dictionary_id, 0), text, quotes FROM comment_versions ORDER BY id");
    if (!versions) return versions.error();
    std::int64_t damaged = 0;
    FORA_TRY((*versions)->each([&](const Statement& r) {
      auto words = unpack_version(a.words, r.int64(0), r.int64(1), r.blob(2),
                                  r.blob(3));
      if (!words && ++damaged <= 10) report.problems.push_back(words.error().message);
    }));
    if (damaged > 10) report.problems.push_back(fmt::format("catalog.db: {} more versions do not decode", damaged - 10));
    auto check = a.sql("PRAGMA integrity_check");
    if (!check) return check.error();
    FORA_TRY((*check)->each([&](const Statement& r) {
      if (const std::string line = r.text(0); line != "ok") report.problems.push_back("catalog.db: " + line);
    }));
  }
  return report;
}

}  // namespace fora::archive
