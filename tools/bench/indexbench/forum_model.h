// ForumModel: the generated forum of the index bench (tools/bench/index). A seed, a number of
// entries and of threads give the same forum on every machine: thread sizes in a Zipf-like
// spread, a Zipf vocabulary with English words (so stemming matters) and topic words, 20,000
// authors with a Zipf spread of activity, dates over 20 years, replies and quotes. Each
// thread is made from its own random stream, so one thread can be made again without the
// others (the 1% change of the incremental run). Immutable after construction; safe to
// share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fora/extract/thread.h"

namespace fora::bench {

// A small, fast generator whose sequence is the same with every compiler and library
// (std::mt19937 is, but std's distributions are not): splitmix64.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::uint64_t below(std::uint64_t n) { return next() % n; }  // n > 0; bias is negligible here
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  bool chance(double p) { return unit() < p; }

 private:
  std::uint64_t state_;
};

// Picks ranks 0..n-1 with probability proportional to 1 / (rank + shift)^exponent.
class Zipf {
 public:
  Zipf(std::size_t n, double exponent, double shift);
  std::size_t pick(Rng& rng) const;

 private:
  std::vector<double> cumulative_;
};

struct ModelOptions {
  std::int64_t entries = 1'000'000;  // posts and comments in all (each thread has one post)
  std::int64_t threads = 50'000;
  std::uint64_t seed = 1;
  int per_page = 50;                 // entries a thread page shows
};

// One thread as the generator made it: its pages in order, each with its URL.
struct ForumThread {
  std::vector<extract::ThreadPage> pages;
  std::vector<std::string> page_urls;
};

class ForumModel {
 public:
  explicit ForumModel(const ModelOptions& options);

  static constexpr const char* kSite = "forum.bench.example";
  std::int64_t threads() const { return static_cast<std::int64_t>(sizes_.size()); }
  // Entries (the post and its comments) of thread `t`.
  std::int64_t size(std::int64_t t) const { return sizes_[static_cast<std::size_t>(t)]; }
  std::int64_t pages(std::int64_t t) const { return (size(t) + options_.per_page - 1) / options_.per_page; }
  ForumThread thread(std::int64_t t) const;

  // The words and names the bench's queries are written with.
  const std::vector<std::string>& vocabulary() const { return words_; }  // by frequency rank
  const std::vector<std::string>& authors() const { return authors_; }   // by activity rank
  // `n` words of running text, sentences and collocations included.
  std::string words(Rng& rng, std::size_t n, const std::string& topic) const;

 private:
  std::string author(Rng& rng) const { return authors_[author_rank_.pick(rng)]; }
  extract::Entry entry(Rng& rng, const std::string& topic, std::int64_t date,
                       const std::vector<extract::Entry>& earlier) const;

  ModelOptions options_;
  std::vector<std::int64_t> sizes_;    // entries per thread
  std::vector<std::int64_t> first_id_; // native id of each thread's first comment
  std::vector<std::string> words_, authors_;
  Zipf word_rank_, author_rank_;
};

}  // namespace fora::bench
