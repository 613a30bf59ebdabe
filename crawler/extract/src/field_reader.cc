#include "field_reader.h"

#include "fora/extract/page_limits.h"

namespace fora::extract {

std::vector<std::string> FieldReader::candidates(const XPathQuery& query, xmlNode* node,
                                                 const Scope& scope) const {
  if (!scope) return eval_strings(query, ctx_, node);
  std::vector<std::string> out;
  XPathObjectPtr result = query.eval(ctx_, node);
  if (!result || result->type != XPATH_NODESET) return eval_strings(query, ctx_, node);
  if (result->nodesetval == nullptr) return out;
  for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
    xmlNode* n = result->nodesetval->nodeTab[i];
    if (!scope(n)) continue;
    std::string s = node_string(n);
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

std::optional<std::string> FieldReader::accept(const Field& field, std::string value) const {
  if (!field.regex) return value;
  if (value.size() > kMaxRegexInput) value.resize(kMaxRegexInput);
  std::smatch m;
  if (!std::regex_search(value, m, *field.regex)) return std::nullopt;
  return m.size() > 1 && m[1].matched ? m[1].str() : m[0].str();
}

std::optional<std::string> FieldReader::first(const Field& field, xmlNode* node,
                                              const Scope& scope) const {
  for (const XPathQuery& query : field.xpaths)
    for (std::string& value : candidates(query, node, scope))
      if (auto accepted = accept(field, std::move(value)); accepted && !accepted->empty())
        return accepted;
  return std::nullopt;
}

std::vector<std::string> FieldReader::all(const Field& field, xmlNode* node) const {
  for (const XPathQuery& query : field.xpaths) {
    std::vector<std::string> out;
    for (std::string& value : candidates(query, node, {}))
      if (auto accepted = accept(field, std::move(value)); accepted && !accepted->empty())
        out.push_back(std::move(*accepted));
    if (!out.empty()) return out;
  }
  return {};
}

xmlNode* FieldReader::first_node(const Field& field, xmlNode* node, const Scope& scope) const {
  for (const XPathQuery& query : field.xpaths) {
    XPathObjectPtr result = query.eval(ctx_, node);
    if (!result || result->type != XPATH_NODESET || result->nodesetval == nullptr) continue;
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      xmlNode* n = result->nodesetval->nodeTab[i];
      if (!scope || scope(n)) return n;
    }
  }
  return nullptr;
}

std::vector<xmlNode*> FieldReader::union_nodes(const std::vector<XPathQuery>& xpaths,
                                               xmlNode* node) const {
  std::vector<xmlNode*> out;
  for (const XPathQuery& query : xpaths) {
    XPathObjectPtr result = query.eval(ctx_, node);
    if (!result || result->type != XPATH_NODESET || result->nodesetval == nullptr) continue;
    out.insert(out.end(), result->nodesetval->nodeTab,
               result->nodesetval->nodeTab + result->nodesetval->nodeNr);
  }
  return out;
}

}  // namespace fora::extract
