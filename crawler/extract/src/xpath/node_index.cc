#include "xpath/node_index.h"

#include <libxml/xpath.h>

namespace fora::extract {
namespace {

std::string_view name_of(const xmlChar* name) {
  return name != nullptr ? std::string_view(reinterpret_cast<const char*>(name)) : std::string_view();
}

// Calls f(word) for each blank-separated word of `value`.
template <typename F>
void for_each_word(std::string_view value, F&& f) {
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && is_xpath_blank(value[i])) ++i;
    const std::size_t start = i;
    while (i < value.size() && !is_xpath_blank(value[i])) ++i;
    if (i > start) f(value.substr(start, i - start));
  }
}

}  // namespace

std::optional<std::string_view> attribute_value(const xmlNode* n, std::string_view name,
                                                std::string& scratch) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->ns != nullptr || name_of(a->name) != name) continue;
    const xmlNode* text = a->children;
    if (text == nullptr) return std::string_view();
    if (text->type == XML_TEXT_NODE && text->next == nullptr && text->content != nullptr)
      return name_of(text->content);
    xmlChar* joined = xmlXPathCastNodeToString(reinterpret_cast<xmlNode*>(const_cast<xmlAttr*>(a)));
    scratch = joined != nullptr ? reinterpret_cast<const char*>(joined) : "";
    xmlFree(joined);
    return std::string_view(scratch);
  }
  return std::nullopt;
}

bool has_word(std::string_view value, std::string_view word) {
  if (word.empty()) return false;
  bool found = false;
  for_each_word(value, [&](std::string_view w) { found = found || w == word; });
  return found;
}

NodeIndex::NodeIndex(xmlDoc* doc) : doc_(doc) {
  // Depth first, in document order, without recursion (a hostile page nests deeply).
  std::vector<Position> open;  // the elements whose subtree is being walked
  std::string scratch;
  xmlNode* n = doc->children;
  while (n != nullptr) {
    bool descended = false;
    if (n->type == XML_ELEMENT_NODE) {
      const auto p = static_cast<Position>(nodes_.size());
      nodes_.push_back(n);
      ends_.push_back(0);
      n->content = reinterpret_cast<xmlChar*>(-static_cast<std::ptrdiff_t>(p) - 1);
      by_name_[name_of(n->name)].push_back(p);
      if (auto cls = attribute_value(n, "class", scratch)) {
        std::string_view value = *cls;
        if (value.data() == scratch.data()) value = spelled_.emplace_back(scratch);
        for_each_word(value, [&](std::string_view w) {
          List& list = by_class_[w];
          if (list.empty() || list.back() != p) list.push_back(p);
        });
      }
      if (n->children != nullptr) {
        open.push_back(p);
        n = n->children;
        descended = true;
      }
    }
    if (descended) continue;
    // Up to the next sibling, closing every subtree that ends here.
    while (n != nullptr && n->next == nullptr) {
      n = n->parent;
      if (n == nullptr || n == reinterpret_cast<xmlNode*>(doc)) { n = nullptr; break; }
      if (n->type == XML_ELEMENT_NODE && !open.empty()) {
        ends_[open.back()] = static_cast<Position>(nodes_.size());
        open.pop_back();
      }
    }
    if (n != nullptr) n = n->next;
  }
  while (!open.empty()) {
    ends_[open.back()] = static_cast<Position>(nodes_.size());
    open.pop_back();
  }
  for (std::size_t p = 0; p < ends_.size(); ++p)
    if (ends_[p] == 0) ends_[p] = static_cast<Position>(p + 1);  // no children at all
}

std::optional<NodeIndex::Position> NodeIndex::position(const xmlNode* n) const {
  if (n == nullptr || n->type != XML_ELEMENT_NODE || n->doc != doc_) return std::nullopt;
  const auto order = -reinterpret_cast<std::ptrdiff_t>(n->content) - 1;
  if (order < 0 || static_cast<std::size_t>(order) >= nodes_.size()) return std::nullopt;
  const auto p = static_cast<Position>(order);
  if (nodes_[p] != n) return std::nullopt;
  return p;
}

const NodeIndex::List* NodeIndex::named(std::string_view name) const {
  auto it = by_name_.find(name);
  return it != by_name_.end() ? &it->second : nullptr;
}

const NodeIndex::List* NodeIndex::with_class(std::string_view word) const {
  auto it = by_class_.find(word);
  return it != by_class_.end() ? &it->second : nullptr;
}

}  // namespace fora::extract
