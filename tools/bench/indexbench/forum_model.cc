#include "forum_model.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace fora::bench {
namespace {

// The most frequent words of English running text, most frequent first.
const char* const kFunctionWords[] = {
    "the", "of", "and", "to", "a", "in", "is", "it", "that", "was", "for", "on", "with", "as", "this", "be",
    "at", "by", "not", "but", "from", "or", "have", "an", "they", "which", "you", "were", "we", "there", "all",
    "would", "their", "will", "can", "if", "more", "when", "so", "about", "what", "some", "out", "up", "them",
    "only", "then", "than", "into", "just", "after", "also", "before", "could", "still", "very", "because",
    "over", "think", "really"};
// English stems written in several forms, so that a stemmer joins them and a plain match does not.
const char* const kStems[] = {
    "launch", "orbit", "dock", "leak", "repair", "pressure", "engine", "heat", "shield", "fuel", "crew",
    "capsule", "module", "rocket", "booster", "signal", "antenna", "panel", "valve", "hatch", "thrust",
    "land", "test", "flight", "mission", "station", "window", "camera", "sensor", "battery", "report",
    "question", "answer", "problem", "design", "measure", "inspect", "replace", "calculate", "observe",
    "connect", "predict", "suggest", "compute", "record", "track", "drop", "port", "control", "ground",
    "solar", "docking", "hit", "vent", "seal", "crack", "burn", "cool", "detect", "patch"};
const char* const kSuffixes[] = {"", "s", "ed", "ing"};
// Proper nouns the threads are about: each thread has one as its topic.
const char* const kTopics[] = {
    "Soyuz", "Starship", "Voyager", "micrometeorite", "Apollo", "Hubble", "Artemis", "Falcon", "Dragon",
    "Cassini", "Juno", "Rosetta", "Mir", "Skylab", "Gemini", "Vostok", "Shenzhou", "Tiangong", "Kepler",
    "Webb", "Perseverance", "Curiosity", "Ingenuity", "Baikonur", "Kourou", "Canaveral", "Vandenberg",
    "Progress", "Cygnus", "Buran"};
const char* const kCategories[] = {"Space", "Rockets", "Stations", "Probes", "History", "Engineering",
                                   "Science", "Policy", "Launches", "Astronomy", "Hardware", "Offtopic"};
// Word pairs that follow each other often enough for phrase queries to find them.
const std::pair<const char*, const char*> kCollocations[] = {
    {"heat", "shield"}, {"docking", "port"}, {"solar", "panel"}, {"ground", "control"},
    {"micrometeorite", "hit"}, {"pressure", "drop"}};
// The most active authors, by rank, then names made of these and handles of syllables.
const char* const kTopAuthors[] = {"Edward", "David Eastman", "Chris", "Zoë Ferrandiz", "Edward Smith",
                                   "José Álvarez", "Renée", "Søren Dahl"};
const char* const kFirstNames[] = {"Anna", "Bob", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro",
                                   "Ines", "Jürgen", "Kofi", "Lena", "Mateo", "Nadia", "Olga", "Pavel",
                                   "Chloé", "Rui", "Sven", "Tomás", "Ursula", "Vera", "Wen", "Yusuf"};
const char* const kLastNames[] = {"Novak", "García", "Ivanova", "Okafor", "Müller", "Tanaka", "Rossi",
                                  "Kowalski", "Dubois", "Lindqvist", "Haddad", "Moreau", "Petrov", "Costa",
                                  "Nguyen", "Brennan", "Çelik", "Hansen", "Silva", "Fischer"};
const char* const kSyllables[] = {"ka", "ro", "mi", "te", "lun", "dar", "vo", "sel", "qui", "bra", "no",
                                  "zen", "tal", "pe", "fir", "gu", "om", "ser", "lik", "wa", "ny", "chor",
                                  "bel", "ix", "dom", "rae", "su", "tev", "pla", "mor", "gen", "ha", "yo",
                                  "cre", "fu", "las", "ken", "tro", "vin", "ep"};

constexpr std::int64_t kFirstDate = 1136073600;  // 2006-01-01 UTC
constexpr std::int64_t kLastDate = 1796083200;   // 2026-11-30 UTC: the dates span 20 years and more
constexpr std::int64_t kTwentyYears = 631152000;

std::string syllable_word(std::uint64_t n) {
  constexpr std::uint64_t kCount = std::size(kSyllables);
  std::string w;
  do {
    w += kSyllables[n % kCount];
    n /= kCount;
  } while (n > 0);
  return w;
}

std::vector<std::string> make_vocabulary(std::size_t size) {
  std::vector<std::string> words;
  std::unordered_set<std::string> seen;
  auto add = [&](std::string w) {
    if (seen.insert(w).second) words.push_back(std::move(w));
  };
  for (const char* w : kFunctionWords) add(w);
  // English forms and topics interleave at the ranks of common content words.
  std::size_t t = 0;
  for (const char* stem : kStems) {
    for (const char* suffix : kSuffixes) add(std::string(stem) + suffix);
    if (t < std::size(kTopics)) add(kTopics[t++]);
  }
  for (std::uint64_t n = std::size(kSyllables) * std::size(kSyllables); words.size() < size; ++n)
    add(syllable_word(n));
  return words;
}

std::vector<std::string> make_authors(std::size_t count, std::uint64_t seed) {
  std::vector<std::string> names;
  std::unordered_set<std::string> seen;
  auto add = [&](std::string n) {
    if (seen.insert(n).second) names.push_back(std::move(n));
  };
  for (const char* n : kTopAuthors) add(n);
  Rng rng(seed ^ 0xa17u);
  while (names.size() < count) {
    if (rng.chance(0.15))
      add(std::string(kFirstNames[rng.below(std::size(kFirstNames))]) + " " +
          kLastNames[rng.below(std::size(kLastNames))]);
    else
      add(syllable_word(1600 + rng.below(60000)) + (rng.chance(0.5) ? std::to_string(rng.below(100)) : ""));
  }
  return names;
}

// Thread sizes: a Zipf-like spread (most threads small, a few with thousands of entries)
// summing to `entries`, placed on the threads in a shuffled order.
std::vector<std::int64_t> make_sizes(std::int64_t entries, std::int64_t threads, std::uint64_t seed) {
  std::vector<double> weight(static_cast<std::size_t>(threads));
  double total = 0;
  for (std::size_t r = 0; r < weight.size(); ++r) total += weight[r] = 1.0 / std::pow(static_cast<double>(r + 1), 0.7);
  const std::int64_t extra = entries - threads;  // each thread has its post
  std::vector<std::int64_t> sizes(weight.size());
  std::int64_t given = 0;
  for (std::size_t r = 0; r < weight.size(); ++r) {
    sizes[r] = 1 + static_cast<std::int64_t>(static_cast<double>(extra) * weight[r] / total);
    given += sizes[r];
  }
  for (std::size_t r = 0; given < entries; r = (r + 1) % sizes.size(), ++given) ++sizes[r];
  Rng rng(seed ^ 0x51e5u);
  for (std::size_t i = sizes.size(); i > 1; --i) std::swap(sizes[i - 1], sizes[rng.below(i)]);
  return sizes;
}

std::string thread_url(std::int64_t t) {
  return std::string("https://") + ForumModel::kSite + "/t/" + std::to_string(t + 1) + "/";
}

}  // namespace

Zipf::Zipf(std::size_t n, double exponent, double shift) : cumulative_(n) {
  double sum = 0;
  for (std::size_t r = 0; r < n; ++r) cumulative_[r] = sum += 1.0 / std::pow(static_cast<double>(r) + shift, exponent);
  for (double& c : cumulative_) c /= sum;
}

std::size_t Zipf::pick(Rng& rng) const {
  const auto at = std::upper_bound(cumulative_.begin(), cumulative_.end(), rng.unit());
  return std::min<std::size_t>(static_cast<std::size_t>(at - cumulative_.begin()), cumulative_.size() - 1);
}

ForumModel::ForumModel(const ModelOptions& options)
    : options_(options),
      sizes_(make_sizes(options.entries, options.threads, options.seed)),
      words_(make_vocabulary(50'000)),
      authors_(make_authors(20'000, options.seed)),
      word_rank_(words_.size(), 1.0, 2.7),
      author_rank_(authors_.size(), 1.0, 3.0) {
  // Comment ids follow the thread ids (a post's id is its thread's), so no two collide.
  std::int64_t next = threads() + 1;
  for (std::int64_t s : sizes_) {
    first_id_.push_back(next);
    next += s - 1;
  }
}

std::string ForumModel::words(Rng& rng, std::size_t n, const std::string& topic) const {
  std::string out;
  out.reserve(n * 7);
  std::size_t sentence = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::string w = rng.chance(0.03) ? topic : words_[word_rank_.pick(rng)];
    for (const auto& [first, second] : kCollocations)
      if (w == first && rng.chance(0.4) && i + 1 < n) {
        w = w + " " + second;
        ++i;
      }
    if (sentence == 0 && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
    if (!out.empty()) out += ' ';
    out += w;
    if (++sentence >= 6 + rng.below(12) || i + 1 == n) {
      out += '.';
      sentence = 0;
    } else if (rng.chance(0.05)) {
      out += ',';
    }
  }
  return out;
}

extract::Entry ForumModel::entry(Rng& rng, const std::string& topic, std::int64_t date,
                                 const std::vector<extract::Entry>& earlier) const {
  extract::Entry e;
  e.author = author(rng);
  e.published = date;
  const auto length = 8 + static_cast<std::size_t>(std::min(400.0, -std::log(1.0 - rng.unit()) * 35));
  e.text = words(rng, length, topic);
  if (earlier.empty()) return e;
  const extract::Entry* replied = nullptr;
  if (earlier.size() > 1 && rng.chance(0.35)) {  // a reply to one of the last comments
    const std::size_t back = 1 + rng.below(std::min<std::size_t>(20, earlier.size() - 1));
    replied = &earlier[earlier.size() - back];
    e.parent_id = replied->native_id;
  }
  if (rng.chance(0.2)) {  // quoting the comment replied to, or any earlier entry
    const extract::Entry& q = replied && rng.chance(0.6) ? *replied : earlier[rng.below(earlier.size())];
    std::vector<std::string_view> words;
    for (std::size_t at = 0; at < q.text.size();) {
      const std::size_t end = std::min(q.text.find(' ', at), q.text.size());
      words.emplace_back(q.text.data() + at, end - at);
      at = end + 1;
    }
    const std::size_t take = std::min<std::size_t>(words.size(), 5 + rng.below(10));
    const std::size_t from = rng.below(words.size() - take + 1);
    std::string quoted;
    for (std::size_t i = from; i < from + take; ++i) quoted += (i > from ? " " : "") + std::string(words[i]);
    e.quotes.push_back({q.author, std::move(quoted)});
  }
  return e;
}

ForumThread ForumModel::thread(std::int64_t t) const {
  Rng rng(options_.seed * 0x9e3779b97f4a7c15ULL + static_cast<std::uint64_t>(t) * 0xd1b54a32d192ed03ULL);
  const std::string topic = kTopics[Zipf(std::size(kTopics), 0.8, 1.0).pick(rng)];
  extract::ThreadPage head;
  head.thread_id = std::to_string(t + 1);
  head.thread_url = thread_url(t);
  head.title = topic + " " + words(rng, 3 + rng.below(5), topic);
  head.title.pop_back();  // its full stop
  head.categories.push_back(kCategories[rng.below(std::size(kCategories))]);
  if (rng.chance(0.3)) head.categories.push_back(kCategories[rng.below(std::size(kCategories))]);
  head.tags.push_back(topic);
  for (int n = static_cast<int>(rng.below(3)); n > 0; --n) head.tags.push_back(kTopics[rng.below(std::size(kTopics))]);
  std::sort(head.categories.begin(), head.categories.end());
  head.categories.erase(std::unique(head.categories.begin(), head.categories.end()), head.categories.end());
  std::sort(head.tags.begin(), head.tags.end());
  head.tags.erase(std::unique(head.tags.begin(), head.tags.end()), head.tags.end());

  std::vector<extract::Entry> entries;
  std::int64_t date = kFirstDate + static_cast<std::int64_t>(rng.below(kTwentyYears));
  const std::int64_t gap = 600 + static_cast<std::int64_t>(rng.below(86400));  // a busy or a quiet thread
  for (std::int64_t k = 0; k < size(t); ++k) {
    entries.push_back(entry(rng, topic, date, entries));
    entries.back().native_id = k == 0 ? head.thread_id : std::to_string(first_id_[static_cast<std::size_t>(t)] + k - 1);
    date = std::min(kLastDate, date + 1 + static_cast<std::int64_t>(-std::log(1.0 - rng.unit()) * static_cast<double>(gap)));
  }
  ForumThread out;
  for (std::int64_t p = 0; p < pages(t); ++p) {
    extract::ThreadPage page = head;
    const std::string url = p == 0 ? head.thread_url : head.thread_url + "page-" + std::to_string(p + 1) + "/";
    const auto begin = static_cast<std::size_t>(p * options_.per_page);
    const auto end = std::min(entries.size(), begin + static_cast<std::size_t>(options_.per_page));
    for (std::size_t i = begin; i < end; ++i) {
      entries[i].url = url + "#comment-" + entries[i].native_id;
      if (i == 0)
        page.post = std::move(entries[i]);
      else
        page.comments.push_back(std::move(entries[i]));
    }
    out.pages.push_back(std::move(page));
    out.page_urls.push_back(url);
  }
  return out;
}

}  // namespace fora::bench
