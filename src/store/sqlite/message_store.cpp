// Direct messages and blocks. A conversation is found by its two people (lower id first); each
// side's member row carries its own unread count and the last message, so the conversation list
// and the DM box read one indexed row per conversation.

#include <algorithm>

#include "store/sqlite/guard.hpp"
#include "store/sqlite/social_store.hpp"

namespace hoot::store::sqlite {
namespace {

constexpr std::string_view kOpenConversation =
    "INSERT OR IGNORE INTO conversations(user_low, user_high) VALUES (?, ?)";
constexpr std::string_view kConversationId =
    "SELECT id FROM conversations WHERE user_low = ? AND user_high = ?";
constexpr std::string_view kInsertMessage =
    "INSERT INTO messages(conversation_id, sender_id, body_source, body_html, created_at) "
    "VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kSenderSide =
    "INSERT INTO conversation_members(user_id, other_id, conversation_id, last_message_id) "
    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(user_id, other_id) DO UPDATE SET last_message_id = ?4";
constexpr std::string_view kRecipientUnread =
    "SELECT unread_count FROM conversation_members WHERE user_id = ? AND other_id = ?";
constexpr std::string_view kRecipientSide =
    "INSERT INTO conversation_members(user_id, other_id, conversation_id, last_message_id, "
    "unread_count) VALUES (?1, ?2, ?3, ?4, 1) ON CONFLICT(user_id, other_id) DO UPDATE SET "
    "last_message_id = ?4, unread_count = unread_count + 1";
constexpr std::string_view kCountUnreadConversation =
    "UPDATE users SET unread_conversations = unread_conversations + 1 WHERE id = ?";

#define MESSAGE_COLUMNS \
    "m.id, s.id, s.username, s.display_name, m.body_source, m.body_html, m.created_at "
constexpr std::string_view kConversations =
    "SELECT cm.unread_count, o.id, o.username, o.display_name, " MESSAGE_COLUMNS
    "FROM conversation_members cm JOIN users o ON o.id = cm.other_id "
    "JOIN messages m ON m.id = cm.last_message_id JOIN users s ON s.id = m.sender_id "
    "WHERE cm.user_id = ?1 AND (?2 OR cm.last_message_id < ?3) "
    "ORDER BY cm.last_message_id DESC LIMIT ?4";
constexpr std::string_view kMessages =
    "SELECT " MESSAGE_COLUMNS
    "FROM conversation_members cm JOIN messages m ON m.conversation_id = cm.conversation_id "
    "JOIN users s ON s.id = m.sender_id "
    "WHERE cm.user_id = ?1 AND cm.other_id = ?2 AND (?3 OR m.id < ?4) "
    "ORDER BY m.id DESC LIMIT ?5";
constexpr std::string_view kMessagesAfter =
    "SELECT o.id, o.username, o.display_name, " MESSAGE_COLUMNS
    "FROM conversation_members cm "
    "JOIN messages m ON m.conversation_id = cm.conversation_id AND m.id > ?2 "
    "JOIN users o ON o.id = cm.other_id JOIN users s ON s.id = m.sender_id "
    "WHERE cm.user_id = ?1 ORDER BY m.id LIMIT ?3";
#undef MESSAGE_COLUMNS

constexpr std::string_view kClearUnread =
    "UPDATE conversation_members SET unread_count = 0 WHERE user_id = ? AND other_id = ? "
    "AND unread_count > 0";
constexpr std::string_view kUncountConversation =
    "UPDATE users SET unread_conversations = MAX(0, unread_conversations - 1) WHERE id = ?";
constexpr std::string_view kUnreadConversations =
    "SELECT unread_conversations FROM users WHERE id = ?";
constexpr std::string_view kBlock =
    "INSERT OR IGNORE INTO blocks(blocker_id, blocked_id, created_at) VALUES (?, ?, ?)";
constexpr std::string_view kUnblock = "DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?";
constexpr std::string_view kIsBlocked =
    "SELECT 1 FROM blocks WHERE blocker_id = ? AND blocked_id = ?";

// Message columns start at `first`.
Message ReadMessage(const Stmt& row, int first) {
    Message m;
    m.id = MessageId(row.Int(first));
    m.sender = ReadAuthor(row, first + 1);
    m.body_source = row.Text(first + 4);
    m.body_html = row.Text(first + 5);
    m.created_at = row.Int(first + 6);
    return m;
}

}  // namespace

Result<MessageId> SqliteSocialStore::SendMessage(UserId from, UserId to,
                                                 const std::string& body_source,
                                                 const std::string& body_html, UnixSeconds now) {
    return Guarded([&]() -> Result<MessageId> {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        const std::int64_t low = std::min(from.value, to.value);
        const std::int64_t high = std::max(from.value, to.value);
        conn->Prepare(kOpenConversation).BindAll(low, high).Exec();
        auto find = conn->Prepare(kConversationId);
        find.BindAll(low, high);
        find.Step();
        const std::int64_t conversation = find.Int(0);
        conn->Prepare(kInsertMessage)
            .BindAll(conversation, from.value, std::string_view(body_source),
                     std::string_view(body_html), now)
            .Exec();
        MessageId id(conn->LastInsertId());
        conn->Prepare(kSenderSide).BindAll(from.value, to.value, conversation, id.value).Exec();
        bool was_unread = false;
        {
            auto unread = conn->Prepare(kRecipientUnread);
            unread.BindAll(to.value, from.value);
            was_unread = unread.Step() && unread.Int(0) > 0;
        }
        conn->Prepare(kRecipientSide).BindAll(to.value, from.value, conversation, id.value).Exec();
        if (!was_unread) conn->Prepare(kCountUnreadConversation).Bind(1, to.value).Exec();
        tx.Commit();
        return id;
    });
}

Result<std::vector<ConversationSummary>> SqliteSocialStore::Conversations(
    UserId user, std::optional<MessageId> before, int limit) {
    return Guarded([&]() -> Result<std::vector<ConversationSummary>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kConversations);
        stmt.BindAll(user.value, before ? 0 : 1, before ? before->value : 0, limit);
        std::vector<ConversationSummary> out;
        while (stmt.Step()) {
            ConversationSummary c;
            c.unread = stmt.Int(0);
            c.other = ReadAuthor(stmt, 1);
            c.last = ReadMessage(stmt, 4);
            out.push_back(std::move(c));
        }
        return out;
    });
}

Result<std::vector<Message>> SqliteSocialStore::Messages(UserId user, UserId other,
                                                         std::optional<MessageId> before,
                                                         int limit) {
    return Guarded([&]() -> Result<std::vector<Message>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kMessages);
        stmt.BindAll(user.value, other.value, before ? 0 : 1, before ? before->value : 0, limit);
        std::vector<Message> out;
        while (stmt.Step()) out.push_back(ReadMessage(stmt, 0));
        return out;
    });
}

Result<std::vector<service::LiveMessage>> SqliteSocialStore::MessagesAfter(UserId user,
                                                                           MessageId after,
                                                                           int limit) {
    return Guarded([&]() -> Result<std::vector<service::LiveMessage>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kMessagesAfter);
        stmt.BindAll(user.value, after.value, limit);
        std::vector<service::LiveMessage> out;
        while (stmt.Step()) out.push_back({ReadAuthor(stmt, 0), ReadMessage(stmt, 3)});
        return out;
    });
}

Result<std::int64_t> SqliteSocialStore::MarkConversationRead(UserId user, UserId other) {
    return Guarded([&]() -> Result<std::int64_t> {
        // Most views find nothing unread: answer from a reader without taking the writer.
        {
            auto conn = db_.Read();
            auto unread = conn->Prepare(kRecipientUnread);
            unread.BindAll(user.value, other.value);
            if (!unread.Step() || unread.Int(0) == 0) {
                auto count = conn->Prepare(kUnreadConversations);
                count.Bind(1, user.value);
                return count.Step() ? count.Int(0) : std::int64_t{0};
            }
        }
        auto conn = db_.Write();
        WriteTx tx(*conn);
        conn->Prepare(kClearUnread).BindAll(user.value, other.value).Exec();
        if (conn->Changes() > 0) conn->Prepare(kUncountConversation).Bind(1, user.value).Exec();
        auto count = conn->Prepare(kUnreadConversations);
        count.Bind(1, user.value);
        std::int64_t left = count.Step() ? count.Int(0) : 0;
        tx.Commit();
        return left;
    });
}

Status SqliteSocialStore::SetBlock(UserId blocker, UserId blocked, bool on, UnixSeconds now) {
    return Guarded([&]() -> Status {
        auto conn = db_.Write();
        if (on)
            conn->Prepare(kBlock).BindAll(blocker.value, blocked.value, now).Exec();
        else
            conn->Prepare(kUnblock).BindAll(blocker.value, blocked.value).Exec();
        return OkStatus();
    });
}

Result<bool> SqliteSocialStore::IsBlocked(UserId blocker, UserId blocked) {
    return Guarded([&]() -> Result<bool> {
        auto conn = db_.Read();
        return conn->Prepare(kIsBlocked).BindAll(blocker.value, blocked.value).Step();
    });
}

}  // namespace hoot::store::sqlite
