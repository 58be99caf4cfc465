// <utility> must precede Asio's coroutine support on g++ 12 with Boost 1.74 (Asio issue #944).
#include "http/server.hpp"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <csignal>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/log.hpp"
#include "http/event_stream.hpp"

namespace hoot::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using BeastResponse = bhttp::response<bhttp::string_body>;

// How long a stop waits for idle connections and event streams to close on their own threads.
constexpr std::chrono::milliseconds kClosingBound{1000};

// Runs `work` on `pool` and resumes the awaiting coroutine on its own executor with the result;
// an exception thrown by `work` is rethrown in the coroutine.
template <typename Work>
asio::awaitable<Response> RunOn(asio::thread_pool& pool, Work work) {
    auto initiate = [&pool, work = std::move(work)](auto handler) mutable {
        asio::post(pool, [work = std::move(work), handler = std::move(handler)]() mutable {
            std::exception_ptr error;
            Response result;
            try {
                result = work();
            } catch (...) {
                error = std::current_exception();
            }
            auto executor = asio::get_associated_executor(handler);
            asio::post(executor,
                       [handler = std::move(handler), error, result = std::move(result)]() mutable {
                           handler(error, std::move(result));
                       });
        });
    };
    co_return co_await asio::async_initiate<decltype(asio::use_awaitable),
                                            void(std::exception_ptr, Response)>(
        std::move(initiate), asio::use_awaitable);
}

Request ToRequest(bhttp::request<bhttp::string_body>&& beast_request, const std::string& remote) {
    Request request;
    request.method = std::string(beast_request.method_string());
    if (request.method == "HEAD") {
        request.method = "GET";
        request.head_only = true;
    }
    request.target = std::string(beast_request.target());
    std::string_view target = request.target;
    auto question = target.find('?');
    request.path = PercentDecode(target.substr(0, question), false);
    if (question != std::string_view::npos)
        request.query = std::string(target.substr(question + 1));
    request.headers.reserve(16);
    for (const auto& field : beast_request) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request.body = std::move(beast_request.body());
    request.remote_address = remote;
    return request;
}

BeastResponse ToBeast(Response&& response, unsigned version, bool keep_alive, bool head_only) {
    BeastResponse out{static_cast<bhttp::status>(response.status), version};
    out.set(bhttp::field::server, "hoot");
    out.set(bhttp::field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) out.insert(name, value);
    out.keep_alive(keep_alive);
    out.body() = std::move(response.body);
    out.prepare_payload();
    if (head_only) out.body().clear();  // Content-Length still tells the size
    return out;
}

BeastResponse PlainError(bhttp::status status, std::string_view message) {
    BeastResponse out{status, 11};
    out.set(bhttp::field::server, "hoot");
    out.set(bhttp::field::content_type, "text/plain; charset=utf-8");
    out.keep_alive(false);
    out.body() = std::string(message);
    out.prepare_payload();
    return out;
}

// What a graceful stop does to a connection, on the connection's own I/O thread (the only one
// that touches these fields): one waiting for its next request, none of which has arrived, is
// closed at once (a proxy holding it idle learns at once that it is gone, instead of sending a
// request into a closing server); an event stream is woken, sees the server stopping and ends
// (EventSource reconnects, to another instance behind a proxy). A request being read, handled
// or answered goes on, and its answer says Connection: close.
struct SessionControl {
    beast::tcp_stream* stream = nullptr;
    const beast::flat_buffer* buffer = nullptr;
    // Set while the connection waits for a request.
    const bhttp::request_parser<bhttp::string_body>* awaiting = nullptr;
    asio::steady_timer* stream_timer = nullptr;  // set while it serves an event stream

    void OnStop() {
        if (awaiting && buffer->size() == 0 && !awaiting->got_some()) stream->cancel();
        if (stream_timer) stream_timer->cancel();
    }
};

// A session as Stop() finds it. Only weakly held: the session's coroutine owns its control, and
// the control points into the coroutine's frame, so only that thread may lock it, and only to
// use it at once.
struct SessionEntry {
    asio::any_io_executor executor;
    std::weak_ptr<SessionControl> control;
};
using SessionTable = std::unordered_map<const SessionControl*, SessionEntry>;

}  // namespace

struct Server::Impl {
    ServerOptions options;
    RequestHandler handler;
    RejectHandler reject;
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
    std::unique_ptr<asio::thread_pool> blocking;
    std::unique_ptr<tcp::acceptor> acceptor;
    std::vector<std::thread> threads;
    std::atomic<int> in_flight{0};
    std::atomic<bool> stopping{false};
    std::size_t next_context = 0;  // touched only by the accept loop
    unsigned short port = 0;
    // Every open connection, for Stop() to reach the idle ones and the event streams.
    std::mutex sessions_mutex;
    SessionTable sessions;

    asio::awaitable<void> AcceptLoop();
    asio::awaitable<void> Session(tcp::socket socket);
    asio::awaitable<void> RejectAndClose(beast::tcp_stream& stream, bhttp::status status,
                                         std::string_view message, std::string_view target);
    asio::awaitable<void> ServeEventStream(beast::tcp_stream& stream, Response response,
                                           bool head_only, SessionControl& control);
    // Tells every open connection the server is stopping (see SessionControl).
    void StopSessions();
    std::size_t OpenSessions();
};

namespace {

// What a waiting event stream sleeps on. The hub may wake it from any thread: the waker posts to
// the stream's own I/O thread, which is the only one that touches this.
struct StreamWakeup {
    explicit StreamWakeup(asio::any_io_executor executor) : timer(std::move(executor)) {}
    asio::steady_timer timer;
    bool woken = false;
    bool peer_gone = false;  // the client closed the connection (or sent something: never valid)
};

std::string EventStreamHead(const Response& response) {
    std::string head =
        "HTTP/1.1 200 OK\r\nServer: hoot\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
        "Cache-Control: no-store\r\nX-Accel-Buffering: no\r\nConnection: close\r\n";
    for (const auto& [name, value] : response.headers) head += name + ": " + value + "\r\n";
    head += "\r\n";
    return head;
}

}  // namespace

// The body has no length: it ends when the connection closes (HTTP/1.1 allows that for a
// response marked Connection: close), which is what EventSource clients and proxies expect.
asio::awaitable<void> Server::Impl::ServeEventStream(beast::tcp_stream& stream, Response response,
                                                     bool head_only, SessionControl& control) {
    auto events = std::move(response.event_stream);
    auto executor = stream.get_executor();
    auto wakeup = std::make_shared<StreamWakeup>(executor);
    control.stream_timer = &wakeup->timer;
    struct Unregister {
        SessionControl& control;
        ~Unregister() { control.stream_timer = nullptr; }  // before the timer goes with `wakeup`
    } unregister{control};
    events->Attach([weak = std::weak_ptr<StreamWakeup>(wakeup), executor] {
        asio::post(executor, [weak] {
            if (auto w = weak.lock()) {
                w->woken = true;
                w->timer.cancel();
            }
        });
    });
    // A client of an event stream sends nothing after its request, so the socket turns readable
    // only when the tab is closed (end of file). Without watching for it, a closed stream would
    // linger, woken and counted against the person's streams (a reload may be refused), until
    // the next keep-alive write failed, up to 25 s later. Runs on this stream's thread.
    stream.socket().async_wait(tcp::socket::wait_read, [weak = std::weak_ptr<StreamWakeup>(wakeup)](
                                                           const boost::system::error_code&) {
        if (auto w = weak.lock()) {
            w->peer_gone = true;
            w->timer.cancel();
        }
    });
    boost::system::error_code ec;
    auto send = [&](const std::string& bytes) -> asio::awaitable<bool> {
        stream.expires_after(options.write_timeout);  // a client that stops reading is dropped
        co_await asio::async_write(stream, asio::buffer(bytes),
                                   asio::redirect_error(asio::use_awaitable, ec));
        stream.expires_never();
        co_return !ec;
    };
    if (!co_await send(EventStreamHead(response)) || head_only) co_return;
    while (!stopping && !wakeup->peer_gone) {
        wakeup->woken = false;
        for (;;) {
            std::optional<std::string> chunk;
            try {
                chunk = events->Next();
            } catch (const std::exception& e) {
                log::Error(std::string("event stream failed: ") + e.what());
            }
            if (!chunk) co_return;
            if (chunk->empty()) break;
            if (!co_await send(*chunk)) co_return;
        }
        if (wakeup->woken) continue;  // woken while writing: read again before sleeping
        if (wakeup->peer_gone) co_return;
        wakeup->timer.expires_after(events->keepalive());
        co_await wakeup->timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        if (wakeup->peer_gone) co_return;
        if (!wakeup->woken && !stopping && !co_await send(SseComment("keep-alive"))) co_return;
    }
}

asio::awaitable<void> Server::Impl::AcceptLoop() {
    while (!stopping) {
        auto& target = *contexts[next_context++ % contexts.size()];
        boost::system::error_code ec;
        tcp::socket socket =
            co_await acceptor->async_accept(target, asio::redirect_error(asio::use_awaitable, ec));
        if (ec) {
            if (ec == asio::error::operation_aborted || !acceptor->is_open()) co_return;
            log::Warn("accept failed: " + ec.message());
            continue;
        }
        socket.set_option(tcp::no_delay(true), ec);
        auto executor = socket.get_executor();
        asio::co_spawn(executor, Session(std::move(socket)), asio::detached);
    }
}

asio::awaitable<void> Server::Impl::RejectAndClose(beast::tcp_stream& stream, bhttp::status status,
                                                   std::string_view message,
                                                   std::string_view target) {
    boost::system::error_code ec;
    auto response =
        reject ? ToBeast(reject(static_cast<int>(status), message, target), 11, false, false)
               : PlainError(status, message);
    stream.expires_after(options.write_timeout);
    co_await bhttp::async_write(stream, response, asio::redirect_error(asio::use_awaitable, ec));
    // Read and drop what the client is still sending, so closing does not reset the connection
    // before it has read the answer.
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.expires_after(std::chrono::seconds(2));
    std::vector<char> scratch(64 * 1024);
    std::size_t drained = 0;
    while (!ec && drained < 16 * 1024 * 1024) {
        drained += co_await stream.async_read_some(asio::buffer(scratch),
                                                   asio::redirect_error(asio::use_awaitable, ec));
    }
}

namespace {

// Registers a session's control for as long as the session lives.
class SessionRegistration {
  public:
    SessionRegistration(std::mutex& mutex, SessionTable& sessions, asio::any_io_executor executor,
                        const std::shared_ptr<SessionControl>& control)
        : mutex_(mutex), sessions_(sessions), key_(control.get()) {
        std::lock_guard lock(mutex_);
        sessions_.emplace(key_, SessionEntry{std::move(executor), control});
    }
    ~SessionRegistration() {
        std::lock_guard lock(mutex_);
        sessions_.erase(key_);
    }
    SessionRegistration(const SessionRegistration&) = delete;
    SessionRegistration& operator=(const SessionRegistration&) = delete;

  private:
    std::mutex& mutex_;
    SessionTable& sessions_;
    const SessionControl* key_;
};

}  // namespace

asio::awaitable<void> Server::Impl::Session(tcp::socket socket) {
    boost::system::error_code ec;
    std::string remote = socket.remote_endpoint(ec).address().to_string();
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    auto control = std::make_shared<SessionControl>();
    control->stream = &stream;
    control->buffer = &buffer;
    // Registered before `stopping` is read below: StopSessions() sets it before it looks, so a
    // session it misses sees it set.
    SessionRegistration registration(sessions_mutex, sessions, stream.get_executor(), control);
    while (!stopping) {
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
        parser.body_limit(options.max_body_bytes);
        stream.expires_after(options.read_timeout);
        control->awaiting = &parser;
        co_await bhttp::async_read(stream, buffer, parser,
                                   asio::redirect_error(asio::use_awaitable, ec));
        control->awaiting = nullptr;
        if (ec == bhttp::error::body_limit) {
            co_await RejectAndClose(stream, bhttp::status::payload_too_large,
                                    "The request body is too large.", parser.get().target());
            co_return;
        }
        if (ec == bhttp::error::header_limit) {
            co_await RejectAndClose(stream, bhttp::status::request_header_fields_too_large,
                                    "The request headers are too large.", parser.get().target());
            co_return;
        }
        if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
            ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
            ec == asio::error::eof) {
            break;
        }
        if (ec) {
            co_await RejectAndClose(stream, bhttp::status::bad_request, "Malformed request.",
                                    parser.get().target());
            co_return;
        }

        ++in_flight;
        auto& beast_request = parser.get();
        unsigned version = beast_request.version();
        bool keep_alive = beast_request.keep_alive();
        Request request = ToRequest(parser.release(), remote);
        bool offload = options.offload_reads || request.method != "GET";
        Response response;
        try {
            if (offload)
                response = co_await RunOn(*blocking, [this, &request] { return handler(request); });
            else
                response = handler(request);
        } catch (const std::exception& e) {
            log::Error(std::string("handler failed: ") + e.what());
            response = Text(500, "Internal error");
        }
        if (response.event_stream) {
            --in_flight;  // a stream is not a request in flight: shutdown does not wait for it
            co_await ServeEventStream(stream, std::move(response), request.head_only, *control);
            break;
        }
        keep_alive = keep_alive && !stopping;
        auto out = ToBeast(std::move(response), version, keep_alive, request.head_only);
        stream.expires_after(options.write_timeout);
        co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
        --in_flight;
        if (ec || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

Server::Server(ServerOptions options, RequestHandler handler, RejectHandler reject)
    : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    impl_->handler = std::move(handler);
    impl_->reject = std::move(reject);
}

Server::~Server() { Stop(); }

void Server::Start() {
    auto& impl = *impl_;
    int threads = impl.options.io_threads > 0
                      ? impl.options.io_threads
                      : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    for (int i = 0; i < threads; ++i) {
        impl.contexts.push_back(std::make_unique<asio::io_context>(1));
        impl.guards.push_back(asio::make_work_guard(*impl.contexts.back()));
    }
    impl.blocking = std::make_unique<asio::thread_pool>(std::max(1, impl.options.blocking_threads));

    boost::system::error_code ec;
    auto address = asio::ip::make_address(impl.options.host, ec);
    if (ec) throw std::runtime_error("invalid listen address '" + impl.options.host + "'");
    tcp::endpoint endpoint(address, impl.options.port);
    impl.acceptor = std::make_unique<tcp::acceptor>(*impl.contexts[0]);
    impl.acceptor->open(endpoint.protocol(), ec);
    if (!ec) impl.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) impl.acceptor->bind(endpoint, ec);
    if (!ec) impl.acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        throw std::runtime_error("cannot listen on " + impl.options.host + ":" +
                                 std::to_string(impl.options.port) + ": " + ec.message());
    impl.port = impl.acceptor->local_endpoint().port();

    asio::co_spawn(*impl.contexts[0], impl.AcceptLoop(), asio::detached);
    for (auto& context : impl.contexts) impl.threads.emplace_back([&context] { context->run(); });
}

unsigned short Server::port() const { return impl_->port; }

void Server::HoldTerminationSignals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

void Server::WaitForTerminationSignal() {
    asio::io_context signals_context(1);
    asio::signal_set signals(signals_context, SIGINT, SIGTERM);
    signals.async_wait([](const boost::system::error_code&, int) {});
    // The handler is installed now: a signal held since HoldTerminationSignals() is delivered
    // here, to this thread (every other thread inherited the blocked mask).
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
    signals_context.run();
}

void Server::Impl::StopSessions() {
    std::vector<SessionEntry> open;
    {
        std::lock_guard lock(sessions_mutex);
        open.reserve(sessions.size());
        for (const auto& [key, entry] : sessions) open.push_back(entry);
    }
    // Each runs on the session's own thread, where the control is found only while the session
    // (and the stream it points to) still exists.
    for (auto& entry : open) {
        asio::post(entry.executor, [weak = std::move(entry.control)] {
            if (auto live = weak.lock()) live->OnStop();
        });
    }
}

std::size_t Server::Impl::OpenSessions() {
    std::lock_guard lock(sessions_mutex);
    return sessions.size();
}

void Server::Stop() {
    auto& impl = *impl_;
    if (impl.stopping.exchange(true) || impl.contexts.empty()) return;
    if (impl.acceptor) {
        asio::post(impl.acceptor->get_executor(), [&impl] {
            boost::system::error_code ec;
            impl.acceptor->close(ec);
        });
    }
    impl.StopSessions();
    // Requests in flight get the grace period. Connections that only close (idle ones, event
    // streams) get a moment to do so on their own threads, so that their peers see an orderly
    // close; one still writing to a slow reader after that is dropped with the rest.
    const auto started = std::chrono::steady_clock::now();
    const auto deadline = started + impl.options.shutdown_grace;
    const auto closing_bound = started + std::min<std::chrono::steady_clock::duration>(
                                             kClosingBound, impl.options.shutdown_grace);
    for (;;) {
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) break;
        if (impl.in_flight == 0 && (now >= closing_bound || impl.OpenSessions() == 0)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (impl.in_flight > 0)
        log::Warn(std::to_string(impl.in_flight.load()) + " requests still running at shutdown");
    impl.guards.clear();
    for (auto& context : impl.contexts) context->stop();
    for (auto& thread : impl.threads) thread.join();
    impl.threads.clear();
    impl.blocking->join();
    impl.acceptor.reset();
    // Destroying the contexts destroys the suspended sessions (idle keep-alive connections).
    impl.contexts.clear();
}

}  // namespace hoot::http
