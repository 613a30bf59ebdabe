// fora-stagebench: where a crawled page's CPU goes, stage by stage, without the network.
// Reads the pages of a generated bench site (fora-benchsite's pages.txt) into memory, then
// times on one thread: libxml2's parse alone, fora's whole extraction (parse, links,
// reader), and the archive's prepare_capture (digest, WARC record, zstd). The crawl bench
// says how fast fora is; this says which stage to work on.
//
// Usage: fora-stagebench --site DIR --profiles DIR [--pages N] [--rounds R]
#include <libxml/HTMLparser.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "fora/archive/captures.h"
#include "fora/extract/extractor.h"

namespace {

struct Page {
  std::string url, body;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string site, profiles;
  std::size_t limit = 1000;
  int rounds = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--site") site = argv[i + 1];
    else if (a == "--profiles") profiles = argv[i + 1];
    else if (a == "--pages") limit = std::stoul(argv[i + 1]);
    else if (a == "--rounds") rounds = std::stoi(argv[i + 1]);
    else { std::cerr << "fora-stagebench: unknown option " << a << "\n"; return 2; }
  }
  if (site.empty() || profiles.empty()) {
    std::cerr << "usage: fora-stagebench --site DIR --profiles DIR [--pages N] [--rounds R]\n";
    return 2;
  }
  std::vector<Page> pages;
  std::ifstream list(site + "/pages.txt");
  for (std::string path; pages.size() < limit && std::getline(list, path);) {
    std::string file = site + path + (path.back() == '/' ? "index.html" : "");
    pages.push_back({"http://127.0.0.1:8080" + path, read_file(file)});
  }
  if (pages.empty()) { std::cerr << "fora-stagebench: no pages in " << site << "/pages.txt\n"; return 1; }
  auto extractor = fora::extract::Extractor::open(profiles);
  if (!extractor) { std::cerr << extractor.error().message << "\n"; return 1; }

  double parse = 1e9, extract = 1e9, compress = 1e9;
  std::size_t entries = 0, links = 0;
  std::string reader;
  for (int r = 0; r < rounds; ++r) {  // the best round: the machine is shared
    auto t0 = std::chrono::steady_clock::now();
    for (const Page& p : pages) {
      htmlDocPtr doc = htmlReadMemory(p.body.data(), static_cast<int>(p.body.size()), p.url.c_str(),
                                      "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                      HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT);
      xmlFreeDoc(doc);
    }
    parse = std::min(parse, seconds_since(t0));
    t0 = std::chrono::steady_clock::now();
    entries = links = 0;
    for (const Page& p : pages) {
      auto page = extractor->extract(p.body, p.url, "text/html; charset=UTF-8", 1700000000, reader);
      if (!page) continue;
      reader = page->reader;
      links += page->links.size();
      if (page->thread) entries += page->thread->comments.size() + (page->thread->post ? 1 : 0);
    }
    extract = std::min(extract, seconds_since(t0));
    t0 = std::chrono::steady_clock::now();
    for (const Page& p : pages) {
      fora::archive::Response response;
      response.url = p.url;
      response.status = 200;
      response.headers = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
      response.body = p.body;
      response.content_type = "text/html";
      response.fetched_at = 1700000000;
      response.request = "GET / HTTP/1.1\r\nHost: bench\r\nUser-Agent: fora/0.1\r\nAccept: */*\r\n\r\n";
      if (!fora::archive::prepare_capture(response)) return 1;
    }
    compress = std::min(compress, seconds_since(t0));
  }
  const double n = static_cast<double>(pages.size());
  std::printf("%zu pages, %zu entries, %zu links; ms per page, best of %d rounds:\n", pages.size(),
              entries, links, rounds);
  std::printf("| stage                         | ms/page |\n|-------------------------------|---------|\n");
  std::printf("| libxml2 parse alone           | %7.3f |\n", 1000 * parse / n);
  std::printf("| extract (parse, links, reader)| %7.3f |\n", 1000 * extract / n);
  std::printf("|   of which not parsing        | %7.3f |\n", 1000 * (extract - parse) / n);
  std::printf("| prepare_capture (sha, zstd)   | %7.3f |\n", 1000 * compress / n);
  return 0;
}
