#include "xpath/xpath_query.h"

#include <libxml/xmlerror.h>
#include <libxml/xpathInternals.h>

#include <regex>

#include "xpath/node_index.h"
#include "xpath/simple_xpath.h"

namespace fora::extract {
namespace {

void ignore_error(void*, xmlError*) {}

// has-token(S, T): whether T is one of the blank-separated words of the string S (the
// first node's value when S is a node set). What profiles mean by
// contains(concat(' ',normalize-space(@class),' '),' T '), which costs three string copies
// per node visited; this reads an attribute's value in place.
void has_token(xmlXPathParserContext* ctxt, int nargs) {
  if (nargs != 2) {
    xmlXPathErr(ctxt, XPATH_INVALID_ARITY);
    return;
  }
  xmlChar* token = xmlXPathPopString(ctxt);
  xmlXPathObject* subject = valuePop(ctxt);
  const xmlChar* s = nullptr;
  xmlChar* owned = nullptr;
  if (subject != nullptr && subject->type == XPATH_NODESET) {
    if (subject->nodesetval != nullptr && subject->nodesetval->nodeNr > 0) {
      xmlNode* n = subject->nodesetval->nodeTab[0];
      if (n->type == XML_ATTRIBUTE_NODE && n->children != nullptr &&
          n->children->type == XML_TEXT_NODE && n->children->next == nullptr) {
        s = n->children->content;
      } else {
        s = owned = xmlXPathCastNodeToString(n);
      }
    }
  } else if (subject != nullptr) {
    s = owned = xmlXPathCastToString(subject);
  }
  auto text = [](const xmlChar* x) {
    return x != nullptr ? std::string_view(reinterpret_cast<const char*>(x)) : std::string_view();
  };
  const bool found = has_word(text(s), text(token));
  xmlFree(owned);
  xmlFree(token);
  xmlXPathFreeObject(subject);
  valuePush(ctxt, xmlXPathNewBoolean(found ? 1 : 0));
}

// The class test as profiles spell it, rewritten to has-token() (same meaning, for any
// attribute and any blank-free word).
std::string use_has_token(const std::string& expression) {
  static const std::regex kTokenTest(
      R"(contains\(\s*concat\(\s*' '\s*,\s*normalize-space\(\s*(@[A-Za-z_][-\w.]*)\s*\)\s*,\s*' '\s*\)\s*,\s*' ([^' ]+) '\s*\))");
  if (expression.find("normalize-space") == std::string::npos) return expression;
  return std::regex_replace(expression, kTokenTest, "has-token($1,'$2')");
}

}  // namespace

XPathQuery::XPathQuery(std::string source, xmlXPathCompExpr* expr,
                       std::shared_ptr<const SimpleXPath> simple)
    : source_(std::move(source)), expr_(expr, XPathCompExprFree{}), simple_(std::move(simple)) {}

Result<XPathQuery> XPathQuery::compile(const std::string& expression, Engine engine) {
  XPathContextPtr ctx = new_quiet_context(nullptr);
  const std::string rewritten = use_has_token(expression);
  xmlXPathCompExpr* expr =
      xmlXPathCtxtCompile(ctx.get(), reinterpret_cast<const xmlChar*>(rewritten.c_str()));
  if (expr == nullptr)
    return make_error(Errc::InvalidArgument, "XPath does not compile: " + expression);
  std::shared_ptr<const SimpleXPath> simple;
  if (engine == Engine::Fastest)
    if (auto parsed = SimpleXPath::parse(rewritten))
      simple = std::make_shared<const SimpleXPath>(std::move(*parsed));
  return XPathQuery(expression, expr, std::move(simple));
}

XPathObjectPtr XPathQuery::eval(xmlXPathContext* ctx, xmlNode* node) const {
  ctx->node = node != nullptr ? node : reinterpret_cast<xmlNode*>(ctx->doc);
  if (simple_ != nullptr && ctx->doc != nullptr) {
    if (ctx->userData == nullptr) ctx->userData = new NodeIndex(ctx->doc);
    const auto& index = *static_cast<const NodeIndex*>(ctx->userData);
    if (auto nodes = simple_->select(index, ctx->node)) {
      xmlNodeSet* set = xmlXPathNodeSetCreate(nullptr);
      for (xmlNode* n : *nodes) xmlXPathNodeSetAddUnique(set, n);
      return XPathObjectPtr(xmlXPathWrapNodeSet(set));
    }
  }
  return XPathObjectPtr(xmlXPathCompiledEval(expr_.get(), ctx));
}

void free_quiet_context(xmlXPathContext* c) {
  if (c == nullptr) return;
  delete static_cast<NodeIndex*>(c->userData);
  xmlXPathFreeContext(c);
}

XPathContextPtr new_quiet_context(xmlDoc* doc) {
  XPathContextPtr ctx(xmlXPathNewContext(doc));
  ctx->error = &ignore_error;
  xmlXPathRegisterFunc(ctx.get(), reinterpret_cast<const xmlChar*>("has-token"), &has_token);
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
