// fora crawl URL...: fetch sites into the archive.
#include <fmt/format.h>

#include "commands.h"
#include "fora/crawler/crawl.h"
#include "interrupt.h"

namespace fora::cli {
Status run_crawl(const Context& ctx, const CrawlCommand& cmd) {
  if (cmd.delay < 0) return make_error(Errc::InvalidArgument, "--delay must be 0 or more seconds");
  auto extractor = ctx.open_extractor();
  if (!extractor) return extractor.error();
  auto archive = ctx.open_archive(archive::Archive::Mode::Write);
  if (!archive) return archive.error();

  crawler::CrawlOptions options;
  options.start_urls = cmd.urls;
  options.delay_seconds = cmd.delay;
  options.max_pages = cmd.max_pages;
  options.timeout_seconds = cmd.timeout;
  options.user_agent = cmd.user_agent;

  // Ctrl-C: the crawl finishes its current batch, commits, and returns Cancelled.
  StopOnSignal stop;
  const auto progress = [&ctx](const crawler::CrawlProgress& p) {
    if (!ctx.err.is_tty()) return;
    ctx.err.write(fmt::format("\r\x1b[Kfetched {}  queued {}  threads {}  comments {}  {}",
                              p.fetched, p.queued, p.threads, p.comments,
                              clean(p.last_url).substr(0, 60)));
  };
  auto result = crawler::crawl(**archive, *extractor, options, progress, stop.requested());
  if (ctx.err.is_tty()) ctx.err.write("\r\x1b[K");
  if (!result) return result.error();
  if (result->resumed > 0)
    ctx.out.write(fmt::format("resumed an interrupted crawl: {} pages it had queued\n", result->resumed));
  ctx.out.write(fmt::format(
      "crawled {} pages ({} failed, {} disallowed by robots.txt): {} thread pages, {} comments, "
      "{} pages no reader knows\n"
      "archive: {}\n",
      result->fetched, result->failed, result->disallowed, result->threads, result->comments,
      result->unread, ctx.archive_dir.string()));
  return ok();
}

}  // namespace fora::cli
