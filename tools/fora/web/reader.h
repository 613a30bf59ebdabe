// What a page reads from: the archive opened for reading and a Searcher over its index, kept
// by each serving thread across requests (opening them took longer than most pages), brought
// up to date before each request: a new index generation (`fora index --rebuild`) is opened
// afresh, a new commit of the same one (`fora update`) is reopened, and the catalog, read
// through SQLite, sees every commit by itself.
#pragma once

#include "context.h"

namespace fora::web {

// This thread's reader, opened or brought up to date. The pointer stays good until this
// thread's next call. Errors: those of Context::open_search and Searcher::refresh.
Result<const cli::Context::Search*> reader(const cli::Context& ctx);

}  // namespace fora::web
