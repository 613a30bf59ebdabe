// The mail-archive reader: one message page of a list archive becomes one entry.
//   MHonArc      the <!--X-Message-Id-->, <!--X-Reference-->, <!--X-Date--> comments it
//                writes; the last reference is the parent, the first names the thread.
//   public-inbox the headers printed in <pre id=b>: Message-ID, In-Reply-To (the parent);
//                the thread overview's first message is the thread's root.
//   pipermail    (Mailman 2) the message's own Message-ID is the In-Reply-To of the page's
//                reply link; the thread is named by the list and the subject without "Re:",
//                since the page names no references; the month's thread index tells which
//                message page replies to which (Page::reply_links).
// The body (<pre>) is split into own words and quoted "> " blocks (mail_text.h).
#pragma once

#include <memory>
#include "reader.h"

namespace fora::extract {

std::unique_ptr<Reader> make_mail_reader();

}  // namespace fora::extract
