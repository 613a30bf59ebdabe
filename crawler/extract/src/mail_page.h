// What the mail-archive readers share (mail_reader.cc, public_inbox.cc): the header comments
// MHonArc writes, a page's first string at a path, and how a subject and a Message-ID are
// cleaned up.
#pragma once

#include <libxml/xpath.h>

#include <string>
#include <vector>

namespace fora::extract {

// Entities in MHonArc's header comments ("&#45;" for '-').
std::string decode_entities(std::string s);
// The values of the comments "<!--NAME: value -->" (MHonArc's header comments), in order.
std::vector<std::string> comment_values(xmlXPathContext* ctx, const std::string& name);
// The first string `xpath` gives on the page ("" when none).
std::string first_string(xmlXPathContext* ctx, const char* xpath);
// "[Twisted-Python] Re: Re: Fwd: Subject" -> "Subject", for thread names.
std::string thread_subject(std::string subject);
// "Re: ...", "AW: ...", "[list] Re[2]: ...".
bool is_reply_subject(const std::string& subject);
// "<id@host>" -> "id@host", without control characters.
std::string message_id(std::string id);

}  // namespace fora::extract
