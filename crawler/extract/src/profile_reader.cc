#include "profile_reader.h"

#include "crawl_rules.h"
#include "field_reader.h"
#include "links.h"
#include "profile_match.h"
#include "schema_org_reader.h"
#include "thread_extract.h"

namespace fora::extract {
namespace {

class ProfileReader : public Reader {
 public:
  ProfileReader(Profile profile, bool forced)
      : profile_(std::move(profile)),
        forced_(forced),
        schema_org_(profile_.schema_org_base ? make_schema_org_reader() : nullptr) {}

  std::string name() const override { return "profile:" + profile_.name; }

  std::vector<Url> follow(std::vector<Url> links) const override {
    if (profile_.crawl.empty()) return links;
    std::vector<Url> out;
    for (const Url& link : links)
      if (auto kept = apply_crawl_rules(profile_.crawl, link)) out.push_back(std::move(*kept));
    return out;
  }

  std::vector<std::string> feeds(const PageContext& context) const override {
    std::vector<std::string> out;
    for (const std::string& feed : profile_.crawl.feeds)
      if (auto url = resolve_url(context.url, feed)) out.push_back(std::move(*url));
    return out;
  }

  std::optional<Reading> read(const HtmlDocument& page,
                              const PageContext& context) const override {
    Reading reading;
    if (forced_) {
      reading.why = "forced by --profile " + profile_.file;
    } else if (auto why = profile_match_reason(profile_, page.xpath, context.url)) {
      reading.why = std::move(*why);
    } else {
      return std::nullopt;
    }
    reading.feeds = named_feeds(page, context, profile_.crawl.feed_links);
    if (profile_.schema_org_base) {
      if (auto schema_org = schema_org_->read(page, context)) {
        reading.thread = std::move(schema_org->thread);
        if (reading.thread) override_thread_fields(profile_, page.xpath, context, *reading.thread);
      }
      return reading;
    }
    reading.thread = extract_thread(profile_, page.xpath, context);
    if (reading.thread) {
      if (auto own = named_feeds(page, context, profile_.crawl.thread_feed); !own.empty())
        reading.thread->feed = own.front().str();
      // The next comment page is a link the crawler must follow even when the theme
      // offers it only through a rel or data attribute.
      FieldReader reader(page.xpath);
      for (const std::string& next : reader.all(profile_.next_page, nullptr))
        if (auto resolved = resolve_url(context.url, next))
          if (auto url = Url::parse(*resolved)) reading.links.push_back(std::move(*url));
    }
    return reading;
  }

 private:
  // The feeds `field` names on the page, absolute and respelled by the [crawl] rules.
  std::vector<Url> named_feeds(const HtmlDocument& page, const PageContext& context, const Field& field) const {
    std::vector<Url> out;
    FieldReader fields(page.xpath);
    for (const std::string& href : fields.all(field, nullptr))
      if (auto resolved = resolve_url(context.url, href))
        if (auto url = Url::parse(*resolved))
          if (auto feed = respell_link(profile_.crawl, *url)) out.push_back(std::move(*feed));
    return out;
  }

  Profile profile_;
  bool forced_;
  std::unique_ptr<Reader> schema_org_;  // for profiles that lean on schema.org
};

}  // namespace

std::unique_ptr<Reader> make_profile_reader(Profile profile, bool forced) {
  return std::make_unique<ProfileReader>(std::move(profile), forced);
}

}  // namespace fora::extract
