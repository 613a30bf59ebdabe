// libcurl, loaded when first used rather than when fora starts. Linked, libcurl and the 27
// libraries it pulls in (TLS, Kerberos, LDAP, SSH, ...) cost every fora process about 18 ms
// of loading and relocation (measured: 28 ms to start with them, 10 ms without), which is
// most of what a `fora search` takes, though only crawls, updates and URL parsing use them.
//
// This file defines the libcurl functions fora calls, with libcurl's own declarations
// (curl/curl.h); each forwards to the function of that name in libcurl.so.4, which the first
// call loads with dlopen. A new call to a libcurl function fails to link until it is added
// here. libcurl.so.4 is the library's ABI since 2006; the .deb depends on libcurl4.
// Plain declarations: curl's GCC type-checking macros would rewrite the definitions below.
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>
#include <dlfcn.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace {

void* libcurl() {
  static void* handle = nullptr;
  static std::once_flag once;
  std::call_once(once, [] {
    handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      // Nothing can go on without it, and no caller could say more than this.
      std::fprintf(stderr, "fora: cannot load libcurl: %s\n  hint: install Debian's libcurl4 package\n", dlerror());
      std::_Exit(1);
    }
  });
  return handle;
}

template <typename Fn>
Fn real(const char* name) {
  void* symbol = dlsym(libcurl(), name);
  if (!symbol) {
    std::fprintf(stderr, "fora: libcurl.so.4 has no %s: it is older than fora needs\n  hint: upgrade Debian's libcurl4 package\n",
                 name);
    std::_Exit(1);
  }
  return reinterpret_cast<Fn>(symbol);
}

// One pointer per function, looked up on its first call.
#define FORA_CURL_REAL(name) \
  static const auto fn = real<decltype(&::name)>(#name)

// The one argument after a setopt option, passed on with the type libcurl reads it as (the
// option's number says which: curl/curl.h, CURLOPTTYPE_*).
template <typename Handle, typename Option, typename Result>
Result forward_option(Result (*fn)(Handle*, Option, ...), Handle* handle, Option option, va_list args) {
  const long number = static_cast<long>(option);
  if (number < CURLOPTTYPE_OBJECTPOINT) return fn(handle, option, va_arg(args, long));
  if (number < CURLOPTTYPE_FUNCTIONPOINT) return fn(handle, option, va_arg(args, void*));
  if (number < CURLOPTTYPE_OFF_T) return fn(handle, option, va_arg(args, void (*)()));
  if (number < CURLOPTTYPE_BLOB) return fn(handle, option, va_arg(args, curl_off_t));
  return fn(handle, option, va_arg(args, void*));
}

}  // namespace

extern "C" {

CURLcode curl_global_init(long flags) {
  FORA_CURL_REAL(curl_global_init);
  return fn(flags);
}
void curl_global_cleanup(void) {
  FORA_CURL_REAL(curl_global_cleanup);
  fn();
}
void curl_free(void* p) {
  FORA_CURL_REAL(curl_free);
  fn(p);
}
char* curl_unescape(const char* text, int length) {
  FORA_CURL_REAL(curl_unescape);
  return fn(text, length);
}

CURL* curl_easy_init(void) {
  FORA_CURL_REAL(curl_easy_init);
  return fn();
}
void curl_easy_cleanup(CURL* handle) {
  FORA_CURL_REAL(curl_easy_cleanup);
  fn(handle);
}
CURLcode curl_easy_setopt(CURL* handle, CURLoption option, ...) {
  FORA_CURL_REAL(curl_easy_setopt);
  va_list args;
  va_start(args, option);
  CURLcode code = forward_option(fn, handle, option, args);
  va_end(args);
  return code;
}
CURLcode curl_easy_getinfo(CURL* handle, CURLINFO info, ...) {
  FORA_CURL_REAL(curl_easy_getinfo);
  va_list args;
  va_start(args, info);
  void* out = va_arg(args, void*);  // every CURLINFO is read into a pointer
  va_end(args);
  return fn(handle, info, out);
}
const char* curl_easy_strerror(CURLcode code) {
  FORA_CURL_REAL(curl_easy_strerror);
  return fn(code);
}

CURLM* curl_multi_init(void) {
  FORA_CURL_REAL(curl_multi_init);
  return fn();
}
CURLMcode curl_multi_cleanup(CURLM* multi) {
  FORA_CURL_REAL(curl_multi_cleanup);
  return fn(multi);
}
CURLMcode curl_multi_add_handle(CURLM* multi, CURL* handle) {
  FORA_CURL_REAL(curl_multi_add_handle);
  return fn(multi, handle);
}
CURLMcode curl_multi_remove_handle(CURLM* multi, CURL* handle) {
  FORA_CURL_REAL(curl_multi_remove_handle);
  return fn(multi, handle);
}
CURLMcode curl_multi_setopt(CURLM* multi, CURLMoption option, ...) {
  FORA_CURL_REAL(curl_multi_setopt);
  va_list args;
  va_start(args, option);
  CURLMcode code = forward_option(fn, multi, option, args);
  va_end(args);
  return code;
}
CURLMcode curl_multi_socket_action(CURLM* multi, curl_socket_t socket, int ev_bitmask, int* running) {
  FORA_CURL_REAL(curl_multi_socket_action);
  return fn(multi, socket, ev_bitmask, running);
}
CURLMsg* curl_multi_info_read(CURLM* multi, int* left) {
  FORA_CURL_REAL(curl_multi_info_read);
  return fn(multi, left);
}
const char* curl_multi_strerror(CURLMcode code) {
  FORA_CURL_REAL(curl_multi_strerror);
  return fn(code);
}

struct curl_slist* curl_slist_append(struct curl_slist* list, const char* text) {
  FORA_CURL_REAL(curl_slist_append);
  return fn(list, text);
}
void curl_slist_free_all(struct curl_slist* list) {
  FORA_CURL_REAL(curl_slist_free_all);
  fn(list);
}

CURLU* curl_url(void) {
  FORA_CURL_REAL(curl_url);
  return fn();
}
void curl_url_cleanup(CURLU* url) {
  FORA_CURL_REAL(curl_url_cleanup);
  fn(url);
}
CURLUcode curl_url_set(CURLU* url, CURLUPart part, const char* content, unsigned int flags) {
  FORA_CURL_REAL(curl_url_set);
  return fn(url, part, content, flags);
}
CURLUcode curl_url_get(CURLU* url, CURLUPart part, char** content, unsigned int flags) {
  FORA_CURL_REAL(curl_url_get);
  return fn(url, part, content, flags);
}

}  // extern "C"
