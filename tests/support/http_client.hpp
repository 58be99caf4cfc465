#pragma once
// A small blocking HTTP/1.1 client over POSIX sockets for the integration tests: it talks to
// 127.0.0.1:port, keeps cookies, optionally reuses one connection, and reads responses framed by
// Content-Length (or by the server closing). Not thread-safe: one client per thread.
// Deliberately not Beast: every Beast translation unit costs ~20 s of compile time.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hoot::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
    int status = 0;
    HeaderList headers;  // names lower-cased, in the order received (Set-Cookie may repeat)
    std::string body;

    // The first header with that name (any case), or "" when absent.
    std::string Header(std::string_view name) const;
    // Every header with that name (any case), e.g. all Set-Cookie lines.
    std::vector<std::string> Headers(std::string_view name) const;
    bool HasHeader(std::string_view name) const;
    // The Set-Cookie line that sets `cookie_name`, or "" when none does.
    std::string SetCookie(std::string_view cookie_name) const;
    bool Contains(std::string_view text) const { return body.find(text) != std::string::npos; }
};

// Cookies by name, as a browser would keep them for one site (no paths, no expiry clock).
class CookieJar {
  public:
    // Stores what the response's Set-Cookie lines set; an empty value or Max-Age<=0 deletes.
    void Absorb(const HttpResponse& response);
    // The value of the Cookie request header, or "" when the jar is empty.
    std::string HeaderValue() const;
    std::optional<std::string> Get(const std::string& name) const;
    void Set(const std::string& name, const std::string& value) { cookies_[name] = value; }
    void Erase(const std::string& name) { cookies_.erase(name); }
    void Clear() { cookies_.clear(); }
    bool empty() const { return cookies_.empty(); }

  private:
    std::map<std::string, std::string> cookies_;
};

// A raw TCP connection to the server, for tests that need to misbehave (half requests, huge
// headers) or to look at the connection itself.
class RawConnection {
  public:
    // Connects to 127.0.0.1:port; throws std::runtime_error on failure.
    explicit RawConnection(unsigned short port);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;
    RawConnection(RawConnection&& other) noexcept;
    RawConnection& operator=(RawConnection&& other) noexcept;

    // Writes all of `bytes`; false when the peer has closed or reset the connection.
    bool Send(std::string_view bytes);
    // Reads one response (headers, then Content-Length bytes or up to EOF). For a HEAD request
    // pass head_only so no body is expected. Throws std::runtime_error when the connection closes
    // before a whole response arrived or nothing comes within `timeout`.
    HttpResponse ReadResponse(bool head_only = false,
                              std::chrono::milliseconds timeout = std::chrono::seconds(15));
    // Waits until the peer closes (EOF or reset) and returns true, or false after `timeout`.
    // Any bytes that arrive meanwhile are discarded.
    bool WaitForClose(std::chrono::milliseconds timeout);
    // The bytes up to and including the next `delimiter` (consumed), or nullopt when the peer
    // closes first. Throws std::runtime_error when nothing completes within `timeout`.
    std::optional<std::string> ReadUntil(std::string_view delimiter,
                                         std::chrono::milliseconds timeout);
    // Everything until the peer closes. Throws std::runtime_error after `timeout`.
    std::string ReadToClose(std::chrono::milliseconds timeout);
    bool is_open() const { return fd_ >= 0; }
    void Close();

  private:
    // Reads more bytes into buffer_; false on EOF or error. Throws on timeout.
    bool Fill(std::chrono::steady_clock::time_point deadline);

    int fd_ = -1;
    std::string buffer_;  // received and not yet consumed
};

// The blocking client. Each request sends the jar's cookies and absorbs Set-Cookie from the
// answer. Redirects are not followed: tests look at them.
class HttpClient {
  public:
    explicit HttpClient(unsigned short port, bool keep_alive = true);

    HttpResponse Get(const std::string& target, const HeaderList& headers = {});
    HttpResponse Head(const std::string& target, const HeaderList& headers = {});
    HttpResponse Post(const std::string& target, const std::string& body,
                      const std::string& content_type, const HeaderList& headers = {});
    HttpResponse Put(const std::string& target, const std::string& body,
                     const std::string& content_type, const HeaderList& headers = {});
    HttpResponse Delete(const std::string& target, const HeaderList& headers = {});
    // application/x-www-form-urlencoded, fields in the given order.
    HttpResponse PostForm(const std::string& target, const HeaderList& fields,
                          const HeaderList& headers = {});
    HttpResponse PostJson(const std::string& target, const std::string& json,
                          const HeaderList& headers = {});
    // Any method; Content-Length is sent whenever there is a body or the method is not GET/HEAD.
    HttpResponse Send(const std::string& method, const std::string& target,
                      const HeaderList& headers, const std::string& body);

    // GETs `page` and returns the csrf hidden field of its first form; throws when there is none.
    std::string CsrfFrom(const std::string& page = "/");
    // GETs `page` for a fresh CSRF token, then posts `fields` plus csrf to `action`.
    HttpResponse SubmitForm(const std::string& page, const std::string& action,
                            const HeaderList& fields);

    // Off: like curl without a cookie jar, nothing is stored or sent (API clients).
    void set_cookies_enabled(bool enabled) { cookies_enabled_ = enabled; }
    CookieJar& cookies() { return jar_; }
    const CookieJar& cookies() const { return jar_; }
    // How many TCP connections this client has opened so far.
    int connections_opened() const { return connections_opened_; }
    unsigned short port() const { return port_; }

  private:
    RawConnection& Connection();

    unsigned short port_;
    bool keep_alive_;
    CookieJar jar_;
    bool cookies_enabled_ = true;
    std::optional<RawConnection> connection_;
    int connections_opened_ = 0;
};

// Percent-encodes for a URL query or a form value (space as %20).
std::string UrlEncode(std::string_view text);
// name=value&... with both sides encoded.
std::string FormEncode(const HeaderList& fields);
// The value of the first `<input ... name="csrf" value="...">` in `html`, or "" when none.
std::string ExtractCsrf(std::string_view html);
// Text escaped the way the views escape it (& < > " '), to look for typed text in a page.
std::string HtmlEscape(std::string_view text);
// Position of `needle` in `haystack`, or npos; a readable name for ordering assertions.
std::size_t PositionOf(std::string_view haystack, std::string_view needle);

}  // namespace hoot::testing
