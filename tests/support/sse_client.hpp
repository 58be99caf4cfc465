#pragma once
// A server-sent events reader for the integration tests: opens GET /events (or any path) on a raw
// connection with the given headers, checks the answer's head, then reads one event at a time
// the way EventSource does (comment lines and `retry:` skipped, `data:` lines joined).

#include <chrono>
#include <optional>
#include <string>

#include "support/http_client.hpp"

namespace hoot::testing {

struct SseEvent {
    std::string id;
    std::string event;  // "message" when the frame names none, as in EventSource
    std::string data;
};

class SseClient {
  public:
    // Sends the request and reads the response head; `head()` tells what came back.
    SseClient(unsigned short port, const std::string& target, const HeaderList& headers);

    const HttpResponse& head() const { return head_; }
    // The next event, or nullopt when the server closes the stream. Throws on timeout.
    std::optional<SseEvent> Next(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // Reads events until one named `event` arrives (others are skipped); throws on timeout.
    SseEvent NextNamed(const std::string& event,
                       std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // True when the server sends nothing but comments (keep-alives) for `quiet`.
    bool StaysQuiet(std::chrono::milliseconds quiet);
    // How many ": keep-alive" comment lines have arrived so far.
    int keepalives() const { return keepalives_; }

  private:
    RawConnection connection_;
    HttpResponse head_;
    int keepalives_ = 0;
};

}  // namespace hoot::testing
