// A Mailman 2.1 pipermail archive written from a generated list (mail_list.h), for tests:
// Mailman 2 is not in Debian 12, so this writes what its archiver writes, from its own code
// and templates (Mailman 2.1's Mailman/Archiver/HyperArch.py, pipermail.py and
// templates/en/archtoc.html, archliststart.html, archtocentry.html, archidxhead.html,
// archidxentry.html, archidxfoot.html, article.html; the layout checked against the real
// pages in ../shared/fixtures/real/pipermail): under pipermail/LIST/ the table of contents
// (index.html: each month, newest first, with its thread, subject, author and date indexes
// and its gzipped text archive), and per month the four indexes, index.html (the thread
// index), one NNNNNN.html per message (with its previous and next message by thread) and
// the scrubbed attachments under attachments/. Files only: fora-testserver serves them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "mail_list.h"

namespace fora::test {

// What was written, as paths on the server ("/pipermail/test-list/2012-March/000003.html").
struct PipermailArchive {
  std::string toc;                          // the list's table of contents (its folder)
  std::vector<std::string> thread_indexes;  // each month's thread.html, newest month first
  std::vector<std::string> other_indexes;   // subject, author, date indexes, text archives
  std::map<std::string, std::string> page;  // Message-ID -> its page
  std::map<std::string, std::string> month; // Message-ID -> its month's thread.html
  std::vector<std::string> attachments;     // the scrubbed attachments' pages
};

// Writes the archive of `messages` (in arrival order: a message's number is its place) under
// `root`/pipermail/`list`/, as the server at `base_url` ("http://127.0.0.1:PORT") serves it
// (the attachment links in bodies are absolute, as Mailman's scrubber writes them). Dates
// are shown in UTC, the server's zone. Writing again with more messages is what Mailman does
// when they arrive: every page rewritten.
PipermailArchive write_pipermail_archive(const std::filesystem::path& root, const std::string& base_url,
                                         const std::vector<Message>& messages, const std::string& list = "test-list");

// Whether pipermail shows `m`'s parent: the thread index of a month knows only the messages
// of that month, and a message page names no parent.
bool pipermail_shows_parent(const PipermailArchive& archive, const Message& m);

}  // namespace fora::test
