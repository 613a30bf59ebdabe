#include "printer.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entry_json.h"
#include "fora/archive/http_response.h"

namespace fora::cli {
namespace {

std::string snippet_text(const query::Snippet& s, const Terminal& out) {
  std::string text;
  std::size_t at = 0;
  for (const auto& span : s.highlights) {
    if (span.begin < at || span.begin + span.length > s.text.size()) continue;
    text += clean(std::string_view(s.text).substr(at, span.begin - at));
    const std::string word = clean(std::string_view(s.text).substr(span.begin, span.length));
    text += out.colour() ? out.highlight(word) : "[" + word + "]";
    at = span.begin + span.length;
  }
  text += clean(std::string_view(s.text).substr(at));
  return text;
}

class TextPrinter : public HitPrinter {
 public:
  explicit TextPrinter(const Terminal& out) : out_(out) {}
  void begin(const query::SearchResult&) override {}
  void hit(const query::Hit& h) override {
    if (h.thread_hits > 0) {  // search --thread: the thread, then its best match
      out_.write(fmt::format("{} {}  {}\n", out_.bold(clean(h.thread_title)), out_.dim(fmt::format("thread:{}", h.thread_id)),
                             out_.bold(h.thread_hits == 1 ? std::string("1 hit") : fmt::format("{} hits", h.thread_hits))));
      out_.write(fmt::format("  best: {} {} {}\n  {}\n  {}\n\n", out_.bold(fmt::format("[{}]", h.id)), clean(h.author),
                             out_.dim(fmt::format("{}, {}", h.type, date_for_people(h.date, h.date_precision))),
                             clean(h.url), snippet_text(h.snippet, out_)));
      return;
    }
    out_.write(fmt::format("{} {} {}\n  {}\n  {}\n  {}\n\n", out_.bold(fmt::format("[{}]", h.id)),
                           out_.bold(clean(h.author)),
                           out_.dim(fmt::format("{}, {}", h.type, date_for_people(h.date, h.date_precision))),
                           clean(h.thread_title), clean(h.url), snippet_text(h.snippet, out_)));
  }
  void end(const query::SearchResult& r) override {
    const std::size_t shown = r.hits.size();
    const std::string noun = r.by_thread ? "thread" : "result";
    const std::string total = r.total_exact ? counted(r.total, noun) : fmt::format("about {} {}s", about(r.total), noun);
    const bool counts_alone = shown == 0;  // --limit 0: the total (and facets) alone
    out_.write(out_.dim(fmt::format("{}{}\n", total,
                                    !counts_alone && shown < static_cast<std::size_t>(r.total)
                                        ? fmt::format(", {} shown (see --limit, --offset{})", shown,
                                                      r.total_exact ? "" : "; --count counts them exactly")
                                        : "")));
  }

  // "author (20,000 values, the 10 most frequent)" then one line per value, its count right-aligned.
  void facet(const query::FacetResult& f) override {
    std::string head(query::facet_name(f.facet));
    if (static_cast<std::size_t>(f.values) > f.counts.size())
      head += fmt::format(" ({} values, the {} most frequent)", grouped(f.values), f.counts.size());
    std::size_t width = 1;
    for (const auto& c : f.counts) width = std::max(width, grouped(c.count).size());
    std::string text = "\n" + out_.bold(head) + "\n";
    for (const auto& c : f.counts) {
      // A thread by its title, and the field that narrows a search to it.
      const std::string shown = f.facet == query::Facet::Thread
                                    ? fmt::format("{}  {}", clean(c.label), out_.dim("thread:" + clean(c.value)))
                                    : clean(c.value);
      text += fmt::format("  {:>{}}  {}\n", grouped(c.count), width, shown);
    }
    out_.write(text);
  }

  // An estimate to two significant figures (718,234 -> 720,000): more would claim a precision
  // it does not have.
  static std::string about(std::int64_t n) {
    std::int64_t unit = 1;
    while (n / unit >= 100) unit *= 10;
    return grouped((n + unit / 2) / unit * unit);
  }

  // 720000 -> "720,000".
  static std::string grouped(std::int64_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && digits[i - 1] != '-' && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return out;
  }

 private:
  const Terminal& out_;
};

nlohmann::json hit_json(const query::Hit& h) {
  std::string snippet;
  for (std::size_t at = 0, i = 0; at <= h.snippet.text.size(); ++i) {
    if (i < h.snippet.highlights.size()) {
      const auto& s = h.snippet.highlights[i];
      snippet += h.snippet.text.substr(at, s.begin - at) + "**" + h.snippet.text.substr(s.begin, s.length) + "**";
      at = s.begin + s.length;
    } else {
      snippet += h.snippet.text.substr(at);
      break;
    }
  }
  return {{"id", h.id},
          {"type", h.type},
          {"author", h.author},
          {"date", h.date ? nlohmann::json(archive::format_utc(h.date)) : nlohmann::json(nullptr)},
          {"date_precision", h.date ? nlohmann::json(h.date_precision) : nlohmann::json(nullptr)},
          {"site", h.site},
          {"thread_title", h.thread_title},
          {"url", h.url},
          {"snippet", snippet},
          {"score", h.score},
          {"thread_id", h.thread_id}};
}

nlohmann::json facet_json(const query::FacetResult& f, const query::FacetCount& c) {
  nlohmann::json j = {{"facet", query::facet_name(f.facet)}, {"value", c.value}, {"count", c.count}};
  if (f.facet == query::Facet::Thread) j["title"] = c.label;
  return j;
}

class JsonPrinter : public HitPrinter {
 public:
  explicit JsonPrinter(const Terminal& out) : out_(out) {}
  void begin(const query::SearchResult&) override {}
  void hit(const query::Hit& h) override {
    nlohmann::json j = hit_json(h);
    if (h.thread_hits > 0) j["thread_hits"] = h.thread_hits;
    out_.write(json_line(j));
  }
  void end(const query::SearchResult&) override {}
  void facet(const query::FacetResult& f) override {
    for (const auto& c : f.counts) out_.write(json_line(facet_json(f, c)));
  }

 private:
  const Terminal& out_;
};

std::string csv_field(const std::string& v) {
  std::string out = "\"";
  for (char c : clean(v)) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

class CsvPrinter : public HitPrinter {
 public:
  explicit CsvPrinter(const Terminal& out) : out_(out) {}
  void begin(const query::SearchResult& r) override {
    by_thread_ = r.by_thread;
    out_.write(std::string("id,type,author,date,site,thread_title,url,snippet") + (by_thread_ ? ",thread_id,thread_hits" : "") +
               "\r\n");
  }
  void hit(const query::Hit& h) override {
    const auto j = hit_json(h);
    out_.write(fmt::format("{},{},{},{},{},{},{},{}{}\r\n", h.id, h.type, csv_field(h.author),
                           h.date ? archive::format_utc(h.date) : "", csv_field(h.site), csv_field(h.thread_title),
                           csv_field(h.url), csv_field(j["snippet"].get<std::string>()),
                           by_thread_ ? fmt::format(",{},{}", h.thread_id, h.thread_hits) : ""));
  }
  void end(const query::SearchResult&) override {}
  void facet(const query::FacetResult&) override {}  // one table: see CsvFacetPrinter

 private:
  const Terminal& out_;
  bool by_thread_ = false;
};

class CsvFacetPrinter : public HitPrinter {
 public:
  explicit CsvFacetPrinter(const Terminal& out) : out_(out) {}
  void begin(const query::SearchResult&) override { out_.write("facet,value,count,title\r\n"); }
  void hit(const query::Hit&) override {}
  void end(const query::SearchResult&) override {}
  void facet(const query::FacetResult& f) override {
    for (const auto& c : f.counts)
      out_.write(fmt::format("{},{},{},{}\r\n", query::facet_name(f.facet), csv_field(c.value), c.count,
                             csv_field(c.label)));
  }

 private:
  const Terminal& out_;
};

}  // namespace

std::string date_for_people(std::int64_t unix_seconds, std::string_view precision) {
  if (unix_seconds == 0) return "date unknown";
  std::string s = archive::format_utc(unix_seconds).substr(0, 16).replace(10, 1, " ") + " UTC";
  if (precision != "exact") s += fmt::format(" ({})", precision);
  return s;
}

std::unique_ptr<HitPrinter> make_printer(const std::string& format, const Terminal& out, bool facets_only) {
  if (format == "json") return std::make_unique<JsonPrinter>(out);
  if (format == "csv" && facets_only) return std::make_unique<CsvFacetPrinter>(out);
  if (format == "csv") return std::make_unique<CsvPrinter>(out);
  return std::make_unique<TextPrinter>(out);
}

std::string counted(std::int64_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

}  // namespace fora::cli
