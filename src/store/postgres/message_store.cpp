// Direct messages and blocks. A conversation is found by its two people (lower id first); each
// side's member row carries its own unread count and the last message, so the conversation list
// and the DM box read one indexed row per conversation. The twin of
// store/sqlite/message_store.cpp; change them together.

#include <algorithm>

#include "store/postgres/guard.hpp"
#include "store/postgres/social_store.hpp"

namespace hoot::store::postgres {
namespace {

// A racing first message between the same two people waits on the key, then finds the
// conversation the other one made.
constexpr std::string_view kOpenConversation =
    "INSERT INTO conversations(user_low, user_high) VALUES ($1, $2) ON CONFLICT DO NOTHING";
constexpr std::string_view kConversationId =
    "SELECT id FROM conversations WHERE user_low = $1 AND user_high = $2";
// Both people, in id order (social_store.hpp): messages to one person are numbered in the order
// they commit, and two people writing to each other at once take the member rows in turn.
constexpr std::string_view kLockPeople =
    "SELECT 1 FROM users WHERE id IN ($1, $2) ORDER BY id FOR NO KEY UPDATE";
constexpr std::string_view kInsertMessage =
    "INSERT INTO messages(conversation_id, sender_id, body_source, body_html, created_at) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr std::string_view kSenderSide =
    "INSERT INTO conversation_members(user_id, other_id, conversation_id, last_message_id) "
    "VALUES ($1, $2, $3, $4) ON CONFLICT(user_id, other_id) DO UPDATE SET last_message_id = $4";
// Returns the recipient's unread count in this conversation afterwards: 1 means it has just
// become unread, and the person's count of unread conversations moves.
constexpr std::string_view kRecipientSide =
    "INSERT INTO conversation_members(user_id, other_id, conversation_id, last_message_id, "
    "unread_count) VALUES ($1, $2, $3, $4, 1) ON CONFLICT(user_id, other_id) DO UPDATE SET "
    "last_message_id = $4, unread_count = conversation_members.unread_count + 1 "
    "RETURNING unread_count";
constexpr std::string_view kCountUnreadConversation =
    "UPDATE users SET unread_conversations = unread_conversations + 1 WHERE id = $1";

#define MESSAGE_COLUMNS \
    "m.id, s.id, s.username, s.display_name, m.body_source, m.body_html, m.created_at "
constexpr std::string_view kConversations =
    "SELECT cm.unread_count, o.id, o.username, o.display_name, " MESSAGE_COLUMNS
    "FROM conversation_members cm JOIN users o ON o.id = cm.other_id "
    "JOIN messages m ON m.id = cm.last_message_id JOIN users s ON s.id = m.sender_id "
    "WHERE cm.user_id = $1 AND ($2::boolean OR cm.last_message_id < $3::bigint) "
    "ORDER BY cm.last_message_id DESC LIMIT $4";
constexpr std::string_view kMessages =
    "SELECT " MESSAGE_COLUMNS
    "FROM conversation_members cm JOIN messages m ON m.conversation_id = cm.conversation_id "
    "JOIN users s ON s.id = m.sender_id "
    "WHERE cm.user_id = $1 AND cm.other_id = $2 AND ($3::boolean OR m.id < $4::bigint) "
    "ORDER BY m.id DESC LIMIT $5";
constexpr std::string_view kMessagesAfter =
    "SELECT o.id, o.username, o.display_name, " MESSAGE_COLUMNS
    "FROM conversation_members cm "
    "JOIN messages m ON m.conversation_id = cm.conversation_id AND m.id > $2 "
    "JOIN users o ON o.id = cm.other_id JOIN users s ON s.id = m.sender_id "
    "WHERE cm.user_id = $1 ORDER BY m.id LIMIT $3";
#undef MESSAGE_COLUMNS

constexpr std::string_view kUnreadIn =
    "SELECT unread_count FROM conversation_members WHERE user_id = $1 AND other_id = $2";
constexpr std::string_view kLockUser = "SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE";
// Only a conversation still unread is cleared, so two readers at once uncount it once.
constexpr std::string_view kClearUnread =
    "UPDATE conversation_members SET unread_count = 0 "
    "WHERE user_id = $1 AND other_id = $2 AND unread_count > 0";
constexpr std::string_view kUncountConversation =
    "UPDATE users SET unread_conversations = GREATEST(0, unread_conversations - 1) WHERE id = $1";
constexpr std::string_view kUnreadConversations =
    "SELECT unread_conversations FROM users WHERE id = $1";
constexpr std::string_view kBlock =
    "INSERT INTO blocks(blocker_id, blocked_id, created_at) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kUnblock =
    "DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2";
constexpr std::string_view kIsBlocked =
    "SELECT 1 FROM blocks WHERE blocker_id = $1 AND blocked_id = $2";

// Message columns start at `first`.
Message ReadMessage(const Row& row, int first) {
    Message m;
    m.id = MessageId(row.Int(first));
    m.sender = ReadAuthor(row, first + 1);
    m.body_source = row.Text(first + 4);
    m.body_html = row.Text(first + 5);
    m.created_at = row.Int(first + 6);
    return m;
}

std::int64_t UnreadConversations(Connection& conn, UserId user) {
    auto rows = conn.Query(kUnreadConversations, user.value);
    return rows.empty() ? 0 : rows[0].Int(0);
}

}  // namespace

Result<MessageId> PgSocialStore::SendMessage(UserId from, UserId to, const std::string& body_source,
                                             const std::string& body_html, UnixSeconds now) {
    return Guarded([&]() -> Result<MessageId> {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        const std::int64_t low = std::min(from.value, to.value);
        const std::int64_t high = std::max(from.value, to.value);
        conn->Query(kOpenConversation, low, high);
        const std::int64_t conversation = conn->Query(kConversationId, low, high)[0].Int(0);
        conn->Query(kLockPeople, low, high);
        MessageId id(
            conn->Query(kInsertMessage, conversation, from.value, body_source, body_html, now)[0]
                .Int(0));
        conn->Query(kSenderSide, from.value, to.value, conversation, id.value);
        if (conn->Query(kRecipientSide, to.value, from.value, conversation, id.value)[0].Int(0) ==
            1)
            conn->Query(kCountUnreadConversation, to.value);
        tx.Commit();
        return id;
    });
}

Result<std::vector<ConversationSummary>> PgSocialStore::Conversations(
    UserId user, std::optional<MessageId> before, int limit) {
    return Guarded([&]() -> Result<std::vector<ConversationSummary>> {
        auto conn = db_.Acquire();
        std::vector<ConversationSummary> out;
        for (Row row :
             conn->Query(kConversations, user.value, !before, before ? before->value : 0, limit)) {
            ConversationSummary c;
            c.unread = row.Int(0);
            c.other = ReadAuthor(row, 1);
            c.last = ReadMessage(row, 4);
            out.push_back(std::move(c));
        }
        return out;
    });
}

Result<std::vector<Message>> PgSocialStore::Messages(UserId user, UserId other,
                                                     std::optional<MessageId> before, int limit) {
    return Guarded([&]() -> Result<std::vector<Message>> {
        auto conn = db_.Acquire();
        std::vector<Message> out;
        for (Row row : conn->Query(kMessages, user.value, other.value, !before,
                                   before ? before->value : 0, limit))
            out.push_back(ReadMessage(row, 0));
        return out;
    });
}

Result<std::vector<service::LiveMessage>> PgSocialStore::MessagesAfter(UserId user, MessageId after,
                                                                       int limit) {
    return Guarded([&]() -> Result<std::vector<service::LiveMessage>> {
        auto conn = db_.Acquire();
        std::vector<service::LiveMessage> out;
        for (Row row : conn->Query(kMessagesAfter, user.value, after.value, limit))
            out.push_back({ReadAuthor(row, 0), ReadMessage(row, 3)});
        return out;
    });
}

Result<std::int64_t> PgSocialStore::MarkConversationRead(UserId user, UserId other) {
    return Guarded([&]() -> Result<std::int64_t> {
        auto conn = db_.Acquire();
        // Most views find nothing unread: answer without a transaction or a lock.
        auto unread = conn->Query(kUnreadIn, user.value, other.value);
        if (unread.empty() || unread[0].Int(0) == 0) return UnreadConversations(*conn, user);
        Transaction tx(*conn);
        conn->Query(kLockUser, user.value);
        if (conn->Query(kClearUnread, user.value, other.value).Affected() > 0)
            conn->Query(kUncountConversation, user.value);
        std::int64_t left = UnreadConversations(*conn, user);
        tx.Commit();
        return left;
    });
}

Status PgSocialStore::SetBlock(UserId blocker, UserId blocked, bool on, UnixSeconds now) {
    return Guarded([&]() -> Status {
        auto conn = db_.Acquire();
        if (on)
            conn->Query(kBlock, blocker.value, blocked.value, now);
        else
            conn->Query(kUnblock, blocker.value, blocked.value);
        return OkStatus();
    });
}

Result<bool> PgSocialStore::IsBlocked(UserId blocker, UserId blocked) {
    return Guarded([&]() -> Result<bool> {
        auto conn = db_.Acquire();
        return !conn->Query(kIsBlocked, blocker.value, blocked.value).empty();
    });
}

}  // namespace hoot::store::postgres
