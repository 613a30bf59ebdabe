#include "fora/extract/extractor.h"

#include <libxml/parser.h>

#include <algorithm>
#include <unordered_set>

#include "date_text.h"
#include "html_document.h"
#include "links.h"
#include "listing_rows.h"
#include "mail_reader.h"
#include "profile.h"
#include "profile_reader.h"
#include "reader.h"
#include "schema_org_reader.h"

namespace fora::extract {

struct Extractor::Impl {
  std::vector<Profile> profiles;                 // for profiles(); the readers hold copies
  std::vector<std::unique_ptr<Reader>> readers;  // match order
  XPathQuery hrefs;  // <base href> and the links (page_links)
};

namespace {

// The *.toml files of `dir`, sorted by name. A missing folder is an empty list unless
// `required`.
Result<std::vector<std::filesystem::path>> profile_files(const std::filesystem::path& dir,
                                                         bool required) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::is_directory(dir, ec)) {
    if (!required) return files;
    return make_error(Errc::NotFound, "no profile folder: " + dir.string(),
                      "pass the data/profiles folder of the fora source or install");
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  if (ec) return make_error(Errc::Io, "cannot list " + dir.string() + ": " + ec.message());
  if (files.empty() && required)
    return make_error(Errc::NotFound, "no *.toml profile in " + dir.string());
  std::sort(files.begin(), files.end());
  return files;
}

// Profiles of every folder; a later folder's profile replaces an earlier one of the same
// name in place, and new names are tried first (a user's profile for a site should win over
// the engine's).
Result<std::vector<Profile>> load_profiles(const std::vector<std::filesystem::path>& dirs) {
  std::vector<Profile> profiles;
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    auto files = profile_files(dirs[i], i == 0);
    if (!files) return files.error();
    std::vector<Profile> added;
    for (const auto& file : *files) {
      auto profile = load_profile(file);
      if (!profile) return profile.error();
      auto same = std::find_if(profiles.begin(), profiles.end(),
                               [&](const Profile& p) { return p.name == profile->name; });
      if (same != profiles.end()) *same = std::move(*profile);
      else added.push_back(std::move(*profile));
    }
    profiles.insert(profiles.begin(), std::make_move_iterator(added.begin()),
                    std::make_move_iterator(added.end()));
  }
  return profiles;
}

struct PageLinks {
  // What the page's relative links resolve against: its first <base href>, else its own
  // address; nullopt when that is no http(s) URL (a file read by `fora extract`).
  std::optional<Url> base;
  // Every <a href>, <area href> and <link rel=next/prev/canonical>, resolved, in page
  // order, without duplicates. Only the absolute ones without a `base`.
  std::vector<Url> links;
};

// One pass over the page's href attributes: `hrefs` selects the <base href> with the links'.
PageLinks page_links(const XPathQuery& hrefs, xmlXPathContext* ctx, const std::string& page_url) {
  std::optional<std::string> declared_base;
  std::vector<std::string> found;
  XPathObjectPtr selected = hrefs.eval(ctx, nullptr);
  if (selected && selected->type == XPATH_NODESET && selected->nodesetval != nullptr) {
    const xmlNodeSet& nodes = *selected->nodesetval;
    for (int i = 0; i < nodes.nodeNr; ++i) {
      std::string href = node_string(nodes.nodeTab[i]);
      if (href.empty()) continue;
      const xmlNode* element = nodes.nodeTab[i]->parent;
      if (element == nullptr || !xmlStrEqual(element->name, BAD_CAST "base")) found.push_back(std::move(href));
      else if (!declared_base) declared_base = std::move(href);
    }
  }
  PageLinks out;
  if (auto page = Url::parse(page_url)) {
    out.base = declared_base ? Url::resolve(*page, *declared_base) : std::nullopt;
    if (!out.base) out.base = std::move(*page);
  }
  LinkList links;
  for (const std::string& href : found) {
    if (out.base) {
      if (auto resolved = Url::resolve(*out.base, href)) links.add(std::move(*resolved));
    } else if (auto absolute = Url::parse(href)) {
      links.add(std::move(*absolute));
    }
  }
  out.links = links.take();
  return out;
}

// Absolute URLs (a profile's feeds, resolved) as Url values.
std::vector<Url> as_urls(std::vector<std::string> spellings) {
  std::vector<Url> out;
  out.reserve(spellings.size());
  for (const std::string& s : spellings)
    if (auto url = Url::parse(s)) out.push_back(std::move(*url));
  return out;
}

Result<std::unique_ptr<Extractor::Impl>> new_impl(std::vector<Profile> profiles) {
  xmlInitParser();  // once, before any thread parses (libxml2's global state)
  auto hrefs = XPathQuery::compile(
      "//base/@href | //a/@href | //area/@href | //link[@rel='next' or @rel='prev' or @rel='Next' or "
      "@rel='Prev' or @rel='canonical']/@href");
  if (!hrefs) return make_error(Errc::Internal, "built-in XPath does not compile");
  return std::make_unique<Extractor::Impl>(Extractor::Impl{std::move(profiles), {}, std::move(*hrefs)});
}

}  // namespace

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

Result<Extractor> Extractor::open(const std::filesystem::path& profiles_dir) {
  return open(std::vector<std::filesystem::path>{profiles_dir});
}


Result<Extractor> Extractor::open(const std::vector<std::filesystem::path>& profile_dirs) {
  if (profile_dirs.empty()) return make_error(Errc::InvalidArgument, "no profile folder given");
  auto profiles = load_profiles(profile_dirs);
  if (!profiles) return profiles.error();
  auto impl = new_impl(std::move(*profiles));
  if (!impl) return impl.error();
  for (const Profile& p : (*impl)->profiles) (*impl)->readers.push_back(make_profile_reader(p));
  // Mail archives, then engines no profile knows: their structured data, when they emit it.
  (*impl)->readers.push_back(make_mail_reader());
  (*impl)->readers.push_back(make_schema_org_reader());
  return Extractor(std::move(*impl));
}

Result<Extractor> Extractor::open_forced(const std::filesystem::path& profile_file) {
  auto profile = load_profile(profile_file);
  if (!profile) return profile.error();
  auto impl = new_impl({*profile});
  if (!impl) return impl.error();
  (*impl)->readers.push_back(make_profile_reader(std::move(*profile), true));
  return Extractor(std::move(*impl));
}

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  auto date = parse_date_text(text, std::nullopt);
  if (!date) return std::nullopt;
  return date->utc;
}

Result<Page> Extractor::extract(std::string_view html, std::string_view url,
                                std::string_view content_type,
                                std::optional<std::int64_t> captured_at,
                                std::string_view try_first) const {
  PageContext context{resolve_url(url, url).value_or(std::string(url)), captured_at};
  Page page;
  auto doc = parse_html(html, context.url, content_type, &page.warnings);
  if (!doc) return doc.error();
  XPathContextPtr ctx = new_quiet_context(doc->get());
  if (!ctx) return make_error(Errc::Internal, "cannot create an XPath context");
  HtmlDocument page_doc{doc->get(), ctx.get()};

  auto [base, found] = page_links(impl_->hrefs, ctx.get(), context.url);
  std::vector<const Reader*> order;
  order.reserve(impl_->readers.size());
  for (const auto& reader : impl_->readers)
    if (!try_first.empty() && reader->name() == try_first) order.insert(order.begin(), reader.get());
    else order.push_back(reader.get());
  for (const Reader* reader : order) {
    std::optional<Reading> claimed = reader->read(page_doc, context);
    if (!claimed) continue;
    Reading& reading = *claimed;
    page.reader = reader->name();
    page.why = std::move(reading.why);
    if (page.reader.rfind("profile:", 0) == 0) page.profile = page.reader.substr(8);
    page.thread = std::move(reading.thread);
    const std::size_t all = found.size();
    LinkList links;
    if (reading.only_these_links) found.clear();
    for (Url& l : reader->follow(std::move(found))) links.add(std::move(l));
    page.links_dropped = all - std::min(all, links.size());
    for (Url& l : reader->follow(std::move(reading.links))) links.add(std::move(l));
    found = links.take();
    page.feeds = as_urls(reader->feeds(context));
    for (Url& feed : reading.feeds) page.feeds.push_back(std::move(feed));
    page.reply_links = std::move(reading.reply_links);
    page.every_update_until = reading.every_update_until;
    break;
  }
  page.links = std::move(found);
  if (!page.thread && base) {
    // Only the rows of links the reader follows: the rest are never fetched.
    std::unordered_set<std::string> followed;
    for (const Url& l : page.links) followed.insert(l.str());
    ListingRows listing = listing_rows(doc->get(), *base);
    for (LinkRow& row : listing.rows)
      if (followed.count(row.url.str())) page.rows.push_back(std::move(row));
    page.newest_date = listing.newest;
  }
  return page;
}

std::vector<Extractor::ProfileInfo> Extractor::profiles() const {
  std::vector<ProfileInfo> out;
  for (const Profile& p : impl_->profiles) out.push_back({p.name, p.file, p.match_rules});
  return out;
}

std::vector<std::string> Extractor::profile_names() const {
  std::vector<std::string> names;
  for (const Profile& p : impl_->profiles) names.push_back(p.name);
  return names;
}

}  // namespace fora::extract
