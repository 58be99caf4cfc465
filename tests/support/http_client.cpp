#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace hoot::testing {
namespace {

// The connection closed before a single byte of the response: on a reused keep-alive
// connection this means the server had already dropped it, and the request may be retried.
class ClosedBeforeResponse : public std::runtime_error {
  public:
    ClosedBeforeResponse() : std::runtime_error("connection closed before any response") {}
};

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string LowerCase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), Lower);
    return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return Lower(x) == Lower(y); });
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// "HTTP/1.1 200 OK\r\nName: value\r\n..." without the final blank line.
HttpResponse ParseHead(std::string_view head) {
    HttpResponse response;
    auto line_end = head.find("\r\n");
    std::string_view status_line = head.substr(0, line_end);
    auto space = status_line.find(' ');
    if (!status_line.starts_with("HTTP/1.") || space == std::string_view::npos)
        throw std::runtime_error("malformed status line: " + std::string(status_line));
    response.status = std::atoi(std::string(status_line.substr(space + 1, 3)).c_str());
    std::string_view rest =
        line_end == std::string_view::npos ? std::string_view() : head.substr(line_end + 2);
    while (!rest.empty()) {
        auto end = rest.find("\r\n");
        std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 2);
        auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        response.headers.emplace_back(LowerCase(Trim(line.substr(0, colon))),
                                      std::string(Trim(line.substr(colon + 1))));
    }
    return response;
}

std::chrono::steady_clock::time_point Deadline(std::chrono::milliseconds timeout) {
    return std::chrono::steady_clock::now() + timeout;
}

}  // namespace

// ---- HttpResponse ----

std::string HttpResponse::Header(std::string_view name) const {
    for (const auto& [key, value] : headers)
        if (EqualsIgnoreCase(key, name)) return value;
    return {};
}

std::vector<std::string> HttpResponse::Headers(std::string_view name) const {
    std::vector<std::string> values;
    for (const auto& [key, value] : headers)
        if (EqualsIgnoreCase(key, name)) values.push_back(value);
    return values;
}

bool HttpResponse::HasHeader(std::string_view name) const {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto& header) { return EqualsIgnoreCase(header.first, name); });
}

std::string HttpResponse::SetCookie(std::string_view cookie_name) const {
    std::string prefix = std::string(cookie_name) + "=";
    for (const auto& line : Headers("set-cookie"))
        if (line.starts_with(prefix)) return line;
    return {};
}

// ---- CookieJar ----

void CookieJar::Absorb(const HttpResponse& response) {
    for (const auto& line : response.Headers("set-cookie")) {
        std::string_view rest = line;
        auto semi = rest.find(';');
        std::string_view pair = Trim(rest.substr(0, semi));
        auto eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        std::string name(Trim(pair.substr(0, eq)));
        std::string value(Trim(pair.substr(eq + 1)));
        bool expired = false;
        while (semi != std::string_view::npos) {
            rest = rest.substr(semi + 1);
            semi = rest.find(';');
            std::string_view attribute = Trim(rest.substr(0, semi));
            constexpr std::string_view kMaxAge = "max-age=";
            if (attribute.size() > kMaxAge.size() &&
                EqualsIgnoreCase(attribute.substr(0, kMaxAge.size()), kMaxAge)) {
                expired = std::atol(std::string(attribute.substr(kMaxAge.size())).c_str()) <= 0;
            }
        }
        if (value.empty() || expired)
            cookies_.erase(name);
        else
            cookies_[name] = value;
    }
}

std::string CookieJar::HeaderValue() const {
    std::string header;
    for (const auto& [name, value] : cookies_) {
        if (!header.empty()) header += "; ";
        header.append(name).append("=").append(value);
    }
    return header;
}

std::optional<std::string> CookieJar::Get(const std::string& name) const {
    auto it = cookies_.find(name);
    if (it == cookies_.end()) return std::nullopt;
    return it->second;
}

// ---- RawConnection ----

RawConnection::RawConnection(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        std::string error = std::strerror(errno);
        Close();
        throw std::runtime_error("connect to 127.0.0.1:" + std::to_string(port) + ": " + error);
    }
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

RawConnection::~RawConnection() { Close(); }

RawConnection::RawConnection(RawConnection&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), buffer_(std::move(other.buffer_)) {}

RawConnection& RawConnection::operator=(RawConnection&& other) noexcept {
    if (this != &other) {
        Close();
        fd_ = std::exchange(other.fd_, -1);
        buffer_ = std::move(other.buffer_);
    }
    return *this;
}

void RawConnection::Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    buffer_.clear();
}

bool RawConnection::Send(std::string_view bytes) {
    while (!bytes.empty()) {
        if (fd_ < 0) return false;
        ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool RawConnection::Fill(std::chrono::steady_clock::time_point deadline) {
    if (fd_ < 0) return false;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) throw std::runtime_error("timed out waiting for the server");
        pollfd pfd{fd_, POLLIN, 0};
        int ready = ::poll(&pfd, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0) return false;
        if (ready == 0) continue;  // the deadline check above throws
        char chunk[16 * 1024];
        ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return true;
    }
}

std::optional<std::string> RawConnection::ReadUntil(std::string_view delimiter,
                                                    std::chrono::milliseconds timeout) {
    auto deadline = Deadline(timeout);
    std::size_t end;
    while ((end = buffer_.find(delimiter)) == std::string::npos) {
        if (!Fill(deadline)) return std::nullopt;
    }
    std::string taken = buffer_.substr(0, end + delimiter.size());
    buffer_.erase(0, end + delimiter.size());
    return taken;
}

std::string RawConnection::ReadToClose(std::chrono::milliseconds timeout) {
    auto deadline = Deadline(timeout);
    while (Fill(deadline)) {
    }
    return std::exchange(buffer_, std::string());
}

HttpResponse RawConnection::ReadResponse(bool head_only, std::chrono::milliseconds timeout) {
    auto deadline = Deadline(timeout);
    std::size_t head_end;
    while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
        if (!Fill(deadline)) {
            if (buffer_.empty()) throw ClosedBeforeResponse();
            throw std::runtime_error("connection closed inside the response headers");
        }
    }
    HttpResponse response = ParseHead(std::string_view(buffer_).substr(0, head_end));
    buffer_.erase(0, head_end + 4);
    bool no_body = head_only || response.status == 204 || response.status == 304 ||
                   (response.status >= 100 && response.status < 200);
    std::string length = response.Header("content-length");
    if (no_body) return response;
    if (!length.empty()) {
        std::size_t size = std::stoul(length);
        while (buffer_.size() < size) {
            if (!Fill(deadline)) throw std::runtime_error("connection closed inside the body");
        }
        response.body = buffer_.substr(0, size);
        buffer_.erase(0, size);
    } else {
        if (!response.Header("transfer-encoding").empty())
            throw std::runtime_error("chunked responses are not supported by the test client");
        while (Fill(deadline)) {
        }
        response.body = std::move(buffer_);
        buffer_.clear();
        Close();
    }
    return response;
}

bool RawConnection::WaitForClose(std::chrono::milliseconds timeout) {
    auto deadline = Deadline(timeout);
    try {
        while (Fill(deadline)) buffer_.clear();
    } catch (const std::runtime_error&) {
        return false;  // timed out with the connection still open
    }
    Close();
    return true;
}

// ---- HttpClient ----

HttpClient::HttpClient(unsigned short port, bool keep_alive)
    : port_(port), keep_alive_(keep_alive) {}

RawConnection& HttpClient::Connection() {
    if (!connection_ || !connection_->is_open()) {
        connection_.emplace(port_);
        ++connections_opened_;
    }
    return *connection_;
}

HttpResponse HttpClient::Send(const std::string& method, const std::string& target,
                              const HeaderList& headers, const std::string& body) {
    std::string request = method + " " + target + " HTTP/1.1\r\n";
    request += "Host: 127.0.0.1:" + std::to_string(port_) + "\r\n";
    if (!keep_alive_) request += "Connection: close\r\n";
    bool has_cookie_header = false;
    for (const auto& [name, value] : headers) {
        has_cookie_header = has_cookie_header || EqualsIgnoreCase(name, "cookie");
        request += name + ": " + value + "\r\n";
    }
    if (cookies_enabled_ && !has_cookie_header && !jar_.empty())
        request += "Cookie: " + jar_.HeaderValue() + "\r\n";
    if (!body.empty() || (method != "GET" && method != "HEAD"))
        request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    request += "\r\n";
    request += body;

    const bool head_only = method == "HEAD";
    HttpResponse response;
    for (int attempt = 0;; ++attempt) {
        bool reused = connection_ && connection_->is_open();
        RawConnection& connection = Connection();
        try {
            if (!connection.Send(request)) throw ClosedBeforeResponse();
            response = connection.ReadResponse(head_only);
            break;
        } catch (const ClosedBeforeResponse&) {
            connection_.reset();
            // An idle keep-alive connection the server had already closed: try once afresh.
            if (!reused || attempt > 0) throw;
        } catch (...) {
            connection_.reset();
            throw;
        }
    }
    if (!keep_alive_ || EqualsIgnoreCase(response.Header("connection"), "close"))
        connection_.reset();
    if (cookies_enabled_) jar_.Absorb(response);
    return response;
}

HttpResponse HttpClient::Get(const std::string& target, const HeaderList& headers) {
    return Send("GET", target, headers, {});
}

HttpResponse HttpClient::Head(const std::string& target, const HeaderList& headers) {
    return Send("HEAD", target, headers, {});
}

HttpResponse HttpClient::Post(const std::string& target, const std::string& body,
                              const std::string& content_type, const HeaderList& headers) {
    HeaderList all = headers;
    all.emplace_back("Content-Type", content_type);
    return Send("POST", target, all, body);
}

HttpResponse HttpClient::Put(const std::string& target, const std::string& body,
                             const std::string& content_type, const HeaderList& headers) {
    HeaderList all = headers;
    all.emplace_back("Content-Type", content_type);
    return Send("PUT", target, all, body);
}

HttpResponse HttpClient::Delete(const std::string& target, const HeaderList& headers) {
    return Send("DELETE", target, headers, {});
}

HttpResponse HttpClient::PostForm(const std::string& target, const HeaderList& fields,
                                  const HeaderList& headers) {
    return Post(target, FormEncode(fields), "application/x-www-form-urlencoded", headers);
}

HttpResponse HttpClient::PostJson(const std::string& target, const std::string& json,
                                  const HeaderList& headers) {
    return Post(target, json, "application/json", headers);
}

std::string HttpClient::CsrfFrom(const std::string& page) {
    HttpResponse response = Get(page);
    std::string token = ExtractCsrf(response.body);
    if (token.empty())
        throw std::runtime_error("no csrf field on " + page + " (status " +
                                 std::to_string(response.status) + ")");
    return token;
}

HttpResponse HttpClient::SubmitForm(const std::string& page, const std::string& action,
                                    const HeaderList& fields) {
    HeaderList all = fields;
    all.emplace_back("csrf", CsrfFrom(page));
    return PostForm(action, all);
}

// ---- free helpers ----

std::string UrlEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string FormEncode(const HeaderList& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) out += '&';
        out += UrlEncode(name) + "=" + UrlEncode(value);
    }
    return out;
}

std::string ExtractCsrf(std::string_view html) {
    constexpr std::string_view kMarker = "name=\"csrf\" value=\"";
    auto at = html.find(kMarker);
    if (at == std::string_view::npos) return {};
    at += kMarker.size();
    auto end = html.find('"', at);
    if (end == std::string_view::npos) return {};
    return std::string(html.substr(at, end - at));
}

std::string HtmlEscape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::size_t PositionOf(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle);
}

}  // namespace hoot::testing
