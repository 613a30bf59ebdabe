#include "pipermail_archive.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <set>

#include "support/board_markup.h"

namespace fora::test {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& file, const std::string& text) {
  board::write_file(file.parent_path(), file.filename().string(), text);
}

// i18n.ctime() in the server's zone (UTC here): "Thu Mar  1 16:19:00 UTC 2012".
std::string ctime_utc(std::int64_t t) { return board::utc(t, "%a %b %e %H:%M:%S UTC %Y"); }

// HyperArch.html_quote() and Utils.uncanonstr() for an English list (us-ascii): &, <, >, "
// escaped, every other character past ASCII written as a character reference.
std::string html_quote(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else if (c < 0x80) out += static_cast<char>(c);
    else {
      // UTF-8 to a code point (the generator writes two-byte sequences only).
      const unsigned code = ((c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
      ++i;
      out += "&#" + std::to_string(code) + ";";
    }
  }
  return out;
}

// Python 2's urllib.quote(s): everything but letters, digits, "_.-/" percent-encoded.
std::string url_quote(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '/') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

// Article.__init__ trims "Re:" from the front of the subject (REpat).
std::string trimmed_subject(const std::string& subject) {
  return subject.rfind("Re: ", 0) == 0 ? subject.substr(4) : subject;
}

// pipermail's volume of a message (HyperArchive.dateToVolName, monthly: "%Y-%B") and its label.
std::string volume(std::int64_t t) { return board::utc(t, "%Y-%B"); }
std::string volume_label(std::int64_t t) { return board::utc(t, "%B %Y"); }

struct Article {
  const Message* m = nullptr;
  std::size_t sequence = 0;
  std::string file;        // "000003.html"
  std::string thread_key;  // pipermail's threadKey: its ancestors' keys and its own
  int depth = 0;           // in the thread index, at most THREADLEVELS (3)
};

struct Volume {
  std::string name, label;
  std::vector<Article> articles;  // in thread index order
};

// The body as HyperArch.format_article writes it for text/plain: in <PRE>, HTML-quoted,
// quoted lines ("> ") italicised (IQUOTES), URLs made links.
std::string article_body(const std::string& text) {
  std::string out = "<PRE>";
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    at = end + 1;
    if (line.rfind(">", 0) == 0) {
      out += "&gt;<i>" + html_quote(line.substr(1)) + "\n</I>";
      continue;
    }
    if (auto url = line.find("http://"); url != std::string::npos) {
      const std::size_t stop = line.find('>', url);
      const std::string href = line.substr(url, stop - url);
      out += html_quote(line.substr(0, url)) + "<A HREF=\"" + href + "\">" + href + "</A>" +
             html_quote(line.substr(stop)) + "\n";
      continue;
    }
    out += html_quote(line) + "\n";
  }
  return out + "\n</PRE>";
}

std::string sorted_by_refs(const std::string& here, const std::string& anchor) {
  std::string out;
  for (const char* kind : {"thread", "subject", "author", "date"})
    if (here != kind) out += std::string("\t\t<a href=\"") + kind + ".html#" + anchor + "\">[ " + kind + " ]</a>\n";
  return out;
}

// archidxhead.html: the head of a month's index of `kind` (thread, subject, author, date).
std::string index_head(const std::string& listname, const std::string& listinfo, const Volume& v, const std::string& kind,
                       std::int64_t first, std::int64_t last) {
  return "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<HTML>\n  <HEAD>\n"
         "     <title>The " + listname + " " + v.label + " Archive by " + kind + "</title>\n"
         "     <META NAME=\"robots\" CONTENT=\"noindex,follow\">\n"
         "     <META http-equiv=\"Content-Type\" content=\"text/html; charset=us-ascii\">\n"
         "  </HEAD>\n  <BODY BGCOLOR=\"#ffffff\">\n      <a name=\"start\"></A>\n"
         "      <h1>" + v.label + " Archives by " + kind + "</h1>\n      <ul>\n"
         "         <li> <b>Messages sorted by:</b>\n\t        \n" + sorted_by_refs(kind, "start") +
         "\n\t     <li><b><a href=\"" + listinfo + "\">More info on this list...\n                    </a></b></li>\n"
         "      </ul>\n      <p><b>Starting:</b> <i>" + ctime_utc(first) + "</i><br>\n"
         "         <b>Ending:</b> <i>" + ctime_utc(last) + "</i><br>\n"
         "         <b>Messages:</b> " + std::to_string(v.articles.size()) + "<p>\n     <ul>\n\n";
}

// archidxfoot.html.
std::string index_foot(const std::string& listinfo, const std::string& kind, std::int64_t last, std::int64_t archived) {
  return "    </ul>\n    <p>\n      <a name=\"end\"><b>Last message date:</b></a> \n       <i>" + ctime_utc(last) +
         "</i><br>\n    <b>Archived on:</b> <i>" + ctime_utc(archived) + "</i>\n    <p>\n   <ul>\n"
         "         <li> <b>Messages sorted by:</b>\n\t        \n" + sorted_by_refs(kind, "start") +
         "\t     <li><b><a href=\"" + listinfo + "\">More info on this list...\n                    </a></b></li>\n"
         "     </ul>\n     <p>\n     <hr>\n     <i>This archive was generated by\n"
         "     Pipermail 0.09 (Mailman edition).</i>\n  </BODY>\n</HTML>\n";
}

// archidxentry.html.
std::string index_entry(const Article& a) {
  return "<LI><A HREF=\"" + a.file + "\">" + html_quote(trimmed_subject(a.m->subject)) + "\n</A><A NAME=\"" +
         std::to_string(a.sequence) + "\">&nbsp;</A>\n<I>" + html_quote(a.m->from_name) + "\n</I>\n\n";
}

// The month's thread index (write_threadindex_entry): each entry after the comment that
// holds its thread key, nested in <UL>s down to THREADLEVELS.
std::string thread_index_entries(const Volume& v) {
  std::string out;
  int depth = 0;
  for (const Article& a : v.articles) {
    for (; depth > a.depth; --depth) out += "</UL>\n";
    for (; depth < a.depth; ++depth) out += "<UL>\n";
    out += "<!--" + std::to_string(a.depth) + " " + a.thread_key + " -->\n" + index_entry(a);
  }
  for (; depth > 0; --depth) out += "</UL>\n";
  return out;
}

// article.html, with the previous and next message by thread.
std::string article_page(const Volume& v, std::size_t i, const std::string& body, const std::string& listname,
                         const std::string& list_email, const std::string& listinfo) {
  const Article& a = v.articles[i];
  const Message& m = *a.m;
  const std::string subject = trimmed_subject(m.subject);
  const std::string made = "mailto:" + url_quote(list_email) + "?Subject=" + url_quote("Re: " + subject) +
                           "&In-Reply-To=" + url_quote("<" + m.id + ">");
  std::string links, around;
  if (i > 0) {
    links += "   <LINK REL=\"Previous\"  HREF=\"" + v.articles[i - 1].file + "\">\n";
    around += "        <LI>Previous message (by thread): <A HREF=\"" + v.articles[i - 1].file + "\">" +
              html_quote(trimmed_subject(v.articles[i - 1].m->subject)) + "\n</A></li>\n";
  }
  if (i + 1 < v.articles.size()) {
    links += "   <LINK REL=\"Next\"  HREF=\"" + v.articles[i + 1].file + "\">\n";
    around += "        <LI>Next message (by thread): <A HREF=\"" + v.articles[i + 1].file + "\">" +
              html_quote(trimmed_subject(v.articles[i + 1].m->subject)) + "\n</A></li>\n";
  }
  const std::string seq = std::to_string(a.sequence);
  const std::string sorted = "         <LI> <B>Messages sorted by:</B> \n"
                             "              <a href=\"date.html#" + seq + "\">[ date ]</a>\n"
                             "              <a href=\"thread.html#" + seq + "\">[ thread ]</a>\n"
                             "              <a href=\"subject.html#" + seq + "\">[ subject ]</a>\n"
                             "              <a href=\"author.html#" + seq + "\">[ author ]</a>\n         </LI>\n";
  std::string email = m.from_addr;
  email.replace(email.find('@'), 1, " at ");  // ARCHIVER_OBSCURES_EMAILADDRS
  return "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<HTML>\n <HEAD>\n"
         "   <TITLE> " + html_quote(subject) + "\n   </TITLE>\n"
         "   <LINK REL=\"Index\" HREF=\"index.html\" >\n"
         "   <LINK REL=\"made\" HREF=\"" + made + "\">\n"
         "   <META NAME=\"robots\" CONTENT=\"index,nofollow\">\n"
         "   <style type=\"text/css\">\n       pre {\n           white-space: pre-wrap;       /* css-2.1, curent FF, Opera, Safari */\n"
         "           }\n   </style>\n"
         "   <META http-equiv=\"Content-Type\" content=\"text/html; charset=us-ascii\">\n" + links +
         " </HEAD>\n <BODY BGCOLOR=\"#ffffff\">\n   <H1>" + html_quote(subject) + "</H1>\n"
         "    <B>" + html_quote(m.from_name) + "</B> \n"
         "    <A HREF=\"" + made + "\"\n       TITLE=\"" + html_quote(subject) + "\">" + email + "\n       </A><BR>\n"
         "    <I>" + ctime_utc(m.date) + "</I>\n    <P><UL>\n" + around + sorted + "       </UL>\n    <HR>  \n"
         "<!--beginarticle-->\n" + body + "\n\n<!--endarticle-->\n    <HR>\n    <P><UL>\n        <!--threads-->\n" +
         around + sorted + "       </UL>\n\n<hr>\n<a href=\"" + listinfo + "\">More information about the " + listname +
         "\nmailing list</a><br>\n</body></html>\n";
}

// Article.as_text(): the month's text archive.
std::string article_text(const Message& m, const std::string& body) {
  std::string email = m.from_addr;
  email.replace(email.find('@'), 1, " at ");
  std::string out = "From " + email + "  " + board::utc(m.date, "%a %b %e %H:%M:%S %Y") + "\nFrom: " + email + " (" +
                    m.from_name + ")\nDate: " + rfc2822(m.date, m.zone) + "\nSubject: " + m.subject + "\n";
  if (!m.parent.empty()) out += "In-Reply-To: <" + m.parent + ">\nReferences: <" + m.root + ">\n";
  return out + "Message-ID: <" + m.id + ">\n\n" + body + "\n";
}

}  // namespace

bool pipermail_shows_parent(const PipermailArchive& archive, const Message& m) {
  auto parent = archive.month.find(m.parent);
  return !m.parent.empty() && parent != archive.month.end() && parent->second == archive.month.at(m.id);
}

PipermailArchive write_pipermail_archive(const fs::path& root, const std::string& base_url,
                                         const std::vector<Message>& messages, const std::string& list) {
  std::string listname = list;  // the list's real_name: "Test-List"
  for (std::size_t i = 0; i < listname.size(); ++i)
    if (i == 0 || listname[i - 1] == '-') listname[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(listname[i])));
  const std::string listinfo = base_url + "/mailman/listinfo/" + list;
  const std::string list_email = list + "@lists.example.org";
  const std::string dir = "/pipermail/" + list + "/";
  const fs::path folder = root / ("pipermail/" + list);
  PipermailArchive out;
  out.toc = dir;

  // The volumes, and each message's body as the scrubber leaves it: every seventh message
  // carried an HTML part, now a link to its page under attachments/.
  std::map<std::string, Volume> volumes;
  std::map<std::string, std::string> key_of;  // Message-ID -> thread key, within its month
  std::map<std::string, std::string> text_of;
  std::int64_t archived = 0;
  for (std::size_t n = 0; n < messages.size(); ++n) {
    const Message& m = messages[n];
    archived = std::max(archived, m.date);
    std::string text = m.quoted.empty() ? "" : "On " + rfc2822(m.date - 600) + ", Someone wrote:\n> " + m.quoted + "\n\n";
    text += m.text + "\n";
    if (n % 7 == 3) {
      char hash[32];
      std::snprintf(hash, sizeof hash, "%08zx", n * 2654435761u % 0xffffffffu);
      const std::string attachment = "attachments/" + board::utc(m.date, "%Y%m%d") + "/" + hash + "/attachment.html";
      text += "-------------- next part --------------\nAn HTML attachment was scrubbed...\nURL: <" + base_url + dir +
              attachment + ">\n";
      write(folder / attachment, "<html><body><p>" + m.text + "</p></body></html>\n");
      out.attachments.push_back(dir + attachment);
    }
    text_of[m.id] = text;
    Volume& v = volumes[volume(m.date)];
    v.name = volume(m.date);
    v.label = volume_label(m.date);
    Article a;
    a.m = &m;
    a.sequence = n;
    char file[32];
    std::snprintf(file, sizeof file, "%06zu.html", n);
    a.file = file;
    // Database.addArticle: a parent archived in the same month gives its key as a prefix.
    auto parent = key_of.find(m.parent);
    const bool same_month = parent != key_of.end() && out.month.at(m.parent) == dir + v.name + "/thread.html";
    char own[48];
    std::snprintf(own, sizeof own, "%011lld.%zu-", static_cast<long long>(m.date), n);
    a.thread_key = (same_month ? parent->second : "") + own;
    a.depth = std::min<int>(3, static_cast<int>(std::count(a.thread_key.begin(), a.thread_key.end(), '-')) - 1);
    key_of[m.id] = a.thread_key;
    out.month[m.id] = dir + v.name + "/thread.html";
    out.page[m.id] = dir + v.name + "/" + a.file;
    v.articles.push_back(a);
  }

  // Newest month first, as sortarchives() orders the table of contents.
  std::vector<Volume*> newest_first;
  for (auto& [name, v] : volumes) newest_first.push_back(&v);
  std::sort(newest_first.begin(), newest_first.end(),
            [](const Volume* a, const Volume* b) { return a->articles.front().m->date > b->articles.front().m->date; });
  std::string listing;
  for (Volume* vp : newest_first) {
    Volume& v = *vp;
    std::int64_t first = v.articles.front().m->date, last = first;
    for (const Article& a : v.articles) first = std::min(first, a.m->date), last = std::max(last, a.m->date);
    const fs::path month = folder / v.name;
    const std::string head_dir = dir + v.name + "/";

    // The simple indexes (_update_simple_index): by date, subject (without its prefix), author.
    auto simple = [&](const std::string& kind, auto less) {
      std::vector<Article> sorted = v.articles;
      std::stable_sort(sorted.begin(), sorted.end(), less);
      std::string page = index_head(listname, listinfo, v, kind, first, last);
      for (const Article& a : sorted) page += index_entry(a);
      write(month / (kind + ".html"), page + index_foot(listinfo, kind, last, archived));
      out.other_indexes.push_back(head_dir + kind + ".html");
    };
    simple("date", [](const Article& a, const Article& b) { return a.m->date < b.m->date; });
    simple("subject", [](const Article& a, const Article& b) {
      return std::make_pair(trimmed_subject(a.m->subject), a.m->date) < std::make_pair(trimmed_subject(b.m->subject), b.m->date);
    });
    simple("author", [](const Article& a, const Article& b) {
      return std::make_pair(a.m->from_name, a.m->date) < std::make_pair(b.m->from_name, b.m->date);
    });
    // The thread index, in thread key order; index.html is the same page (a symlink there).
    std::sort(v.articles.begin(), v.articles.end(), [](const Article& a, const Article& b) {
      return std::make_pair(a.thread_key, a.m->id) < std::make_pair(b.thread_key, b.m->id);
    });
    const std::string thread = index_head(listname, listinfo, v, "thread", first, last) + thread_index_entries(v) +
                               index_foot(listinfo, "thread", last, archived);
    write(month / "thread.html", thread);
    write(month / "index.html", thread);
    out.thread_indexes.push_back(head_dir + "thread.html");

    std::string text;
    for (std::size_t i = 0; i < v.articles.size(); ++i) {
      const Message& m = *v.articles[i].m;
      write(month / v.articles[i].file,
            article_page(v, i, article_body(text_of.at(m.id)), listname, list_email, listinfo));
    }
    for (const Article& a : v.articles) text += article_text(*a.m, text_of.at(a.m->id));
    // update_archive: the month's text archive, gzipped (GZIP_ARCHIVE_TXT_FILES).
    const fs::path txt = folder / (v.name + ".txt");
    write(txt, text);
    const RunResult zipped = run({"gzip", "-nf", txt.string()});
    if (zipped.exit_code != 0) throw std::runtime_error("gzip: " + zipped.err);
    out.other_indexes.push_back(dir + v.name + ".txt.gz");
    const auto size = fs::file_size(folder / (v.name + ".txt.gz"));
    const std::string sz = size < 1000 ? " " + std::to_string(size) + " bytes " : " " + std::to_string(size / 1000) + " KB ";
    // archtocentry.html
    listing += "\n\t    <tr>\n            <td>" + v.label + ":</td>\n            <td>\n"
               "              <A href=\"" + v.name + "/thread.html\">[ Thread ]</a>\n"
               "              <A href=\"" + v.name + "/subject.html\">[ Subject ]</a>\n"
               "              <A href=\"" + v.name + "/author.html\">[ Author ]</a>\n"
               "              <A href=\"" + v.name + "/date.html\">[ Date ]</a>\n            </td>\n"
               "            <td><A href=\"" + v.name + ".txt.gz\">[ Gzip'd Text" + sz + "]</a></td>\n            </tr>\n\n";
  }
  // The full raw archive beside the folder (PUBLIC_MBOX) and the table of contents: archtoc.html
  // with archliststart.html, the entries and archlistend.html.
  write(root / ("pipermail/" + list + ".mbox/" + list + ".mbox"), mbox(messages));
  out.other_indexes.push_back("/pipermail/" + list + ".mbox/" + list + ".mbox");
  const auto mbox_size = fs::file_size(root / ("pipermail/" + list + ".mbox/" + list + ".mbox"));
  write(folder / "index.html",
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<HTML>\n  <HEAD>\n"
        "     <title>The " + listname + " Archives</title>\n     <META NAME=\"robots\" CONTENT=\"noindex,follow\">\n"
        "     <META http-equiv=\"Content-Type\" content=\"text/html; charset=us-ascii\">\n  </HEAD>\n"
        "  <BODY BGCOLOR=\"#ffffff\">\n     <h1>The " + listname + " Archives </h1>\n     <p>\n"
        "      You can get <a href=\"" + listinfo + "\">more information about this list</a>\n"
        "      or you can <a href=\"../" + list + ".mbox/" + list + ".mbox\">download the full raw archive</a>\n"
        "      (" + std::to_string(mbox_size / 1000) + " KB).\n     </p>\n     \n"
        "\t<table border=3>\n          <tr><td>Archive</td>\n          <td>View by:</td>\n"
        "          <td>Downloadable version</td></tr>\n\n" + listing + "         </table>\n     </BODY>\n     </HTML>\n");
  return out;
}

}  // namespace fora::test
