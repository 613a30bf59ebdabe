#include "fora/extract/extractor.h"

#include <libxml/parser.h>

#include <algorithm>

#include "field_reader.h"
#include "html_document.h"
#include "links.h"
#include "profile.h"
#include "profile_match.h"
#include "thread_extract.h"

namespace fora::extract {

struct Extractor::Impl {
  std::vector<Profile> profiles;  // match order: file name order
  XPathQuery base_href;
  XPathQuery link_hrefs;
};

namespace {

Result<std::vector<Profile>> load_profiles(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return make_error(Errc::NotFound, "no profile folder: " + dir.string(),
                      "pass the data/profiles folder of the fora source or install");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  if (ec) return make_error(Errc::Io, "cannot list " + dir.string() + ": " + ec.message());
  if (files.empty())
    return make_error(Errc::NotFound, "no *.toml profile in " + dir.string());
  std::sort(files.begin(), files.end());
  std::vector<Profile> profiles;
  for (const auto& file : files) {
    auto profile = load_profile(file);
    if (!profile) return profile.error();
    profiles.push_back(std::move(*profile));
  }
  return profiles;
}

// Every <a href> and <link rel=next/prev>, resolved, in page order, without duplicates.
std::vector<std::string> page_links(const XPathQuery& base_href, const XPathQuery& link_hrefs,
                                    xmlXPathContext* ctx, const std::string& page_url) {
  std::string base = page_url;
  std::vector<std::string> declared = eval_strings(base_href, ctx, nullptr);
  if (!declared.empty())
    if (auto resolved = resolve_url(page_url, declared.front())) base = *resolved;
  LinkList links;
  for (const std::string& href : eval_strings(link_hrefs, ctx, nullptr))
    if (auto resolved = resolve_url(base, href)) links.add(std::move(*resolved));
  return links.take();
}

}  // namespace

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

Result<Extractor> Extractor::open(const std::filesystem::path& profiles_dir) {
  xmlInitParser();  // once, before any thread parses (libxml2's global state)
  auto profiles = load_profiles(profiles_dir);
  if (!profiles) return profiles.error();
  auto base = XPathQuery::compile("(//base[@href])[1]/@href");
  auto hrefs = XPathQuery::compile(
      "//a/@href | //area/@href | //link[@rel='next' or @rel='prev' or @rel='Next' or "
      "@rel='Prev']/@href");
  if (!base || !hrefs) return make_error(Errc::Internal, "built-in XPath does not compile");
  auto impl = std::make_unique<Impl>(Impl{std::move(*profiles), std::move(*base), std::move(*hrefs)});
  return Extractor(std::move(impl));
}

Result<Page> Extractor::extract(std::string_view html, std::string_view url,
                                std::string_view content_type) const {
  std::string page_url = resolve_url(url, url).value_or(std::string(url));
  auto doc = parse_html(html, page_url, content_type);
  if (!doc) return doc.error();
  XPathContextPtr ctx = new_quiet_context(doc->get());
  if (!ctx) return make_error(Errc::Internal, "cannot create an XPath context");

  Page page;
  page.links = page_links(impl_->base_href, impl_->link_hrefs, ctx.get(), page_url);
  for (const Profile& profile : impl_->profiles) {
    if (!profile_matches(profile, ctx.get(), page_url)) continue;
    page.profile = profile.name;
    page.thread = extract_thread(profile, ctx.get(), page_url);
    if (page.thread) {
      // The next comment page is a link the crawler must follow even when the theme
      // offers it only through a rel or data attribute.
      FieldReader reader(ctx.get());
      LinkList links;
      for (std::string& l : page.links) links.add(std::move(l));
      for (const std::string& next : reader.all(profile.next_page, nullptr))
        if (auto resolved = resolve_url(page_url, next)) links.add(std::move(*resolved));
      page.links = links.take();
    }
    break;
  }
  return page;
}

std::vector<std::string> Extractor::profile_names() const {
  std::vector<std::string> names;
  for (const Profile& p : impl_->profiles) names.push_back(p.name);
  return names;
}

}  // namespace fora::extract
