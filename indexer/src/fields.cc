#include "fora/indexer/fields.h"

#include <array>
#include <ctime>

#include <fmt/format.h>

namespace fora::indexer {
namespace {

constexpr std::array<FieldInfo, 15> kFields{{
    {Field::Id, "", "Q", true, false},
    {Field::Author, "author", "A", true, true},
    {Field::Type, "type", "XTYPE", true, true},
    {Field::Site, "site", "H", true, true},
    {Field::Thread, "thread", "XTHREAD", true, false},
    {Field::Tag, "tag", "K", true, true},
    {Field::Category, "category", "XCAT", true, true},
    {Field::ReplyTo, "replyto", "XREPLYTO", true, true},
    {Field::Year, "", "Y", true, false},
    {Field::Month, "", "M", true, false},
    {Field::Day, "", "D", true, false},
    {Field::Is, "is", "XIS", true, true},
    {Field::Own, "own", "", false, false},
    {Field::Quote, "quote", "XQUOTE", false, false},
    {Field::Topic, "topic", "S", false, false},
}};

// What the indexer writes for an entry's kind (archive's StoredEntry::kind) and for is:.
constexpr std::array<std::string_view, 2> kTypes{"post", "comment"};
constexpr std::array<std::string_view, 2> kIs{"edited", "gone"};

// Xapian's term length limit is 245 bytes; leave room for the prefix and the ':'.
constexpr std::size_t kMaxValueBytes = 200;

// FNV-1a: stable across platforms and releases, unlike std::hash.
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

std::span<const FieldInfo> fields() { return kFields; }

const FieldInfo& field_info(Field field) { return kFields[static_cast<std::size_t>(field)]; }

Field field_of_term(std::string_view term) {
  const FieldInfo* best = nullptr;
  for (const auto& f : kFields) {
    if (f.prefix.empty() || term.substr(0, f.prefix.size()) != f.prefix) continue;
    const std::string_view rest = term.substr(f.prefix.size());
    if (!rest.empty() && rest[0] >= 'A' && rest[0] <= 'Z') continue;  // a longer prefix's
    if (!best || f.prefix.size() > best->prefix.size()) best = &f;
  }
  return best ? best->field : Field::Own;
}

std::optional<Field> field_by_name(std::string_view name) {
  for (const auto& f : kFields)
    if (!f.name.empty() && f.name == name) return f.field;
  return std::nullopt;
}

std::span<const std::string_view> closed_values(Field field) {
  if (field == Field::Type) return kTypes;
  if (field == Field::Is) return kIs;
  return {};
}

std::string boolean_term(Field field, std::string_view value) {
  const FieldInfo& info = field_info(field);
  std::string v = info.folded ? fold(value) : std::string(value);
  if (v.size() > kMaxValueBytes) {
    std::string hash = fmt::format("#{:016x}", fnv1a(v));
    v.resize(kMaxValueBytes - hash.size());
    v += hash;  // may cut a UTF-8 sequence: harmless, terms are bytes to Xapian
  }
  std::string term(info.prefix);
  if (!v.empty() && v.front() >= 'A' && v.front() <= 'Z') term += ':';
  term += v;
  return term;
}

std::string date_value(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}{:02}{:02}{:02}{:02}{:02}", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

}  // namespace fora::indexer
