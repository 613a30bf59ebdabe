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

// Whether `n` is a listed thing of its own: a list item, table row or article with two links
// or more, beside another of its shape with two or more (a forum's row with its subforums and
// last post, among the other forums' rows). A page link alone in its <li> is not: the
// pages of a topic are part of the topic's row.
bool listed_item(const xmlNode* n) {
  const std::string_view name = name_of(n);
  if ((name != "li" && name != "tr" && name != "article") || links_under(n, 2) < 2) return false;
  // The nearest few elements on each side: a page of a thousand rows costs no more a row.
  const auto like_it = [n](const xmlNode* c) { return same_shape(c, n) && links_under(c, 2) >= 2; };
  int looked = 0;
  for (const xmlNode* c = n->prev; c != nullptr && looked < 4; c = c->prev)
    if (c->type == XML_ELEMENT_NODE && (++looked, like_it(c))) return true;
  looked = 0;
  for (const xmlNode* c = n->next; c != nullptr && looked < 4; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (++looked, like_it(c))) return true;
  return false;
}

// Whether a listed item lies under `n` (not `n` itself): then `n` is a list, not a row.
bool holds_listed_item(const xmlNode* n) {
  bool found = false;
  walk_tree(n, [&](const xmlNode* c) {
    if (c->type != XML_ELEMENT_NODE) return Walk::Over;
    if (c != n && listed_item(c)) {
      found = true;
      return Walk::Stop;
    }
    return Walk::Into;
  });
  return found;
}

// What row_of() learns of an element once.
struct Shape {
  bool repeats = false;
  bool small = false;  // holds at most kMaxRowLinks links
  bool item = false;   // listed_item()
  bool list = false;   // holds_listed_item(), when small
};

// The row around link `a`: its outermost repeating ancestor that is small enough to be one
// row (or the link itself), at most 12 levels up and never <body> or above, and never above
// a listed item nor a list of them. Outermost, because rows nest: a topic row holds the topic's own page links,
// each in a repeating <li>. Never above a listed item, because lists nest too: MyBB's board
// index is a table of forum rows for each category, few enough links to pass for one row,
// and a new post in one forum would send an update to every forum of the category.
const xmlNode* row_of(const xmlNode* a, std::unordered_map<const xmlNode*, Shape>& shapes) {
  const xmlNode* row = a;
  const xmlNode* n = a;
  for (int level = 0; level <= 12 && n != nullptr && n->type == XML_ELEMENT_NODE; ++level, n = n->parent) {
    const std::string_view name = name_of(n);
    if (name == "body" || name == "html") break;
    auto [it, fresh] = shapes.try_emplace(n);
    // A list item, a table row or an article is a row even when alone (the last page).
    if (fresh) {
      const bool small = links_under(n, kMaxRowLinks) <= kMaxRowLinks;
      it->second = {name == "li" || name == "tr" || name == "article" || repeats(n), small, listed_item(n),
                    small && holds_listed_item(n)};
    }
    if (!it->second.small || it->second.list) break;
    if (it->second.repeats) row = n;
    if (it->second.item) break;
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
