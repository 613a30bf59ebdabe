// Compiled XPath expressions and the ways the profiles read them: as node sets or strings,
// trying a list of alternatives until one yields something.
#pragma once

#include <libxml/tree.h>
#include <libxml/xpath.h>

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "fora/result.h"
#include "xml_handles.h"

namespace fora::extract {

// One expression, compiled once (at profile load) and evaluated on many pages. Evaluation
// does not modify the expression apart from libxml2's function-lookup cache, which every
// thread fills with the same pointer.
class XPathQuery {
 public:
  // Errors: InvalidArgument naming the expression when it does not compile.
  static Result<XPathQuery> compile(const std::string& expression);

  // Evaluates with `node` as the context node (the document root when null).
  XPathObjectPtr eval(xmlXPathContext* ctx, xmlNode* node) const;
  const std::string& source() const { return source_; }

 private:
  XPathQuery(std::string source, xmlXPathCompExpr* expr);
  std::string source_;
  std::shared_ptr<xmlXPathCompExpr> expr_;  // shared: profiles are copied, never mutated
};

// A per-page XPath context whose errors go nowhere (libraries never print).
XPathContextPtr new_quiet_context(xmlDoc* doc);

// The nodes of the first alternative that selects any.
std::vector<xmlNode*> select_nodes(const std::vector<XPathQuery>& alternatives,
                                   xmlXPathContext* ctx, xmlNode* node);

// The string value of a node: attribute value or text content, untrimmed.
std::string node_string(xmlNode* node);

// The string results of one expression: one per selected node, or the single string,
// number or boolean the expression computes. Empty strings are dropped.
std::vector<std::string> eval_strings(const XPathQuery& query, xmlXPathContext* ctx,
                                      xmlNode* node);

}  // namespace fora::extract
