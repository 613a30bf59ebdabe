// Reads profile Fields on one page: first value, all values, first node, with an optional
// scope so a comment's fields never come from a reply nested inside it.
#pragma once

#include <libxml/xpath.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "profile.h"

namespace fora::extract {

// Decides whether a selected node belongs to the entry being read.
using Scope = std::function<bool(xmlNode*)>;

class FieldReader {
 public:
  explicit FieldReader(xmlXPathContext* ctx) : ctx_(ctx) {}

  // The first value any alternative yields that the field's regex accepts (the regex's
  // first group when it has one); raw, not normalized.
  std::optional<std::string> first(const Field& field, xmlNode* node,
                                   const Scope& scope = {}) const;

  // Every accepted value of the first alternative that yields any.
  std::vector<std::string> all(const Field& field, xmlNode* node) const;

  // The first in-scope node of the first alternative that selects one.
  xmlNode* first_node(const Field& field, xmlNode* node, const Scope& scope = {}) const;

  // All nodes every alternative selects (for exclusion lists).
  std::vector<xmlNode*> union_nodes(const std::vector<XPathQuery>& xpaths, xmlNode* node) const;

  // `value` through the field's regex: its first group (or the whole match); `value` itself
  // when the field has no regex; nullopt when the regex does not match.
  std::optional<std::string> accept(const Field& field, std::string value) const;

 private:
  // Candidate strings of one expression, in document order, honouring the scope.
  std::vector<std::string> candidates(const XPathQuery& query, xmlNode* node,
                                      const Scope& scope) const;

  xmlXPathContext* ctx_;
};

}  // namespace fora::extract
