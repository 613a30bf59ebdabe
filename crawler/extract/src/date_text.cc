#include "date_text.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "fora/ascii_space.h"
#include "iso_date.h"
#include "fora/extract/lower_case.h"
#include "sanitize.h"

namespace fora::extract {
namespace {

// ---- tokens --------------------------------------------------------------------------

struct Token {
  enum Kind { Number, Word, Symbol } kind;
  std::string text;  // lowercased word, digits, or the symbol character
  int value = 0;     // numbers only
  bool used = false; // consumed by the time or the date
};

bool word_byte(unsigned char c) { return std::isalpha(c) != 0 || c >= 0x80 || c == '\''; }

std::vector<Token> tokenize(std::string_view text) {
  std::string s = lower_case(text);
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size() && out.size() < 64) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (std::isdigit(c)) {
      std::size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      Token t{Token::Number, s.substr(i, j - i)};
      t.value = t.text.size() <= 9 ? std::stoi(t.text) : -1;
      out.push_back(std::move(t));
      i = j;
    } else if (word_byte(c)) {
      std::size_t j = i;
      while (j < s.size() && word_byte(static_cast<unsigned char>(s[j]))) ++j;
      std::string w = s.substr(i, j - i);
      // Typographic apostrophe (U+2019) reads as ASCII: "aujourd’hui".
      for (std::size_t p; (p = w.find("\xE2\x80\x99")) != std::string::npos;) w.replace(p, 3, "'");
      out.push_back({Token::Word, std::move(w)});
      i = j;
    } else {
      if (!std::isspace(c) && c != ',') out.push_back({Token::Symbol, std::string(1, s[i])});
      ++i;
    }
  }
  return out;
}

bool is_word(const std::vector<Token>& t, std::size_t i, std::string_view w) {
  return i < t.size() && t[i].kind == Token::Word && t[i].text == w;
}
bool is_symbol(const std::vector<Token>& t, std::size_t i, char c) {
  return i < t.size() && t[i].kind == Token::Symbol && t[i].text[0] == c;
}
bool is_number(const std::vector<Token>& t, std::size_t i, std::size_t min_digits,
               std::size_t max_digits) {
  return i < t.size() && t[i].kind == Token::Number && !t[i].used &&
         t[i].text.size() >= min_digits && t[i].text.size() <= max_digits;
}

// ---- vocabulary ------------------------------------------------------------------------

struct Named {
  const char* word;
  int value;
};

// Month names and their abbreviations in English, German, French and Spanish.
constexpr Named kMonths[] = {
    {"january", 1}, {"jan", 1}, {"januar", 1}, {"jänner", 1}, {"janvier", 1}, {"janv", 1},
    {"enero", 1}, {"ene", 1},
    {"february", 2}, {"feb", 2}, {"februar", 2}, {"février", 2}, {"fevrier", 2}, {"févr", 2},
    {"fevr", 2}, {"febrero", 2}, {"fév", 2},
    {"march", 3}, {"mar", 3}, {"märz", 3}, {"mär", 3}, {"mrz", 3}, {"mars", 3}, {"marzo", 3},
    {"april", 4}, {"apr", 4}, {"avril", 4}, {"avr", 4}, {"abril", 4}, {"abr", 4},
    {"may", 5}, {"mai", 5}, {"mayo", 5},
    {"june", 6}, {"jun", 6}, {"juni", 6}, {"juin", 6}, {"junio", 6},
    {"july", 7}, {"jul", 7}, {"juli", 7}, {"juillet", 7}, {"juil", 7}, {"julio", 7},
    {"august", 8}, {"aug", 8}, {"août", 8}, {"aout", 8}, {"agosto", 8}, {"ago", 8},
    {"september", 9}, {"sep", 9}, {"sept", 9}, {"septembre", 9}, {"septiembre", 9},
    {"setiembre", 9},
    {"october", 10}, {"oct", 10}, {"oktober", 10}, {"okt", 10}, {"octobre", 10},
    {"octubre", 10},
    {"november", 11}, {"nov", 11}, {"novembre", 11}, {"noviembre", 11},
    {"december", 12}, {"dec", 12}, {"dezember", 12}, {"dez", 12}, {"décembre", 12},
    {"decembre", 12}, {"déc", 12}, {"diciembre", 12}, {"dic", 12},
};

// "Today", "Yesterday", "the day before yesterday": days back from the capture.
constexpr Named kDayWords[] = {
    {"today", 0},     {"heute", 0},       {"aujourd'hui", 0}, {"hoy", 0},
    {"yesterday", 1}, {"gestern", 1},     {"hier", 1},        {"ayer", 1},
    {"vorgestern", 2}, {"anteayer", 2},
};

// Units of "N units ago", in seconds. Plural and inflected forms are listed.
constexpr Named kUnits[] = {
    {"second", 1}, {"seconds", 1}, {"sec", 1}, {"secs", 1}, {"sekunde", 1}, {"sekunden", 1},
    {"seconde", 1}, {"secondes", 1}, {"segundo", 1}, {"segundos", 1},
    {"minute", 60}, {"minutes", 60}, {"min", 60}, {"mins", 60}, {"minuten", 60},
    {"minuto", 60}, {"minutos", 60},
    {"hour", 3600}, {"hours", 3600}, {"hr", 3600}, {"hrs", 3600}, {"stunde", 3600},
    {"stunden", 3600}, {"heure", 3600}, {"heures", 3600}, {"hora", 3600}, {"horas", 3600},
    {"day", 86400}, {"days", 86400}, {"tag", 86400}, {"tagen", 86400}, {"tage", 86400},
    {"jour", 86400}, {"jours", 86400}, {"día", 86400}, {"días", 86400}, {"dia", 86400},
    {"dias", 86400},
    {"week", 604800}, {"weeks", 604800}, {"woche", 604800}, {"wochen", 604800},
    {"semaine", 604800}, {"semaines", 604800}, {"semana", 604800}, {"semanas", 604800},
    {"month", 2629746}, {"months", 2629746}, {"monat", 2629746}, {"monaten", 2629746},
    {"monate", 2629746}, {"mois", 2629746}, {"mes", 2629746}, {"meses", 2629746},
    {"year", 31556952}, {"years", 31556952}, {"jahr", 31556952}, {"jahren", 31556952},
    {"jahre", 31556952}, {"an", 31556952}, {"ans", 31556952}, {"año", 31556952},
    {"años", 31556952},
};

// A quantity spelled as a word: "an hour ago", "vor einem Tag", "il y a un jour".
constexpr Named kOne[] = {{"a", 1},    {"an", 1},  {"one", 1},  {"un", 1},   {"une", 1},
                          {"una", 1},  {"uno", 1}, {"ein", 1},  {"einem", 1}, {"einer", 1},
                          {"einen", 1}};

// Zone abbreviations, minutes east of UTC. Only unambiguous, common ones.
constexpr Named kZones[] = {
    {"utc", 0},     {"gmt", 0},     {"z", 0},       {"wet", 0},     {"west", 60},
    {"bst", 60},    {"cet", 60},    {"mez", 60},    {"cest", 120},  {"mesz", 120},
    {"eet", 120},   {"eest", 180},  {"msk", 180},   {"est", -300},  {"edt", -240},
    {"cst", -360},  {"cdt", -300},  {"mst", -420},  {"mdt", -360},  {"pst", -480},
    {"pdt", -420},  {"akst", -540}, {"hst", -600},  {"jst", 540},   {"aest", 600},
    {"aedt", 660},  {"ist", 330},
};

template <std::size_t N>
std::optional<int> lookup(const Named (&table)[N], std::string_view word) {
  // A trailing dot belongs to an abbreviation ("Nov.", "févr."): the tokenizer left it out.
  for (const Named& n : table)
    if (word == n.word) return n.value;
  return std::nullopt;
}

// ---- calendar ----------------------------------------------------------------------------

std::optional<std::int64_t> to_unix(int year, int month, int day, int hour = 0, int minute = 0,
                                    int second = 0) {
  using namespace std::chrono;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return std::nullopt;
  year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                     std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  auto t = sys_days{ymd} + hours{hour} + minutes{minute} + seconds{second};
  return t.time_since_epoch().count();
}

int full_year(const Token& t) {
  if (t.text.size() == 4) return t.value;
  return t.value < 70 ? 2000 + t.value : 1900 + t.value;
}

struct Clock {
  int hour = 0, minute = 0, second = 0;
  bool found = false;
  std::optional<int> zone_minutes;  // east of UTC, when the text names the zone
};

// A zone right after the time: "UTC", "GMT+1", "+02:00", "(CET)".
std::optional<int> read_zone(std::vector<Token>& t, std::size_t i) {
  if (is_symbol(t, i, '(')) ++i;
  std::optional<int> base;
  if (i < t.size() && t[i].kind == Token::Word) {
    base = lookup(kZones, t[i].text);
    if (!base) return std::nullopt;
    t[i].used = true;
    ++i;
  }
  if ((is_symbol(t, i, '+') || is_symbol(t, i, '-')) && is_number(t, i + 1, 1, 4)) {
    const int sign = t[i].text[0] == '-' ? -1 : 1;
    const Token& n = t[i + 1];
    int minutes = n.text.size() <= 2 ? n.value * 60 : (n.value / 100) * 60 + n.value % 100;
    if (n.text.size() <= 2 && is_symbol(t, i + 2, ':') && is_number(t, i + 3, 2, 2)) {
      minutes += t[i + 3].value;
      t[i + 3].used = true;
    }
    t[i + 1].used = true;
    if (minutes <= 14 * 60) return base.value_or(0) + sign * minutes;
  }
  return base;
}

// "15:14", "3:14 pm", "15:14:09", "3:14 p.m.", "15h14".
Clock read_clock(std::vector<Token>& t) {
  Clock c;
  for (std::size_t i = 0; i + 2 < t.size(); ++i) {
    if (!is_number(t, i, 1, 2)) continue;
    const bool colon = is_symbol(t, i + 1, ':') || is_word(t, i + 1, "h");
    if (!colon || !is_number(t, i + 2, 2, 2)) continue;
    c.hour = t[i].value;
    c.minute = t[i + 2].value;
    t[i].used = t[i + 2].used = true;
    std::size_t next = i + 3;
    if (is_symbol(t, next, ':') && is_number(t, next + 1, 2, 2)) {
      c.second = t[next + 1].value;
      t[next + 1].used = true;
      next += 2;
    }
    // am/pm, "a.m.", "p. m."
    bool pm = false, am = false;
    if (is_word(t, next, "pm") || is_word(t, next, "am")) {
      pm = t[next].text == "pm";
      am = !pm;
      next += 1;
    } else if ((is_word(t, next, "p") || is_word(t, next, "a")) && is_symbol(t, next + 1, '.') &&
               is_word(t, next + 2, "m")) {
      pm = t[next].text == "p";
      am = !pm;
      next += 3 + (is_symbol(t, next + 3, '.') ? 1 : 0);
    }
    if ((am || pm) && (c.hour < 1 || c.hour > 12)) return {};
    if (pm && c.hour < 12) c.hour += 12;
    if (am && c.hour == 12) c.hour = 0;
    if (c.hour > 23 || c.minute > 59 || c.second > 59) return {};
    c.zone_minutes = read_zone(t, next);
    c.found = true;
    return c;
  }
  return c;
}

struct Day {
  int year = 0, month = 0, day = 0;
  bool year_known = true;
};

// "2024-11-25", "2024/11/25", "2024.11.25"
std::optional<Day> read_ymd(const std::vector<Token>& t) {
  for (std::size_t i = 0; i + 4 < t.size(); ++i) {
    if (!is_number(t, i, 4, 4) || !is_number(t, i + 2, 1, 2) || !is_number(t, i + 4, 1, 2))
      continue;
    const char sep = t[i + 1].kind == Token::Symbol ? t[i + 1].text[0] : 0;
    if ((sep == '-' || sep == '/' || sep == '.') && is_symbol(t, i + 3, sep))
      return Day{t[i].value, t[i + 2].value, t[i + 4].value};
  }
  return std::nullopt;
}

// "25.11.2024", "11/25/2024", "25/11/24"
std::optional<Day> read_numeric(const std::vector<Token>& t, DateOrder order) {
  for (std::size_t i = 0; i + 4 < t.size(); ++i) {
    if (!is_number(t, i, 1, 2) || !is_number(t, i + 2, 1, 2) || !is_number(t, i + 4, 2, 4) ||
        t[i + 4].text.size() == 3)
      continue;
    const char sep = t[i + 1].kind == Token::Symbol ? t[i + 1].text[0] : 0;
    if (!(sep == '-' || sep == '/' || sep == '.') || !is_symbol(t, i + 3, sep)) continue;
    int a = t[i].value, b = t[i + 2].value;
    bool dmy = order == DateOrder::DMY || (order == DateOrder::Auto && sep == '.');
    if (order == DateOrder::Auto && a > 12) dmy = true;
    if (order == DateOrder::Auto && b > 12) dmy = false;
    const int year = full_year(t[i + 4]);
    return dmy ? Day{year, b, a} : Day{year, a, b};
  }
  return std::nullopt;
}

bool is_filler(const Token& t) {
  return t.kind == Token::Symbol ||
         (t.kind == Token::Word && (t.text == "de" || t.text == "of" || t.text == "the" ||
                                    t.text == "le" || t.text == "st" || t.text == "nd" ||
                                    t.text == "rd" || t.text == "th" || t.text == "er"));
}

// "Nov 25, 2024", "25 Nov 2024", "25. November 2024", "le 25 novembre 2024",
// "25 de noviembre de 2024", "November 25th".
std::optional<Day> read_named_month(const std::vector<Token>& t) {
  for (std::size_t m = 0; m < t.size(); ++m) {
    if (t[m].kind != Token::Word) continue;
    auto month = lookup(kMonths, t[m].text);
    if (!month) continue;
    Day d;
    d.month = *month;
    // The day: the nearest 1-2 digit number before the month, else after it, skipping
    // punctuation and little words.
    auto find_day = [&](int step) -> int {
      for (long j = static_cast<long>(m) + step; j >= 0 && j < static_cast<long>(t.size());
           j += step) {
        const Token& tok = t[static_cast<std::size_t>(j)];
        if (is_filler(tok)) continue;
        if (tok.kind == Token::Number && !tok.used && tok.text.size() <= 2 && tok.value >= 1 &&
            tok.value <= 31)
          return tok.value;
        return 0;
      }
      return 0;
    };
    d.day = find_day(-1);
    if (d.day == 0) d.day = find_day(+1);
    if (d.day == 0) continue;
    // The year: the four-digit number nearest the month ("Reply #2012 on: November 25,
    // 2024" is 2024), one after it rather than before it.
    d.year_known = false;
    std::size_t best = t.size();
    for (std::size_t j = 0; j < t.size(); ++j) {
      const Token& tok = t[j];
      if (tok.kind != Token::Number || tok.used || tok.text.size() != 4 || tok.value < 1970 ||
          tok.value > 2100)
        continue;
      const std::size_t distance = j > m ? j - m : (m - j) + t.size();  // prefer after
      if (best == t.size() || distance < best) {
        best = distance;
        d.year = tok.value;
        d.year_known = true;
      }
    }
    return d;
  }
  return std::nullopt;
}

// ---- relative forms --------------------------------------------------------------------

// "3 hours ago", "an hour ago", "vor 2 Tagen", "il y a 3 jours", "hace 2 horas", "just now".
std::optional<std::int64_t> read_ago(const std::vector<Token>& t, std::int64_t captured) {
  bool marker = false;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (is_word(t, i, "ago") || is_word(t, i, "vor") || is_word(t, i, "hace") ||
        (is_word(t, i, "il") && is_word(t, i + 1, "y") && is_word(t, i + 2, "a")))
      marker = true;
  if (is_word(t, 0, "just") && is_word(t, 1, "now")) return captured;
  if (is_word(t, 0, "gerade") || is_word(t, 0, "jetzt") || is_word(t, 0, "ahora")) return captured;
  if (!marker) return std::nullopt;
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    std::optional<int> n;
    if (t[i].kind == Token::Number && t[i].value >= 0) n = t[i].value;
    else if (t[i].kind == Token::Word && !is_word(t, i + 1, "y")) n = lookup(kOne, t[i].text);
    if (!n) continue;
    std::optional<int> unit = t[i + 1].kind == Token::Word ? lookup(kUnits, t[i + 1].text)
                                                           : std::nullopt;
    if (unit) return captured - static_cast<std::int64_t>(*n) * *unit;
  }
  return std::nullopt;
}

std::optional<int> days_back(const std::vector<Token>& t) {
  for (const Token& tok : t)
    if (tok.kind == Token::Word)
      if (auto back = lookup(kDayWords, tok.text)) return back;
  return std::nullopt;
}

bool has_zone_suffix(std::string_view s) {
  if (s.empty()) return false;
  if (s.back() == 'Z' || s.back() == 'z') return true;
  // "+01:00", "+0100", "-07"
  std::size_t i = s.size();
  while (i > 0 && (std::isdigit(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == ':')) --i;
  return i > 10 && (s[i - 1] == '+' || s[i - 1] == '-') && s.size() - i >= 2;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](unsigned char c) { return std::isdigit(c) != 0; });
}

}  // namespace

std::optional<ParsedDate> parse_date_text(std::string_view text,
                                          std::optional<std::int64_t> captured_at,
                                          DateOrder order) {
  std::string_view s = trim_ascii_space(text);
  if (s.empty() || s.size() > 300) return std::nullopt;
  if (auto iso = parse_iso8601(s)) {
    const bool has_time = s.size() > 10;
    return ParsedDate{*iso, has_zone_suffix(s) ? DatePrecision::Exact
                            : has_time         ? DatePrecision::NoZone
                                               : DatePrecision::Day};
  }
  // Epoch seconds (data-time="1587277872") or milliseconds.
  if (all_digits(s) && (s.size() == 9 || s.size() == 10))
    return ParsedDate{std::stoll(std::string(s)), DatePrecision::Exact};
  if (all_digits(s) && (s.size() == 12 || s.size() == 13))
    return ParsedDate{std::stoll(std::string(s)) / 1000, DatePrecision::Exact};

  std::vector<Token> tokens = tokenize(s);
  if (captured_at)
    if (auto ago = read_ago(tokens, *captured_at))
      return ParsedDate{*ago, DatePrecision::Approximate};

  const Clock clock = read_clock(tokens);
  std::optional<Day> day = read_ymd(tokens);
  if (!day) day = read_numeric(tokens, order);
  if (!day) day = read_named_month(tokens);

  DatePrecision precision = !clock.found              ? DatePrecision::Day
                            : clock.zone_minutes      ? DatePrecision::Exact
                                                      : DatePrecision::NoZone;
  std::optional<std::int64_t> midnight;
  if (day && day->year_known) {
    midnight = to_unix(day->year, day->month, day->day);
  } else if (day && captured_at) {
    // No year printed: the latest such day not after the capture.
    const std::int64_t year = 1970 + *captured_at / 31556952;
    for (std::int64_t y = year + 1; y >= year - 1 && !midnight; --y)
      if (auto t = to_unix(static_cast<int>(y), day->month, day->day); t && *t <= *captured_at)
        midnight = t;
    precision = DatePrecision::Approximate;
  } else if (!day && captured_at) {
    if (auto back = days_back(tokens)) {
      midnight = (*captured_at / 86400 - *back) * 86400;
      precision = DatePrecision::Approximate;
    }
  }
  if (!midnight) return std::nullopt;
  std::int64_t t = *midnight + clock.hour * 3600 + clock.minute * 60 + clock.second;
  if (clock.zone_minutes) t -= static_cast<std::int64_t>(*clock.zone_minutes) * 60;
  return ParsedDate{t, precision};
}

const char* precision_name(DatePrecision p) {
  switch (p) {
    case DatePrecision::Exact: return "exact";
    case DatePrecision::NoZone: return "no-zone";
    case DatePrecision::Day: return "day";
    case DatePrecision::Approximate: return "approximate";
  }
  return "exact";
}

}  // namespace fora::extract
