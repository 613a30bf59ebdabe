// SimpleXPath: the part of XPath 1.0 that profiles are written in, evaluated over a
// NodeIndex instead of by libxml2's walk over every node. Location paths of the axes child
// (`/`), descendant (`//`, `.//`), parent (`..`), ancestor and self, name tests and `*`,
// a final attribute step (`/@href`), unions (`|`), and predicates built with and, or, not()
// from: has-token(@a,'w'), @a, @a='v', normalize-space(@a)='v',
// translate(@a,'ABC','abc')='v', starts-with(@a,'v'), contains(@a,'v'), count(path) = < > n,
// and the existence of a path ([.//h3], [not(ancestor::blockquote)]).
//
// Anything else (positions, text(), functions of the context's string value, other axes)
// makes parse() return nullopt, and the caller evaluates with libxml2: this is a faster
// route to the same node set, never a different answer. tests/extract/simple_xpath_test.cc
// holds it to libxml2 on every profile path over every real page of the fixtures.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "xpath/node_index.h"

namespace fora::extract {

namespace simple_xpath {
struct Union;  // the parsed expression (simple_xpath_tree.h)
}

class SimpleXPath {
 public:
  // nullopt when `expression` reaches outside the subset above.
  static std::optional<SimpleXPath> parse(std::string_view expression);

  // The nodes selected with `context` as the context node (the document node for the
  // page), in document order without duplicates: elements, attributes (xmlAttr as xmlNode),
  // or the document. nullopt when `context` is not a node of `index` (a text node, say).
  std::optional<std::vector<xmlNode*>> select(const NodeIndex& index, xmlNode* context) const;

 private:
  explicit SimpleXPath(std::shared_ptr<const simple_xpath::Union> expr) : expr_(std::move(expr)) {}
  std::shared_ptr<const simple_xpath::Union> expr_;
};

}  // namespace fora::extract
