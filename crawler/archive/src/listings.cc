// Listings: what each listing page showed, and the listing rows seen (listings.h).
#include "catalog.h"
#include "fora/archive/listings.h"

namespace fora::archive {

Result<std::vector<bool>> Listings::remember_listing_rows(const std::vector<std::uint64_t>& hashes) {
  auto ins = catalog_.sql("INSERT INTO listing_rows(hash) VALUES(?) ON CONFLICT DO NOTHING");
  if (!ins) return ins.error();
  std::vector<bool> fresh;
  fresh.reserve(hashes.size());
  for (const std::uint64_t hash : hashes) {
    FORA_TRY((*ins)->reset().bind(1, static_cast<std::int64_t>(hash)).run());
    fresh.push_back(sqlite3_changes(catalog_.db()) > 0);
  }
  return fresh;
}

Result<std::vector<bool>> Listings::note_listed(std::string_view listing, const std::vector<std::string>& urls,
                                              std::int64_t now) {
  std::vector<bool> newly(urls.size(), false);
  auto id = catalog_.sql("SELECT id FROM pages WHERE url = ?");
  if (!id) return id.error();
  auto row = (*id)->bind(1, listing).step();
  if (!row) return row.error();
  if (!*row) return newly;  // a listing is a page: it is stored before its links are noted
  const std::int64_t listing_id = (*id)->int64(0);
  auto moved = catalog_.sql("UPDATE pages SET listed_on = ?1, listed_at = ?3 WHERE url = ?2 AND listed_on IS NOT ?1");
  if (!moved) return moved.error();
  auto stayed = catalog_.sql("UPDATE pages SET listed_at = ?2 WHERE url = ?1");
  if (!stayed) return stayed.error();
  for (std::size_t i = 0; i < urls.size(); ++i) {
    FORA_TRY((*moved)->reset().bind(1, listing_id).bind(2, urls[i]).bind(3, now).run());
    newly[i] = sqlite3_changes(catalog_.db()) > 0;
    if (!newly[i]) FORA_TRY((*stayed)->reset().bind(1, urls[i]).bind(2, now).run());
  }
  return newly;
}

Status Listings::keep_listed(std::string_view listing, std::int64_t now) {
  auto up = catalog_.sql(
      "UPDATE pages SET listed_at = ?2 WHERE listed_on = (SELECT id FROM pages WHERE url = ?1) AND listed_at < ?2");
  if (!up) return up.error();
  return (*up)->bind(1, listing).bind(2, now).run();
}

Result<std::vector<std::string>> Listings::requeue_unlisted(std::string_view origin, std::int64_t since,
                                                          std::int64_t now) {
  auto up = catalog_.sql(
      "UPDATE pages SET state = 'queued', updated_at = ?3 WHERE id IN ("
      " SELECT p.id FROM pages p JOIN pages listing ON listing.id = p.listed_on"
      " WHERE p.site_id = (SELECT id FROM sites WHERE origin = ?1) AND p.state IN ('fetched', 'failed')"
      " AND p.reason NOT IN ('404', '410')"
      " AND p.updated_at < ?2 AND p.listed_at < ?2 AND listing.state = 'fetched' AND listing.updated_at >= ?2)"
      " RETURNING url");
  if (!up) return up.error();
  (*up)->bind(1, origin).bind(2, since).bind(3, now);
  return (*up)->texts(0);
}

}  // namespace fora::archive
