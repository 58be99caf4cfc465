#include "store/sqlite/guard.hpp"
#include "store/sqlite/stores.hpp"
#include "store/sqlite/summary_rows.hpp"

namespace hoot::store::sqlite {
namespace {

constexpr std::string_view kInsertPost = "INSERT INTO posts(kind) VALUES (1)";
constexpr std::string_view kInsertHoot =
    "INSERT INTO hoots(author_id, title, slug, body_source, body_html, excerpt, tags, created_at, "
    "updated_at, id, body_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kInsertFirstRevision =
    "INSERT INTO revisions(post_id, number, author_id, created_at, title, tags, body_source) "
    "VALUES (?, 1, ?, ?, ?, ?, ?)";
constexpr std::string_view kInsertHootTag = "INSERT INTO hoot_tags(hoot_id, tag) VALUES (?, ?)";
// Authors follow their own hoots (DESIGN §1).
constexpr std::string_view kAuthorFollows =
    "INSERT INTO follows(hoot_id, user_id, created_at) VALUES (?, ?, ?)";
constexpr std::string_view kCountAuthorAsFollower =
    "UPDATE hoots SET follower_count = 1 WHERE id = ?";
constexpr std::string_view kCountHootOnAuthor =
    "UPDATE users SET hoot_count = hoot_count + 1 WHERE id = ?";
constexpr std::string_view kFindHoot =
    "SELECT h.id, h.title, h.slug, h.body_source, h.body_html, h.tags, h.created_at, "
    "h.updated_at, h.comment_count, h.positive, h.negative, u.id, u.username, u.display_name, "
    "h.revision, h.deleted_at IS NOT NULL, h.deleted_comment_count, h.body_text, h.follower_count, "
    "u.avatar_hash FROM hoots h JOIN users u ON u.id = h.author_id WHERE h.id = ?1 AND (?2 OR "
    "h.deleted_at IS "
    "NULL)";

// Feed rows: columns 0..8 hoot, 9..11 author. The cursor is (created_at, id) of the last row
// shown; ?1 = 1 when there is no cursor.
#define HOOT_SUMMARY_COLUMNS HOOT_SUMMARY_SELECT "FROM hoots h JOIN users u ON u.id = h.author_id "
constexpr std::string_view kLatestHoots = HOOT_SUMMARY_COLUMNS
    "WHERE h.deleted_at IS NULL AND (?1 OR (h.created_at, h.id) < (?2, ?3)) "
    "ORDER BY h.created_at DESC, h.id DESC LIMIT ?4";
constexpr std::string_view kHootsByAuthor = HOOT_SUMMARY_COLUMNS
    "WHERE h.author_id = ?5 AND h.deleted_at IS NULL AND (?1 OR (h.created_at, h.id) < (?2, ?3)) "
    "ORDER BY h.created_at DESC, h.id DESC LIMIT ?4";
constexpr std::string_view kHootsByTag = HOOT_SUMMARY_COLUMNS
    "JOIN hoot_tags t ON t.hoot_id = h.id AND t.tag = ?5 "
    "WHERE h.deleted_at IS NULL AND (?1 OR (h.created_at, h.id) < (?2, ?3)) "
    "ORDER BY h.created_at DESC, h.id DESC LIMIT ?4";
#undef HOOT_SUMMARY_COLUMNS

std::vector<HootSummary> ReadSummaries(Stmt& stmt) {
    std::vector<HootSummary> hoots;
    while (stmt.Step()) hoots.push_back(ReadSummary(stmt));
    return hoots;
}

void BindCursor(Stmt& stmt, const std::optional<service::TimeCursor>& after, int limit) {
    stmt.Bind(1, after ? 0 : 1)
        .Bind(2, after ? after->created_at : 0)
        .Bind(3, after ? after->id : 0)
        .Bind(4, limit);
}

}  // namespace

Result<HootId> SqliteHootStore::Create(const service::NewHoot& hoot) {
    return Guarded([&]() -> Result<HootId> {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        conn->Prepare(kInsertPost).Exec();
        HootId id(conn->LastInsertId());
        conn->Prepare(kInsertHoot)
            .BindAll(hoot.author.value, std::string_view(hoot.title), std::string_view(hoot.slug),
                     std::string_view(hoot.body_source), std::string_view(hoot.body_html),
                     std::string_view(hoot.excerpt), std::string_view(JoinTags(hoot.tags)),
                     hoot.created_at, hoot.created_at, id.value, std::string_view(hoot.body_text))
            .Exec();
        conn->Prepare(kInsertFirstRevision)
            .BindAll(id.value, hoot.author.value, hoot.created_at, std::string_view(hoot.title),
                     std::string_view(JoinTags(hoot.tags)), std::string_view(hoot.body_source))
            .Exec();
        for (const auto& tag : hoot.tags)
            conn->Prepare(kInsertHootTag).BindAll(id.value, std::string_view(tag)).Exec();
        conn->Prepare(kCountHootOnAuthor).Bind(1, hoot.author.value).Exec();
        conn->Prepare(kAuthorFollows).BindAll(id.value, hoot.author.value, hoot.created_at).Exec();
        conn->Prepare(kCountAuthorAsFollower).Bind(1, id.value).Exec();
        tx.Commit();
        return id;
    });
}

Result<std::optional<Hoot>> SqliteHootStore::Find(HootId id, bool include_deleted) {
    return Guarded([&]() -> Result<std::optional<Hoot>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kFindHoot);
        stmt.BindAll(id.value, include_deleted ? 1 : 0);
        if (!stmt.Step()) return std::optional<Hoot>();
        Hoot h;
        h.id = HootId(stmt.Int(0));
        h.title = stmt.Text(1);
        h.slug = stmt.Text(2);
        h.body_source = stmt.Text(3);
        h.body_html = stmt.Text(4);
        h.tags = SplitTags(stmt.TextView(5));
        h.created_at = stmt.Int(6);
        h.updated_at = stmt.Int(7);
        h.comment_count = stmt.Int(8);
        h.reactions = {stmt.Int(9), stmt.Int(10)};
        h.author = ReadAuthor(stmt, 11);
        h.revision = static_cast<int>(stmt.Int(14));
        h.deleted = stmt.Int(15) != 0;
        h.deleted_comment_count = stmt.Int(16);
        h.body_text = stmt.Text(17);
        h.follower_count = stmt.Int(18);
        h.author.avatar_hash = stmt.Text(19);
        return std::optional<Hoot>(std::move(h));
    });
}

Result<std::vector<HootSummary>> SqliteHootStore::Latest(std::optional<service::TimeCursor> after,
                                                         int limit) {
    return Guarded([&]() -> Result<std::vector<HootSummary>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kLatestHoots);
        BindCursor(stmt, after, limit);
        return ReadSummaries(stmt);
    });
}

Result<std::vector<HootSummary>> SqliteHootStore::ByAuthor(UserId author,
                                                           std::optional<service::TimeCursor> after,
                                                           int limit) {
    return Guarded([&]() -> Result<std::vector<HootSummary>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kHootsByAuthor);
        BindCursor(stmt, after, limit);
        stmt.Bind(5, author.value);
        return ReadSummaries(stmt);
    });
}

Result<std::vector<HootSummary>> SqliteHootStore::ByTag(std::string_view tag,
                                                        std::optional<service::TimeCursor> after,
                                                        int limit) {
    return Guarded([&]() -> Result<std::vector<HootSummary>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kHootsByTag);
        BindCursor(stmt, after, limit);
        stmt.Bind(5, tag);
        return ReadSummaries(stmt);
    });
}

}  // namespace hoot::store::sqlite
