#include "listing_rows.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "xml_handles.h"

namespace fora::extract {
namespace {

std::string_view name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string attribute(const xmlNode* n, const char* name) {
  std::unique_ptr<xmlChar, XmlCharFree> value(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
  return value ? reinterpret_cast<const char*>(value.get()) : "";
}

bool same_shape(const xmlNode* a, const xmlNode* b) {
  return a->type == XML_ELEMENT_NODE && b->type == XML_ELEMENT_NODE && name_of(a) == name_of(b) &&
         attribute(a, "class") == attribute(b, "class");
}

// Whether `n` is one of at least three children of its parent with its tag and class.
bool repeats(const xmlNode* n) {
  if (n->parent == nullptr || n->parent->type != XML_ELEMENT_NODE) return false;
  int alike = 0;
  for (const xmlNode* c = n->parent->children; c != nullptr; c = c->next)
    if (same_shape(c, n) && ++alike >= 3) return true;
  return false;
}

// The row around link `a`: its nearest repeating ancestor (or itself), at most 8 levels up
// and never <body> or above.
const xmlNode* row_of(const xmlNode* a, std::unordered_map<const xmlNode*, bool>& repeating) {
  const xmlNode* n = a;
  for (int level = 0; level <= 8 && n != nullptr && n->type == XML_ELEMENT_NODE; ++level, n = n->parent) {
    const std::string_view name = name_of(n);
    if (name == "body" || name == "html") break;
    auto [it, fresh] = repeating.try_emplace(n, false);
    if (fresh) it->second = repeats(n);
    if (it->second) return n;
  }
  return a;
}

// The row's text, whitespace collapsed, <time> by its datetime, script and style left out.
void append_text(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      for (const xmlChar* p = c->content; p != nullptr && *p != 0; ++p) {
        const bool space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
        if (!space) out += static_cast<char>(*p);
        else if (!out.empty() && out.back() != ' ') out += ' ';
      }
    } else if (c->type == XML_ELEMENT_NODE) {
      const std::string_view name = name_of(c);
      if (name == "script" || name == "style" || name == "noscript") continue;
      if (name == "time") {
        if (std::string when = attribute(c, "datetime"); !when.empty()) {
          out += " " + when + " ";
          continue;
        }
      }
      append_text(c, out);
    }
  }
}

void collect(const xmlNode* n, const Url& base, std::vector<LinkRow>& rows, std::unordered_set<std::string>& seen,
             std::unordered_map<const xmlNode*, bool>& repeating,
             std::unordered_map<const xmlNode*, std::uint64_t>& row_hashes) {
  for (const xmlNode* c = n; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (name_of(c) == "a") {
      const std::string href = attribute(c, "href");
      auto url = href.empty() ? std::nullopt : Url::resolve(base, href);
      if (url && seen.insert(url->str()).second) {
        const xmlNode* row = row_of(c, repeating);
        auto [it, fresh] = row_hashes.try_emplace(row, 0);
        if (fresh) {
          std::string text;
          append_text(row, text);
          it->second = stable_hash(text);
        }
        const std::uint64_t hash = stable_hash(url->str(), it->second);
        rows.push_back({std::move(*url), hash});
      }
    }
    collect(c->children, base, rows, seen, repeating, row_hashes);
  }
}

}  // namespace

std::uint64_t stable_hash(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (const char ch : bytes) {
    h ^= static_cast<unsigned char>(ch);
    h *= 1099511628211ULL;
  }
  return h;
}

std::vector<LinkRow> listing_rows(xmlDoc* doc, const Url& base) {
  std::vector<LinkRow> rows;
  if (doc == nullptr) return rows;
  std::unordered_set<std::string> seen;
  std::unordered_map<const xmlNode*, bool> repeating;
  std::unordered_map<const xmlNode*, std::uint64_t> row_hashes;
  collect(xmlDocGetRootElement(doc), base, rows, seen, repeating, row_hashes);
  return rows;
}

}  // namespace fora::extract
