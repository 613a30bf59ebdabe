#include "profile_match.h"

#include <string>

namespace fora::extract {
namespace {

// Attribute values are short, but bound the regex input anyway: std::regex recurses per
// character and a hostile page could otherwise exhaust the stack.
constexpr std::size_t kMaxRegexInput = 4096;

bool search(const std::regex& re, std::string s) {
  if (s.size() > kMaxRegexInput) s.resize(kMaxRegexInput);
  return std::regex_search(s, re);
}

bool any_attribute_matches(const std::regex& re, xmlXPathContext* ctx,
                           const Result<XPathQuery>& query) {
  if (!query) return false;
  for (const std::string& value : eval_strings(*query, ctx, nullptr))
    if (search(re, value)) return true;
  return false;
}

}  // namespace

bool profile_matches(const Profile& profile, xmlXPathContext* ctx, std::string_view url) {
  // Compiled once, shared by every profile and thread (static init is thread-safe).
  static const Result<XPathQuery> kGenerator = XPathQuery::compile(
      "//meta[translate(@name,'GENRATO','genrato')='generator']/@content");
  static const Result<XPathQuery> kBodyClass = XPathQuery::compile("//body/@class");
  if (profile.generator &&
      any_attribute_matches(*profile.generator, ctx, kGenerator))
    return true;
  if (profile.body_class && any_attribute_matches(*profile.body_class, ctx, kBodyClass))
    return true;
  for (const XPathQuery& marker : profile.markers) {
    XPathObjectPtr result = marker.eval(ctx, nullptr);
    if (result && xmlXPathCastToBoolean(result.get()) != 0) return true;
  }
  for (const std::regex& re : profile.urls)
    if (search(re, std::string(url))) return true;
  return false;
}

}  // namespace fora::extract
