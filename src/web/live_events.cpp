// GET /events: one server-sent event stream per signed-in tab. It carries new notifications,
// new direct messages, the unread counts of the bell and the DM box, and (with ?hoot=N) the new
// comments of the thread being read. Every event's id is the stream's cursor after it
// ("n{notification}.m{message}.c{comment}"), so a browser that reconnects with Last-Event-ID
// gets exactly what it missed: the cursor reads the database, not a buffer in memory.
// Change together with hoot.js (the event names and their data).

#include <nlohmann/json.hpp>

#include "app/log.hpp"
#include "http/event_stream.hpp"
#include "service/notifications.hpp"
#include "web/handlers.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web {
namespace {

// Tabs a person may hold open at once; beyond it a misbehaving client is refused, not served.
constexpr std::size_t kMaxStreamsPerUser = 32;

nlohmann::json AuthorJson(const AuthorRef& author) {
    return {{"username", author.username},
            {"display_name", author.display_name.empty() ? author.username : author.display_name}};
}

class LiveStream final : public http::EventStream {
  public:
    LiveStream(service::NotificationService& notifications, UserId user, std::optional<HootId> hoot,
               std::string hoot_slug, service::LiveCursor cursor)
        : notifications_(notifications),
          user_(user),
          hoot_(hoot),
          hoot_slug_(std::move(hoot_slug)),
          cursor_(cursor) {}

    void Attach(std::function<void()> wake) override {
        subscription_ = notifications_.hub().Subscribe(user_, hoot_, std::move(wake));
    }

    std::optional<std::string> Next() override {
        std::string out;
        if (first_) {
            out += "retry: 3000\n\n";  // reconnect after 3 s when the connection drops
        }
        auto batch = notifications_.LiveSince(user_, hoot_, cursor_);
        if (!batch) {
            // The database is busy or gone: say nothing now, try again at the next wake-up or
            // keep-alive; the cursor has not moved, so nothing is lost.
            log::Warn("live stream read failed: " + batch.error().detail);
            first_ = false;
            return out;
        }
        for (const Notification& n : batch->notifications) {
            cursor_.notification = n.id.value;
            nlohmann::json data = {{"id", n.id.value},
                                   {"kind", NotificationKindKey(n.kind)},
                                   {"text", views::DescribeNotification(n)},
                                   {"url", NotificationUrl(n.id)}};
            http::AppendSseEvent(out, "notification", service::FormatLiveCursor(cursor_),
                                 data.dump());
        }
        for (const service::LiveMessage& m : batch->messages) {
            cursor_.message = m.message.id.value;
            nlohmann::json data = {{"id", m.message.id.value},
                                   {"with", m.other.username},
                                   {"from", AuthorJson(m.message.sender)},
                                   {"mine", m.message.sender.id == user_},
                                   {"url", ConversationUrl(m.other.username)}};
            http::AppendSseEvent(out, "message", service::FormatLiveCursor(cursor_), data.dump());
        }
        for (const service::LiveComment& c : batch->comments) {
            cursor_.comment = c.id.value;
            nlohmann::json data = {
                {"id", c.id.value},
                {"hoot", hoot_->value},
                {"author", AuthorJson(c.author)},
                {"url", HootUrl(*hoot_, hoot_slug_) + "#" + CommentAnchor(c.id)}};
            http::AppendSseEvent(out, "comment", service::FormatLiveCursor(cursor_), data.dump());
        }
        cursor_ = batch->cursor;
        // The counts go out first thing (a reconnecting tab may have missed reads elsewhere) and
        // whenever they change: reading in another tab lowers them without any new event.
        if (first_ || batch->unread.notifications != sent_.notifications ||
            batch->unread.conversations != sent_.conversations) {
            sent_ = batch->unread;
            nlohmann::json data = {{"notifications", sent_.notifications},
                                   {"conversations", sent_.conversations}};
            http::AppendSseEvent(out, "counts", service::FormatLiveCursor(cursor_), data.dump());
        }
        first_ = false;
        return out;
    }

  private:
    service::NotificationService& notifications_;
    UserId user_;
    std::optional<HootId> hoot_;
    std::string hoot_slug_;
    service::LiveCursor cursor_;
    service::UnreadCounts sent_;
    bool first_ = true;
    std::unique_ptr<service::LiveHub::Subscription> subscription_;
};

}  // namespace

http::Response OpenEventStream(const WebContext& wc, http::RequestContext& ctx) {
    auto& notifications = wc.services.notifications;
    std::optional<HootId> hoot;
    std::string slug;
    if (auto text = ctx.request.QueryParam("hoot")) {
        hoot = ParseId<HootId>(*text);
        if (!hoot) return http::Text(400, "?hoot= must be a hoot's number.\n");
        auto found = wc.services.hoots.Get(*hoot);
        if (!found) return http::Text(ErrcStatus(found.error().code), found.error().message + "\n");
        slug = found->slug;
    }
    service::LiveCursor cursor;
    if (auto last = ctx.request.Header("last-event-id"); !last.empty()) {
        auto parsed = service::ParseLiveCursor(last);
        if (!parsed) return http::Text(400, "Last-Event-ID is not one this server sent.\n");
        cursor = *parsed;
    } else {
        auto latest = notifications.LiveStart();
        if (!latest) return http::Text(503, latest.error().message + "\n");
        cursor = *latest;
    }
    if (notifications.hub().StreamsOf(ctx.user->id) >= kMaxStreamsPerUser)
        return http::Text(429, "Too many open live streams for this account; close some tabs.\n");
    http::Response response;
    response.content_type = "text/event-stream; charset=utf-8";
    response.event_stream =
        std::make_shared<LiveStream>(notifications, ctx.user->id, hoot, std::move(slug), cursor);
    return response;
}

}  // namespace hoot::web
