// The schema.org reader: threads from the structured data many engines emit, so that an
// engine no profile knows still reads. JSON-LD (<script type="application/ld+json">, @graph
// included) and microdata (itemscope/itemprop) of the types DiscussionForumPosting,
// SocialMediaPosting, QAPage/Question/Answer, BlogPosting/Article with `comment`, and
// Comment. The first top-level item is the opening post; the others and every nested
// `comment`/answer are comments, a nested one replying to the item that holds it.
#pragma once

#include <memory>

#include "reader.h"

namespace fora::extract {

std::unique_ptr<Reader> make_schema_org_reader();

}  // namespace fora::extract
