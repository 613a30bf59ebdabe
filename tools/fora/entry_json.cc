#include "entry_json.h"

#include "fora/archive/thread_store.h"
#include "fora/archive/http_response.h"

namespace fora::cli {
namespace {

nlohmann::json time_or_null(const std::optional<std::int64_t>& t) {
  return t ? nlohmann::json(archive::format_utc(*t)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json entry_json(const extract::Entry& e, std::string_view type,
                          const std::string& thread_title, const std::string& thread_url) {
  nlohmann::json quotes = nlohmann::json::array();
  for (const auto& q : e.quotes) quotes.push_back({{"author", q.author}, {"text", q.text}});
  return {{"v", 1},
          {"type", type},
          {"native_id", e.native_id},
          {"parent_id", e.parent_id},
          {"author", e.author},
          {"date", time_or_null(e.published)},
          {"date_precision", e.published ? nlohmann::json(extract::precision_name(e.precision))
                                         : nlohmann::json(nullptr)},
          {"edited", time_or_null(e.edited)},
          {"thread_title", thread_title},
          {"thread_url", thread_url},
          {"url", e.url},
          {"text", e.text},
          {"quotes", quotes}};
}

nlohmann::json version_json(const archive::EntryVersion& v) {
  nlohmann::json quotes = nlohmann::json::array();
  for (const auto& q : v.quotes) quotes.push_back({{"author", q.author}, {"text", q.text}});
  nlohmann::json j = {{"seen_at", archive::format_utc(v.seen_at)},
          {"last_seen", archive::format_utc(v.last_seen)},
          {"author", v.author},
          {"date", time_or_null(v.published)},
          {"date_precision", v.published ? nlohmann::json(extract::precision_name(v.precision)) : nlohmann::json(nullptr)},
          {"edited", time_or_null(v.edited)},
          {"text", v.text},
          {"quotes", quotes}};
  if (v.words_lost) j["words_lost"] = true;  // damaged, set aside by `fora verify --repair`
  return j;
}

nlohmann::json thread_version_json(const archive::ThreadVersion& v) {
  return {{"seen_at", archive::format_utc(v.seen_at)},
          {"last_seen", archive::format_utc(v.last_seen)},
          {"title", v.title},
          {"categories", v.categories},
          {"tags", v.tags}};
}

std::string json_line(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace fora::cli
