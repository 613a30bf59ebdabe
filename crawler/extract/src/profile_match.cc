#include "profile_match.h"

#include <string>

#include "fora/extract/page_limits.h"

namespace fora::extract {
namespace {

bool search(const std::regex& re, std::string s) {
  if (s.size() > kMaxRegexInput) s.resize(kMaxRegexInput);
  return std::regex_search(s, re);
}

// The first value of `query` that `re` finds, cut for messages.
std::optional<std::string> matching_value(const std::regex& re, xmlXPathContext* ctx,
                                          const Result<XPathQuery>& query) {
  if (!query) return std::nullopt;
  for (std::string& value : eval_strings(*query, ctx, nullptr))
    if (search(re, value)) return value.substr(0, 60);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> profile_match_reason(const Profile& profile, xmlXPathContext* ctx,
                                                std::string_view url) {
  // Compiled once, shared by every profile and thread (static init is thread-safe).
  static const Result<XPathQuery> kGenerator = XPathQuery::compile(
      "//meta[translate(@name,'GENRATO','genrato')='generator']/@content");
  static const Result<XPathQuery> kBodyClass = XPathQuery::compile("//body/@class");
  if (profile.generator)
    if (auto v = matching_value(*profile.generator, ctx, kGenerator))
      return "meta generator \"" + *v + "\" matches [match] generator";
  if (profile.body_class)
    if (auto v = matching_value(*profile.body_class, ctx, kBodyClass))
      return "body class \"" + *v + "\" matches [match] body_class";
  for (const XPathQuery& marker : profile.markers) {
    XPathObjectPtr result = marker.eval(ctx, nullptr);
    if (result && xmlXPathCastToBoolean(result.get()) != 0)
      return "[match] marker " + marker.source().substr(0, 80) + " found";
  }
  for (std::size_t i = 0; i < profile.urls.size(); ++i)
    if (search(profile.urls[i], std::string(url)))
      return "page URL matches [match] urls #" + std::to_string(i + 1);
  return std::nullopt;
}

}  // namespace fora::extract
