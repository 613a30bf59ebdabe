// Archive::stats: how much the archive holds, counted over every part's tables and folders
// (it spans them all, so it stays with the facade that owns the folder).
#include <filesystem>

#include "captures_internal.h"
#include "catalog.h"
#include <nlohmann/json.hpp>

#include "fora/archive/archive.h"

namespace fora::archive {
namespace {

Result<std::int64_t> scalar(const Catalog& a, const char* sql) {
  auto q = a.sql(sql);
  if (!q) return q.error();
  FORA_TRY((*q)->step());
  return (*q)->int64(0);
}

std::int64_t folder_bytes(const std::filesystem::path& dir) {
  std::int64_t total = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) total += static_cast<std::int64_t>(it->file_size(ec));
  }
  return total;
}

}  // namespace

Result<Stats> Archive::stats() const {
  Stats s;
  struct Count {
    std::int64_t* into;
    const char* sql;
  };
  const Count counts[] = {
      {&s.sites, "SELECT count(*) FROM sites"},
      {&s.pages, "SELECT count(*) FROM pages"},
      {&s.captures, "SELECT count(*) FROM captures"},
      {&s.threads, "SELECT count(*) FROM threads"},
      {&s.posts, "SELECT count(*) FROM comments WHERE kind = 'post'"},
      {&s.comments, "SELECT count(*) FROM comments WHERE kind = 'comment'"},
      {&s.comment_versions, "SELECT count(*) FROM comment_versions"},
      {&s.authors, "SELECT count(DISTINCT author) FROM comments WHERE author <> ''"},
  };
  for (const auto& c : counts) {
    auto n = scalar(*catalog_, c.sql);
    if (!n) return n.error();
    *c.into = *n;
  }
  // Per site: threads, entries, entries edited (more than one version), entries gone.
  auto q = catalog_->sql(
      "SELECT s.origin, (SELECT count(*) FROM threads t WHERE t.site_id = s.id),"
      " count(c.id), coalesce(sum(c.id IN (SELECT comment_id FROM comment_versions GROUP BY comment_id"
      "   HAVING count(*) > 1)), 0), coalesce(sum(c.gone_since IS NOT NULL), 0)"
      " FROM sites s LEFT JOIN threads t ON t.site_id = s.id LEFT JOIN comments c ON c.thread_id = t.id"
      " GROUP BY s.id ORDER BY s.origin");
  if (!q) return q.error();
  FORA_TRY((*q)->each([&](const Statement& r) {
    s.per_site.push_back({r.text(0), r.int64(1), r.int64(2), r.int64(3), r.int64(4)});
    s.edited += r.int64(3);
    s.gone += r.int64(4);
  }));
  s.snapshot_bytes = captures_->in_->snapshots->bytes();
  s.index_bytes = folder_bytes(index_dir());
  s.catalog_bytes = catalog_->bytes();
  return s;
}

Result<SiteOverview> Archive::site_overview(std::string_view origin, std::int64_t since) const {
  SiteOverview o;
  auto site = catalog_->sql("SELECT id FROM sites WHERE origin = ?");
  if (!site) return site.error();
  (*site)->bind(1, origin);
  auto found = (*site)->step();
  if (!found) return found.error();
  if (!*found) return make_error(Errc::NotFound, "no site " + std::string(origin) + " in the archive");
  const std::int64_t site_id = (*site)->int64(0);

  auto forums = catalog_->sql(
      "SELECT t.categories, count(DISTINCT t.id), count(c.id) FROM threads t LEFT JOIN comments c ON c.thread_id = t.id"
      " WHERE t.site_id = ? GROUP BY t.categories ORDER BY 2 DESC, 1");
  if (!forums) return forums.error();
  (*forums)->bind(1, site_id);
  FORA_TRY((*forums)->each([&](const Statement& r) {
    SiteOverview::Forum f;
    const auto names = nlohmann::json::parse(r.text(0), nullptr, /*allow_exceptions=*/false);
    if (names.is_array())
      for (const auto& n : names)
        if (n.is_string()) f.path.push_back(n.get<std::string>());
    f.threads = r.int64(1);
    f.entries = r.int64(2);
    o.forums.push_back(std::move(f));
  }));

  struct Count {
    std::int64_t* into;
    const char* sql;
  };
  const Count counts[] = {
      {&o.found_new,
       "SELECT count(*) FROM comments c JOIN threads t ON c.thread_id = t.id WHERE t.site_id = ?1 AND c.first_seen >= ?2"},
      {&o.found_edited,
       "SELECT count(DISTINCT v.comment_id) FROM comment_versions v JOIN comments c ON v.comment_id = c.id"
       " JOIN threads t ON c.thread_id = t.id WHERE t.site_id = ?1 AND v.seen_at >= ?2"
       " AND v.id > (SELECT min(id) FROM comment_versions WHERE comment_id = v.comment_id)"},
      {&o.found_gone,
       "SELECT count(DISTINCT g.comment_id) FROM gone_marks g JOIN comments c ON g.comment_id = c.id"
       " JOIN threads t ON c.thread_id = t.id WHERE t.site_id = ?1 AND g.gone_at >= ?2"},
  };
  for (const auto& c : counts) {
    auto q = catalog_->sql(c.sql);
    if (!q) return q.error();
    (*q)->bind(1, site_id);
    (*q)->bind(2, since);
    FORA_TRY((*q)->step());
    *c.into = (*q)->int64(0);
  }
  return o;
}

}  // namespace fora::archive
