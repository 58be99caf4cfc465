#pragma once
// A long-lived `text/event-stream` answer (server-sent events). A handler that returns a Response
// with `event_stream` set hands the connection to the stream: the server sends the headers, then
// whatever Next() returns, waits for a wake-up or the keep-alive interval, and asks again, until
// the client goes away, Next() ends the stream, or the server stops.
//
// Thread-safety: the server calls Next() on one I/O thread at a time; the waker it attaches may be
// called from any thread, any number of times, for as long as the stream exists.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hoot::http {

class EventStream {
  public:
    virtual ~EventStream() = default;

    // Called once, before the first Next(): calling `wake` makes the server call Next() soon.
    virtual void Attach(std::function<void()> wake) = 0;
    // The bytes to send now (whole SSE frames; empty when there is nothing new), or nullopt to
    // end the stream. The server calls it again at once while it returns a non-empty string.
    virtual std::optional<std::string> Next() = 0;
    // How long a quiet stream waits before a keep-alive comment line.
    virtual std::chrono::seconds keepalive() const { return std::chrono::seconds(25); }
};

// One SSE frame: optional id, event name, and `data` (split on line breaks, one "data:" line each).
void AppendSseEvent(std::string& out, std::string_view event, std::string_view id,
                    std::string_view data);
// ": {text}\n\n": ignored by clients, keeps proxies and the connection from timing out.
std::string SseComment(std::string_view text);

}  // namespace hoot::http
