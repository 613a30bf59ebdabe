// NodeIndex: a parsed page's elements numbered in document order, with the lists a profile's
// paths start from (every element of a tag name, every element carrying a class word).
// Built once per page, it turns a `.//*[has-token(@class,'x')]` from a walk over the whole
// page (libxml2 visits every node and calls a function for each) into a lookup, which is
// what makes reading a page's comments cheap (simple_xpath.h).
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fora::extract {

class NodeIndex {
 public:
  using Position = std::uint32_t;  // of an element in document order
  using List = std::vector<Position>;

  // Numbers every element of `doc`. Writes the number into each element's `content` the
  // way xmlXPathOrderDocElems() does (as -(position + 1)), which libxml2's own XPath also
  // uses to sort node sets faster. The document must not change afterwards.
  explicit NodeIndex(xmlDoc* doc);
  NodeIndex(const NodeIndex&) = delete;
  NodeIndex& operator=(const NodeIndex&) = delete;

  xmlDoc* doc() const { return doc_; }
  std::size_t size() const { return nodes_.size(); }
  xmlNode* node(Position p) const { return nodes_[p]; }
  // One past the last element inside node(p): its descendants are (p, end(p)).
  Position end(Position p) const { return ends_[p]; }
  // The position of an element of this document; nullopt for any other node.
  std::optional<Position> position(const xmlNode* n) const;

  // Elements named `name`, or carrying `word` among the blank-separated words of their
  // class attribute, in document order; nullptr when none.
  const List* named(std::string_view name) const;
  const List* with_class(std::string_view word) const;

 private:
  xmlDoc* doc_;
  std::vector<xmlNode*> nodes_;
  std::vector<Position> ends_;
  std::unordered_map<std::string_view, List> by_name_;   // views into libxml2's names
  std::unordered_map<std::string_view, List> by_class_;  // views into attribute text
  std::deque<std::string> spelled_;  // class values libxml2 holds in pieces, joined
};

// The value of attribute `name` (no namespace) of element `n`, as XPath reads it;
// nullopt when `n` has no such attribute. `scratch` holds the value when libxml2 keeps it
// in pieces (entities), so the view lives as long as `scratch` is not reused.
std::optional<std::string_view> attribute_value(const xmlNode* n, std::string_view name,
                                                std::string& scratch);

// XPath's blanks: space, tab, CR, LF.
inline bool is_xpath_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether `word` is one of the blank-separated words of `value`.
bool has_word(std::string_view value, std::string_view word);

}  // namespace fora::extract
