#pragma once
// The HTTP/1.1 server: Boost.Beast on Asio with C++20 coroutines, one io_context and thread per
// core, keep-alive, limits on header and body size (431, 413) and on the time a request may take
// to arrive (slow clients are dropped). Requests that change state run on a small blocking pool
// (they hash passwords and wait for the database writer); reads run on the I/O thread, unless
// they wait on a database across the network (`offload_reads`).
// This is the only translation unit that includes Beast.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/message.hpp"

namespace hoot::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    unsigned short port = 8080;  // 0: pick a free port (tests)
    int io_threads = 0;          // 0: one per core
    int blocking_threads = 2;
    // Reads run on the blocking pool too: an I/O thread waiting on a database server's round
    // trips would leave its other connections waiting with it (PostgreSQL; SQLite reads are
    // local and quick, and cost less run in place).
    bool offload_reads = false;
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_body_bytes = 4 * 1024 * 1024;
    std::chrono::seconds read_timeout{30};  // a whole request, or the wait for the next one
    std::chrono::seconds write_timeout{30};
    std::chrono::seconds shutdown_grace{10};  // in-flight requests get this long to finish
};

using RequestHandler = std::function<Response(Request&)>;
// The answer to a request the server refuses before it reaches the handler (too large,
// malformed): `target` is as much of the request target as was read (may be empty).
// Runs on an I/O thread; must not block.
using RejectHandler =
    std::function<Response(int status, std::string_view message, std::string_view target)>;

class Server {
  public:
    // Without `reject`, refusals are plain text.
    Server(ServerOptions options, RequestHandler handler, RejectHandler reject = {});
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and starts the threads. Throws std::runtime_error naming the address on failure.
    void Start();
    // The port actually bound (useful with port 0).
    unsigned short port() const;
    // Holds SIGINT and SIGTERM pending in the calling thread and in every thread it starts later.
    // Call first thing, before any thread exists, so a signal that arrives before
    // WaitForTerminationSignal() is not lost to the default action (killing the process).
    static void HoldTerminationSignals();
    // Blocks the calling thread until SIGINT or SIGTERM arrives (also one held since
    // HoldTerminationSignals()).
    static void WaitForTerminationSignal();
    // Stops accepting; closes at once the connections waiting for a request (a proxy's idle
    // keep-alive connections) and ends event streams; lets requests in flight finish (up to
    // shutdown_grace), answering them with Connection: close; then joins the threads, dropping
    // whatever connection is still open (at most about a second after the last request).
    // Idempotent; not to be called from a handler.
    void Stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hoot::http
