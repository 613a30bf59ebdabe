// A small, hand-written set of stored entries shared by the indexer and query tests. Expected
// results in the tests are derived from this data by reading it, not from running fora.
//
// thread 1 (example.com, native "12"): "Soyuz capsule springs a leak", category Space,
//   tags Soyuz, Roscosmos. Nobody's own text says "soyuz".
//   1 post    Eric Writer    2022-12-15 10:00  coolant loop ... capsule lost pressure
//   2 comment Edward         2022-12-16 09:30  radiator ... micrometeoroid
//   3 comment Edward Smith   2022-12-16 12:00  radiator panels ...; quotes Edward
//                                              "hit by a micrometeoroid"; replies to Edward
//   4 comment David Eastman  2022-12-17 08:00  rockets are hard, rescue flight
//   5 comment Zoë Ångström   2023-01-05 18:00  coolant leaks happened before
// thread 2 (blog.example.org, native "20"): "Starship static fire", category Rockets,
//   tag SpaceX.
//   6 post    Eric Writer    2021-06-01 07:00  engines on the pad
//   7 comment Edward         2021-06-02 10:00  impressive static fire
//   8 comment ÉDOUARD        2021-06-03 11:00  radiator ... capsule
//   9 comment Chris          (no date)         which pad ... static fire?
//  10 comment Recent Person  now - 2 days      still waiting for the next static fire
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "fora/archive/archive.h"

namespace fora::testing {

inline std::int64_t utc(int y, int mo, int d, int h, int mi) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  return static_cast<std::int64_t>(timegm(&tm));
}

inline archive::StoredEntry make_entry(std::int64_t id, int thread, const std::string& kind,
                                       const std::string& native_id, const std::string& author,
                                       std::optional<std::int64_t> published,
                                       const std::string& text) {
  archive::StoredEntry e;
  e.id = id;
  e.change_seq = id;
  e.kind = kind;
  e.thread_id = thread;
  if (thread == 1) {
    e.site = "example.com";
    e.thread_native_id = "12";
    e.thread_url = "https://example.com/2022/12/soyuz-leak/";
    e.thread_title = "Soyuz capsule springs a leak";
    e.categories = {"Space"};
    e.tags = {"Soyuz", "Roscosmos"};
  } else {
    e.site = "blog.example.org";
    e.thread_native_id = "20";
    e.thread_url = "https://blog.example.org/starship-static-fire/";
    e.thread_title = "Starship static fire";
    e.categories = {"Rockets"};
    e.tags = {"SpaceX"};
  }
  e.entry.native_id = native_id;
  e.entry.author = author;
  e.entry.published = published;
  e.entry.text = text;
  e.entry.url = e.thread_url + (kind == "comment" ? "#comment-" + native_id : "");
  // fora saw each entry a day after it was written (the undated one on 2024-03-01).
  e.first_seen = e.last_seen = published ? *published + 86400 : utc(2024, 3, 1, 12, 0);
  return e;
}

inline std::vector<archive::StoredEntry> sample_entries(std::int64_t now) {
  std::vector<archive::StoredEntry> v;
  v.push_back(make_entry(1, 1, "post", "12", "Eric Writer", utc(2022, 12, 15, 10, 0),
                         "The coolant loop of the capsule lost pressure overnight."));
  v.push_back(make_entry(2, 1, "comment", "101", "Edward", utc(2022, 12, 16, 9, 30),
                         "I wonder whether the radiator was hit by a micrometeoroid."));
  auto reply = make_entry(3, 1, "comment", "102", "Edward Smith", utc(2022, 12, 16, 12, 0),
                          "The radiator panels are exposed on the service module.");
  reply.entry.quotes = {{"Edward", "hit by a micrometeoroid"}};
  reply.entry.parent_id = "101";
  reply.parent_author = "Edward";
  v.push_back(reply);
  v.push_back(make_entry(4, 1, "comment", "103", "David Eastman", utc(2022, 12, 17, 8, 0),
                         "Rockets are hard. A rescue flight may be needed."));
  v.push_back(make_entry(5, 1, "comment", "104", "Zoë Ångström", utc(2023, 1, 5, 18, 0),
                         "Coolant leaks happened before on the station."));
  v.push_back(make_entry(6, 2, "post", "20", "Eric Writer", utc(2021, 6, 1, 7, 0),
                         "The vehicle fired its engines on the pad."));
  v.push_back(make_entry(7, 2, "comment", "201", "Edward", utc(2021, 6, 2, 10, 0),
                         "Impressive static fire, the engines sounded great."));
  v.push_back(make_entry(8, 2, "comment", "202", "ÉDOUARD", utc(2021, 6, 3, 11, 0),
                         "A radiator is not needed here, but a capsule is."));
  v.push_back(make_entry(9, 2, "comment", "203", "Chris", std::nullopt,
                         "Which pad was used for the static fire?"));
  v.push_back(make_entry(10, 2, "comment", "204", "Recent Person", now - 2 * 86400,
                         "Still waiting for the next static fire."));
  return v;
}

}  // namespace fora::testing
