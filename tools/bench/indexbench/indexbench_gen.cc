// fora-indexbench-gen: writes the index bench's forum (forum_model.h) into an archive's
// catalog through the archive library, page by page as an import stores what it read
// (crawler/src/import_warc.cc: begin_batch, store_thread_page with the page's URL,
// commit_batch). With --change P it changes P% of the entries of an archive it wrote before,
// as a day of a forum's life: edits (a new version), new comments, and comments gone from
// their page (marked gone as a crawl marks them, mark_missing_gone).
//
// Usage: fora-indexbench-gen --archive DIR [--entries N] [--threads T] [--seed S]
//                            [--change PERCENT] [--truth FILE]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include "bench_args.h"
#include "forum_model.h"
#include "fora/archive/archive.h"
#include "fora/archive/thread_store.h"

namespace {

using fora::bench::ForumModel;
using fora::bench::Rng;

constexpr std::int64_t kCrawledAt = 1796169600;           // 2026-12-01 UTC: when the "crawl" read it
constexpr std::int64_t kChangedAt = kCrawledAt + 86400;   // the next day's update
constexpr int kPagesPerBatch = 1000;

struct Options {
  std::string archive, truth;
  fora::bench::ModelOptions model;
  double change_percent = -1;  // < 0: generate
};

Options parse(int argc, char** argv) {
  const fora::bench::BenchArgs args(argc, argv, 1, {"--archive", "--truth", "--entries", "--threads", "--seed", "--change"},
                                    {}, "usage: fora-indexbench-gen --archive DIR [--entries N] [--threads T] [--seed S] "
                                        "[--change PERCENT] [--truth FILE]");
  Options o;
  o.archive = args.text("--archive");
  o.truth = args.text("--truth");
  o.model.entries = static_cast<std::int64_t>(args.number("--entries", 1'000'000));
  o.model.threads = static_cast<std::int64_t>(args.number("--threads", 50'000));
  o.model.seed = static_cast<std::uint64_t>(args.number("--seed", 1));
  o.change_percent = args.number("--change", -1);
  if (o.archive.empty()) args.fail("--archive is required");
  if (o.model.threads < 1 || o.model.entries < o.model.threads)
    args.fail("--entries must be at least --threads (each thread has its post), and --threads at least 1");
  return o;
}

int fail(const fora::Error& e) {
  std::fprintf(stderr, "fora-indexbench-gen: %s\n", e.message.c_str());
  return 1;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Stores pages in batches of kPagesPerBatch, one transaction each.
class PageWriter {
 public:
  PageWriter(fora::archive::Archive& a, std::int64_t seen_at) : a_(a), seen_at_(seen_at) {}
  fora::Status store(const fora::extract::ThreadPage& page, const std::string& url) {
    if (in_batch_ == 0) FORA_TRY(a_.begin_batch());
    FORA_TRY(a_.threads().store_thread_page(ForumModel::kSite, page, seen_at_, url));
    ++pages_;
    if (++in_batch_ == kPagesPerBatch) return finish();
    return fora::ok();
  }
  fora::Status finish() {
    if (in_batch_ == 0) return fora::ok();
    in_batch_ = 0;
    return a_.commit_batch();
  }
  std::int64_t pages() const { return pages_; }

 private:
  fora::archive::Archive& a_;
  std::int64_t seen_at_;
  int in_batch_ = 0;
  std::int64_t pages_ = 0;
};

// The generator's truth the query check reads: sizes, and entries by the top authors.
fora::Status write_truth(const Options& o, const ForumModel& model, const std::map<std::string, std::int64_t>& by_author,
                         std::int64_t pages) {
  std::ofstream out(o.truth);
  out << "entries " << o.model.entries << "\nthreads " << o.model.threads << "\npages " << pages << "\nposts "
      << o.model.threads << "\n";
  for (std::size_t r = 0; r < 8; ++r) out << "author\t" << model.authors()[r] << "\t" << by_author.at(model.authors()[r]) << "\n";
  if (!out) return fora::make_error(fora::Errc::Io, "cannot write " + o.truth);
  return fora::ok();
}

int generate(const Options& o, const ForumModel& model, fora::archive::Archive& a) {
  const auto start = std::chrono::steady_clock::now();
  PageWriter writer(a, kCrawledAt);
  std::map<std::string, std::int64_t> by_author;
  for (std::size_t r = 0; r < 8; ++r) by_author[model.authors()[r]] = 0;
  auto count = [&](const std::string& author) {
    if (auto it = by_author.find(author); it != by_author.end()) ++it->second;
  };
  for (std::int64_t t = 0; t < model.threads(); ++t) {
    const auto thread = model.thread(t);
    for (std::size_t p = 0; p < thread.pages.size(); ++p) {
      const auto& page = thread.pages[p];
      if (page.post) count(page.post->author);
      for (const auto& c : page.comments) count(c.author);
      if (auto stored = writer.store(page, thread.page_urls[p]); !stored) return fail(stored.error());
    }
    if ((t + 1) % 5000 == 0)
      std::fprintf(stderr, "fora-indexbench-gen: %lld of %lld threads, %.1f s\n", static_cast<long long>(t + 1),
                   static_cast<long long>(model.threads()), seconds_since(start));
  }
  if (auto done = writer.finish(); !done) return fail(done.error());
  if (!o.truth.empty())
    if (auto written = write_truth(o, model, by_author, writer.pages()); !written) return fail(written.error());
  std::printf("generated %lld entries in %lld threads (%lld pages) in %.1f s\n", static_cast<long long>(o.model.entries),
              static_cast<long long>(model.threads()), static_cast<long long>(writer.pages()), seconds_since(start));
  return 0;
}

// A day of the forum's life: on a chosen page (5 * P% of the pages), every fifth comment is
// edited, one other comment is gone and one new comment is added, so about P% of the
// entries are edited. Every page of a changed thread is stored whole again, as an update
// reads a thread whose entries moved (nothing of it is called gone before).
int change(const Options& o, const ForumModel& model, fora::archive::Archive& a) {
  const auto start = std::chrono::steady_clock::now();
  PageWriter writer(a, kChangedAt);
  const double page_share = o.change_percent * 5 / 100;
  std::int64_t edited = 0, added = 0, dropped = 0;
  std::int64_t next_id = o.model.entries + 1;  // past every id the model gave
  for (std::int64_t t = 0; t < model.threads(); ++t) {
    Rng rng(o.model.seed ^ (static_cast<std::uint64_t>(t) * 0x2545f4914f6cdd1dULL) ^ 0xc4a9u);
    std::vector<std::int64_t> chosen;
    for (std::int64_t p = 0; p < model.pages(t); ++p)
      if (rng.chance(page_share)) chosen.push_back(p);
    if (chosen.empty()) continue;
    auto thread = model.thread(t);
    for (std::int64_t p = 0; p < model.pages(t); ++p) {
      auto& page = thread.pages[static_cast<std::size_t>(p)];
      if (std::find(chosen.begin(), chosen.end(), p) == chosen.end()) {
        if (auto stored = writer.store(page, thread.page_urls[static_cast<std::size_t>(p)]); !stored)
          return fail(stored.error());
        continue;
      }
      auto& comments = page.comments;
      for (std::size_t k = 0; k < comments.size(); k += 5, ++edited)
        comments[k].text += " Edited: " + model.words(rng, 5 + rng.below(10), page.tags.front());
      if (comments.size() >= 3) {
        comments.erase(comments.begin() + 1);
        ++dropped;
      }
      fora::extract::Entry fresh = comments.empty() ? *page.post : comments.back();
      fresh.native_id = std::to_string(next_id++);
      fresh.parent_id.clear();
      fresh.quotes.clear();
      fresh.text = model.words(rng, 10 + rng.below(40), page.tags.front());
      fresh.published = kChangedAt - 3600;
      fresh.url = thread.page_urls[static_cast<std::size_t>(p)] + "#comment-" + fresh.native_id;
      comments.push_back(std::move(fresh));
      ++added;
      if (auto stored = writer.store(page, thread.page_urls[static_cast<std::size_t>(p)]); !stored) return fail(stored.error());
    }
  }
  if (auto done = writer.finish(); !done) return fail(done.error());
  auto gone = a.threads().mark_missing_gone(kChangedAt, kChangedAt);
  if (!gone) return fail(gone.error());
  std::printf("stored %lld pages of the changed threads again: %lld entries edited, %lld new, %lld gone (%lld marked) in %.1f s\n",
              static_cast<long long>(writer.pages()), static_cast<long long>(edited), static_cast<long long>(added),
              static_cast<long long>(dropped), static_cast<long long>(*gone), seconds_since(start));
  if (*gone != dropped) {
    std::fprintf(stderr, "fora-indexbench-gen: %lld comments left their pages but %lld were marked gone\n",
                 static_cast<long long>(dropped), static_cast<long long>(*gone));
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  const ForumModel model(o.model);
  const std::int64_t now = o.change_percent < 0 ? kCrawledAt : kChangedAt;
  auto a = fora::archive::Archive::open(o.archive, fora::archive::Archive::Mode::Write, [now] { return now; });
  if (!a) return fail(a.error());
  return o.change_percent < 0 ? generate(o, model, **a) : change(o, model, **a);
}
