// One RAII owner per libxml2 handle this library touches. Move-only by construction
// (std::unique_ptr), so a document or XPath result is freed exactly once.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xpath.h>

#include <memory>

namespace fora::extract {

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
// Frees a context made by new_quiet_context() (xpath_query.h) with what it holds.
void free_quiet_context(xmlXPathContext* c);
struct XPathContextFree {
  void operator()(xmlXPathContext* c) const { free_quiet_context(c); }
};
struct XPathObjectFree {
  void operator()(xmlXPathObject* o) const { xmlXPathFreeObject(o); }
};
struct XPathCompExprFree {
  void operator()(xmlXPathCompExpr* e) const { xmlXPathFreeCompExpr(e); }
};
struct XmlCharFree {
  void operator()(xmlChar* s) const { xmlFree(s); }
};

using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;
using XPathContextPtr = std::unique_ptr<xmlXPathContext, XPathContextFree>;
using XPathObjectPtr = std::unique_ptr<xmlXPathObject, XPathObjectFree>;
using XPathCompExprPtr = std::unique_ptr<xmlXPathCompExpr, XPathCompExprFree>;
using XmlCharPtr = std::unique_ptr<xmlChar, XmlCharFree>;

}  // namespace fora::extract
