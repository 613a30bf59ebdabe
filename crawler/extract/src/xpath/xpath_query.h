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

class SimpleXPath;

// One expression, compiled once (at profile load) and evaluated on many pages. Evaluation
// does not modify the expression apart from libxml2's function-lookup cache, which every
// thread fills with the same pointer. An expression within SimpleXPath's subset is
// evaluated over the page's NodeIndex (built on first use, kept in the context), else by
// libxml2; both give the same node set.
class XPathQuery {
 public:
  enum class Engine { Fastest, Libxml2 };
  // Errors: InvalidArgument naming the expression when it does not compile. Engine::Libxml2
  // keeps every evaluation in libxml2 (tests compare the two).
  static Result<XPathQuery> compile(const std::string& expression, Engine engine = Engine::Fastest);

  // Evaluates with `node` as the context node (the document root when null).
  XPathObjectPtr eval(xmlXPathContext* ctx, xmlNode* node) const;
  const std::string& source() const { return source_; }
  // Whether eval() reads the NodeIndex rather than walking the page with libxml2.
  bool indexed() const { return simple_ != nullptr; }

 private:
  XPathQuery(std::string source, xmlXPathCompExpr* expr, std::shared_ptr<const SimpleXPath> simple);
  std::string source_;
  std::shared_ptr<xmlXPathCompExpr> expr_;  // shared: profiles are copied, never mutated
  std::shared_ptr<const SimpleXPath> simple_;  // null outside the subset
};

// A per-page XPath context whose errors go nowhere (libraries never print). It owns the
// page's NodeIndex once an indexed query has built it.
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
