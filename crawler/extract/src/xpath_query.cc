#include "xpath_query.h"

#include <libxml/xmlerror.h>

namespace fora::extract {
namespace {

void ignore_error(void*, xmlError*) {}

}  // namespace

XPathQuery::XPathQuery(std::string source, xmlXPathCompExpr* expr)
    : source_(std::move(source)), expr_(expr, XPathCompExprFree{}) {}

Result<XPathQuery> XPathQuery::compile(const std::string& expression) {
  XPathContextPtr ctx = new_quiet_context(nullptr);
  xmlXPathCompExpr* expr =
      xmlXPathCtxtCompile(ctx.get(), reinterpret_cast<const xmlChar*>(expression.c_str()));
  if (expr == nullptr)
    return make_error(Errc::InvalidArgument, "XPath does not compile: " + expression);
  return XPathQuery(expression, expr);
}

XPathObjectPtr XPathQuery::eval(xmlXPathContext* ctx, xmlNode* node) const {
  ctx->node = node != nullptr ? node : reinterpret_cast<xmlNode*>(ctx->doc);
  return XPathObjectPtr(xmlXPathCompiledEval(expr_.get(), ctx));
}

XPathContextPtr new_quiet_context(xmlDoc* doc) {
  XPathContextPtr ctx(xmlXPathNewContext(doc));
  ctx->error = &ignore_error;
  return ctx;
}

std::vector<xmlNode*> select_nodes(const std::vector<XPathQuery>& alternatives,
                                   xmlXPathContext* ctx, xmlNode* node) {
  for (const XPathQuery& query : alternatives) {
    XPathObjectPtr result = query.eval(ctx, node);
    if (!result || result->type != XPATH_NODESET || result->nodesetval == nullptr) continue;
    xmlNodeSet* set = result->nodesetval;
    if (set->nodeNr == 0) continue;
    return std::vector<xmlNode*>(set->nodeTab, set->nodeTab + set->nodeNr);
  }
  return {};
}

std::string node_string(xmlNode* node) {
  XmlCharPtr content(xmlNodeGetContent(node));
  return content ? std::string(reinterpret_cast<const char*>(content.get())) : std::string();
}

std::vector<std::string> eval_strings(const XPathQuery& query, xmlXPathContext* ctx,
                                      xmlNode* node) {
  std::vector<std::string> out;
  XPathObjectPtr result = query.eval(ctx, node);
  if (!result) return out;
  if (result->type == XPATH_NODESET) {
    if (result->nodesetval == nullptr) return out;
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      std::string s = node_string(result->nodesetval->nodeTab[i]);
      if (!s.empty()) out.push_back(std::move(s));
    }
    return out;
  }
  XmlCharPtr s(xmlXPathCastToString(result.get()));
  if (s && *s.get() != '\0') out.emplace_back(reinterpret_cast<const char*>(s.get()));
  return out;
}

}  // namespace fora::extract
