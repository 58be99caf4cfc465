#include "support/sse_client.hpp"

#include <stdexcept>

namespace hoot::testing {

SseClient::SseClient(unsigned short port, const std::string& target, const HeaderList& headers)
    : connection_(port) {
    std::string request = "GET " + target +
                          " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                          "Connection: close\r\n";
    for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
    request += "\r\n";
    if (!connection_.Send(request)) throw std::runtime_error("could not send the SSE request");
    auto head = connection_.ReadUntil("\r\n\r\n", std::chrono::seconds(10));
    if (!head) throw std::runtime_error("the server closed before answering the SSE request");
    // "HTTP/1.1 200 OK\r\nName: value\r\n..."
    std::size_t line_end = head->find("\r\n");
    std::string status_line = head->substr(0, line_end);
    head_.status = std::stoi(status_line.substr(9, 3));
    std::size_t pos = line_end + 2;
    while (pos < head->size()) {
        std::size_t end = head->find("\r\n", pos);
        if (end == pos || end == std::string::npos) break;
        std::string line = head->substr(pos, end - pos);
        std::size_t colon = line.find(':');
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        head_.headers.emplace_back(name, value);
        pos = end + 2;
    }
    // An error answer is an ordinary response; the request asked the server to close after it.
    if (head_.status != 200) head_.body = connection_.ReadToClose(std::chrono::seconds(10));
}

std::optional<SseEvent> SseClient::Next(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) throw std::runtime_error("no event arrived in time");
        auto frame = connection_.ReadUntil("\n\n", left);
        if (!frame) return std::nullopt;
        SseEvent event;
        bool has_data = false;
        std::size_t pos = 0;
        while (pos < frame->size()) {
            std::size_t end = frame->find('\n', pos);
            std::string line = frame->substr(pos, end - pos);
            pos = end + 1;
            if (line.empty()) continue;
            if (line.front() == ':') {
                if (line.find("keep-alive") != std::string::npos) ++keepalives_;
                continue;
            }
            std::size_t colon = line.find(':');
            std::string field = line.substr(0, colon);
            std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
            if (!value.empty() && value.front() == ' ') value.erase(0, 1);
            if (field == "id") event.id = value;
            if (field == "event") event.event = value;
            if (field == "data") {
                if (has_data) event.data += '\n';
                event.data += value;
                has_data = true;
            }
        }
        if (!has_data) continue;  // a comment or a retry line only
        if (event.event.empty()) event.event = "message";
        return event;
    }
}

SseEvent SseClient::NextNamed(const std::string& name, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        auto event = Next(left);
        if (!event) throw std::runtime_error("the stream closed before a '" + name + "' event");
        if (event->event == name) return *event;
    }
}

bool SseClient::StaysQuiet(std::chrono::milliseconds quiet) {
    try {
        (void)Next(quiet);
        return false;
    } catch (const std::runtime_error&) {
        return true;
    }
}

}  // namespace hoot::testing
