#include "mail_page.h"

#include <boost/algorithm/string/predicate.hpp>

#include <cstring>
#include <regex>

#include "fora/ascii_space.h"
#include "mail_text.h"
#include "sanitize.h"
#include "xpath/xpath_query.h"

namespace fora::extract {

std::string decode_entities(std::string s) {
  static const std::regex kNumeric("&#([0-9]{1,6});");
  std::string out;
  std::sregex_iterator it(s.begin(), s.end(), kNumeric), end;
  std::size_t at = 0;
  for (; it != end; ++it) {
    out.append(s, at, static_cast<std::size_t>(it->position()) - at);
    const long code = std::stol((*it)[1].str());
    if (code > 0 && code < 0x80) out += static_cast<char>(code);
    at = static_cast<std::size_t>(it->position() + it->length());
  }
  out.append(s, at);
  for (auto [entity, ch] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}})
    for (std::size_t p; (p = out.find(entity)) != std::string::npos;) out.replace(p, std::strlen(entity), ch);
  return out;
}

std::vector<std::string> comment_values(xmlXPathContext* ctx, const std::string& name) {
  static const Result<XPathQuery> kComments = XPathQuery::compile("//comment()");
  std::vector<std::string> out;
  if (!kComments) return out;
  for (const std::string& c : eval_strings(*kComments, ctx, nullptr))
    if (boost::algorithm::starts_with(c, name + ":"))
      out.push_back(decode_entities(std::string(trim_ascii_space(c.substr(name.size() + 1)))));
  return out;
}

std::string first_string(xmlXPathContext* ctx, const char* xpath) {
  auto query = XPathQuery::compile(xpath);
  if (!query) return {};
  for (std::string& v : eval_strings(*query, ctx, nullptr)) return v;
  return {};
}

std::string thread_subject(std::string subject) {
  static const std::regex kPrefix(R"(^\s*(?:\[[^\]]{1,60}\]\s*|(?:re|aw|sv|fwd?|wg)\s*(?:\[[0-9]+\])?\s*:\s*)+)",
                                  std::regex::icase);
  return normalize_line(std::regex_replace(subject, kPrefix, ""));
}

bool is_reply_subject(const std::string& subject) {
  static const std::regex kRe(R"(^\s*(?:\[[^\]]{1,60}\]\s*)?(?:re|aw|sv)\s*(?:\[[0-9]+\])?\s*:)",
                              std::regex::icase);
  return std::regex_search(subject, kRe);
}

std::string message_id(std::string id) {
  id = trim_ascii_space(id);
  if (!id.empty() && id.front() == '<') id.erase(0, 1);
  if (!id.empty() && id.back() == '>') id.pop_back();
  return strip_controls(id);
}

}  // namespace fora::extract
