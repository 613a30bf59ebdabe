#include "listing_rows.h"

#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "fora/extract/extractor.h"
#include "thread_extract.h"
#include "tree_walk.h"
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

// Whether `n` is one of at least two children of its parent with its tag and class (the
// last page of a listing may hold only two rows).
bool repeats(const xmlNode* n) {
  if (n->parent == nullptr || n->parent->type != XML_ELEMENT_NODE) return false;
  int alike = 0;
  for (const xmlNode* c = n->parent->children; c != nullptr; c = c->next)
    if (same_shape(c, n) && ++alike >= 2) return true;
  return false;
}

// A row links to a thread, its pages, its author and its last poster; more links than this
// make a block of rows.
constexpr int kMaxRowLinks = 16;

// The <a> elements under `n`, counted up to limit + 1.
int links_under(const xmlNode* n, int limit) {
  int count = 0;
  walk_tree(n, [&](const xmlNode* c) {
    if (c->type != XML_ELEMENT_NODE) return Walk::Over;
    if (name_of(c) == "a" && ++count > limit) return Walk::Stop;
    return Walk::Into;
  });
  return count;
}

// What row_of() learns of an element once.
struct Shape {
  bool repeats = false;
  bool small = false;  // holds at most kMaxRowLinks links
};

// The row around link `a`: its outermost repeating ancestor that is small enough to be one
// row (or the link itself), at most 12 levels up and never <body> or above. Outermost,
// because rows nest: a topic row holds the topic's own page links, each in a repeating <li>.
const xmlNode* row_of(const xmlNode* a, std::unordered_map<const xmlNode*, Shape>& shapes) {
  const xmlNode* row = a;
  const xmlNode* n = a;
  for (int level = 0; level <= 12 && n != nullptr && n->type == XML_ELEMENT_NODE; ++level, n = n->parent) {
    const std::string_view name = name_of(n);
    if (name == "body" || name == "html") break;
    auto [it, fresh] = shapes.try_emplace(n);
    // A list item, a table row or an article is a row even when alone (the last page).
    if (fresh)
      it->second = {name == "li" || name == "tr" || name == "article" || repeats(n),
                    links_under(n, kMaxRowLinks) <= kMaxRowLinks};
    if (!it->second.small) break;
    if (it->second.repeats) row = n;
  }
  return row;
}

bool contains_view(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text.find("view") != std::string::npos;
}

// A view counter: an element whose class names views (phpBB's dd.views, vBulletin's
// "views"), or a <dd> after a <dt>Views</dt> (XenForo). Every reader's visit moves it, so it
// says nothing about the thread.
bool view_counter(const xmlNode* n) {
  if (contains_view(attribute(n, "class"))) return true;
  if (name_of(n) != "dd") return false;
  const xmlNode* before = n->prev;
  while (before != nullptr && before->type != XML_ELEMENT_NODE) before = before->prev;
  if (before == nullptr || name_of(before) != "dt") return false;
  std::unique_ptr<xmlChar, XmlCharFree> label(xmlNodeGetContent(before));
  return label && contains_view(reinterpret_cast<const char*>(label.get()));
}

// The row's text, whitespace collapsed, <time> by its datetime; script, style and view
// counters left out.
void append_text(const xmlNode* n, std::string& out) {
  walk_tree(n, [&](const xmlNode* c) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      for (const xmlChar* p = c->content; p != nullptr && *p != 0; ++p) {
        const bool space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
        if (!space) out += static_cast<char>(*p);
        else if (!out.empty() && out.back() != ' ') out += ' ';
      }
      return Walk::Over;
    }
    if (c->type != XML_ELEMENT_NODE) return Walk::Over;
    const std::string_view name = name_of(c);
    if (name == "script" || name == "style" || name == "noscript" || view_counter(c)) return Walk::Over;
    if (name == "time") {
      if (std::string when = attribute(c, "datetime"); !when.empty()) {
        out += " " + when + " ";
        return Walk::Over;
      }
    }
    return Walk::Into;
  });
}

void collect(const xmlDoc* doc, const Url& base, ListingRows& out) {
  std::unordered_set<std::string> seen;
  std::unordered_map<const xmlNode*, Shape> shapes;
  std::unordered_map<const xmlNode*, std::uint64_t> row_hashes;
  walk_tree(reinterpret_cast<const xmlNode*>(doc), [&](const xmlNode* c) {
    if (c->type != XML_ELEMENT_NODE) return Walk::Over;
    if (name_of(c) == "time") {
      const auto when = parse_timestamp(attribute(c, "datetime"));
      if (when && (!out.newest || *when > *out.newest)) out.newest = when;
    }
    if (name_of(c) == "a") {
      const std::string href = attribute(c, "href");
      auto url = href.empty() ? std::nullopt : Url::resolve(base, href);
      if (url && seen.insert(url->str()).second) {
        const xmlNode* row = row_of(c, shapes);
        auto [it, fresh] = row_hashes.try_emplace(row, 0);
        if (fresh) {
          std::string text;
          append_text(row, text);
          it->second = stable_hash(text);
        }
        const std::uint64_t hash = stable_hash(url->str(), it->second);
        out.rows.push_back({std::move(*url), hash});
      }
    }
    return Walk::Into;
  });
}

}  // namespace

ListingRows listing_rows(xmlDoc* doc, const Url& base) {
  ListingRows rows;
  if (doc != nullptr) collect(doc, base, rows);
  return rows;
}

}  // namespace fora::extract
