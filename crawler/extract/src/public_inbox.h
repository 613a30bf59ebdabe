// public-inbox (1.9; lib/PublicInbox/View.pm, WwwStream.pm): its message pages, its threads'
// flat views and its listings.
#pragma once

#include <libxml/xpath.h>

#include <optional>
#include <vector>

#include "fora/extract/thread.h"
#include "fora/url/url.h"
#include "reader.h"

namespace fora::extract {

// public-inbox marks every page with the mirroring link <a id=mirror href="…_/text/mirror/">.
bool is_public_inbox(xmlXPathContext* ctx);
// A message page (/LIST/MESSAGE-ID/): the headers and the body in <pre id=b>, quoted lines
// in span.q, and the thread overview, whose first message is the thread's root.
std::optional<ThreadPage> read_public_inbox(xmlXPathContext* ctx, const PageContext& context);
// A thread's flat view (/LIST/MESSAGE-ID/T/): every message of the thread with its headers,
// and the thread's overview at the end, which gives each message's parent by its indent.
std::optional<ThreadPage> read_public_inbox_thread(xmlXPathContext* ctx, const PageContext& context);
// A listing of the inbox (/LIST/, /LIST/?t=…): each thread's flat view and the older page.
std::vector<Url> public_inbox_listing_links(xmlXPathContext* ctx, const PageContext& context);

}  // namespace fora::extract
