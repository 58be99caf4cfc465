// The Stack Exchange importer on the real dumps in ../shared/data/stackexchange, into a real
// SQLite file. Expected counts come from an independent scan of the XML files here (one <row> a
// line, attributes read with a plain search), never from the importer's own report.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "importer/stackexchange_import.hpp"
#include "service/accounts.hpp"
#include "service/hoots.hpp"
#include "service/import_store.hpp"
#include "store/sqlite/stores.hpp"
#include "support/test_support.hpp"
#include "web/views/views.hpp"

namespace hoot {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

fs::path Dumps() { return testing::SharedDir() / "data" / "stackexchange"; }

// The raw value of attribute `name` in one line of a dump, entity-decoding only what ids and
// names here need; nullopt when absent.
std::optional<std::string> Attr(const std::string& line, const std::string& name) {
    std::string key = " " + name + "=\"";
    auto at = line.find(key);
    if (at == std::string::npos) return std::nullopt;
    at += key.size();
    return line.substr(at, line.find('"', at) - at);
}

std::int64_t IdAttr(const std::string& line, const std::string& name) {
    auto value = Attr(line, name);
    return value ? std::stoll(*value) : 0;
}

// Every <row line of a file (empty when the file is missing).
std::vector<std::string> Rows(const fs::path& file) {
    std::vector<std::string> rows;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (line.find("<row ") != std::string::npos) rows.push_back(line);
    return rows;
}

struct Expected {
    std::int64_t questions = 0, answers = 0, users = 0, replies = 0;
    std::set<std::int64_t> posts;
};

Expected Scan(const fs::path& dump) {
    Expected e;
    std::set<std::int64_t> questions;
    auto posts = Rows(dump / "Posts.xml");
    for (const auto& row : posts)
        if (Attr(row, "PostTypeId") == "1") questions.insert(IdAttr(row, "Id"));
    e.questions = static_cast<std::int64_t>(questions.size());
    e.posts = questions;
    for (const auto& row : posts)
        if (Attr(row, "PostTypeId") == "2" && questions.count(IdAttr(row, "ParentId"))) {
            ++e.answers;
            e.posts.insert(IdAttr(row, "Id"));
        }
    e.users = static_cast<std::int64_t>(Rows(dump / "Users.xml").size());
    for (const auto& row : Rows(dump / "Comments.xml"))
        if (e.posts.count(IdAttr(row, "PostId")) && Attr(row, "Text").value_or("") != "")
            ++e.replies;
    return e;
}

std::string SiteOf(const std::string& folder) {
    auto dash = folder.find(".com-");
    return dash == std::string::npos ? folder : folder.substr(0, dash + 4);
}

// The schema as stored: a bulk import drops indexes and triggers inside its transaction and
// makes them again, so after it (or after it failed) the schema must be exactly as before.
std::string Schema(store::sqlite::Database& db) {
    auto conn = db.Read();
    auto stmt = conn->Prepare(
        "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || COALESCE(sql, '') "
        "FROM sqlite_schema ORDER BY type, name");
    std::string out;
    while (stmt.Step()) out += stmt.Text(0) + "\n";
    return out;
}

class ImportTest : public ::testing::Test {
  protected:
    ImportTest() { Open(); }
    // `readers`: the read connections the backend keeps open (hoot import uses none).
    void Open(int readers = 1) {
        backend_ =
            std::make_unique<store::sqlite::SqliteBackend>(dir_.path() / "hoot.sqlite3", readers);
    }
    void Close() { backend_.reset(); }

    Result<importer::ImportReport> Import(const fs::path& dump, const std::string& site) {
        importer::ImportOptions options{dump, site, nullptr};
        return importer::ImportStackExchange(backend_->stores().imports, options);
    }

    std::int64_t Count(const std::string& sql) {
        auto conn = backend_->database().Read();
        auto stmt = conn->Prepare(sql);
        return stmt.Step() ? stmt.Int(0) : -1;
    }

    std::int64_t LocalId(const std::string& site, int kind, std::int64_t source) {
        return Count("SELECT local_id FROM import_map WHERE site = '" + site + "' AND kind = " +
                     std::to_string(kind) + " AND source_id = " + std::to_string(source));
    }

    // Every row of every table, in a stable order: "the database is unchanged" made checkable.
    std::string Snapshot() {
        std::string out;
        auto conn = backend_->database().Read();
        std::vector<std::string> tables;
        {
            auto stmt = conn->Prepare(
                // The search index's segment tables are its internal storage: rewriting a row
                // with the same text may lay them out differently. Its rows (the virtual table
                // itself) are compared.
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT IN ('search_index_data', 'search_index_idx') ORDER BY name");
            while (stmt.Step()) tables.push_back(stmt.Text(0));
        }
        for (const auto& table : tables) {
            out += "## " + table + "\n";
            int columns = 0;
            {
                auto info = conn->Prepare("SELECT COUNT(*) FROM pragma_table_info(?)");
                info.Bind(1, std::string_view(table));
                if (info.Step()) columns = static_cast<int>(info.Int(0));
            }
            auto stmt = conn->Prepare("SELECT * FROM \"" + table + "\" ORDER BY 1, 2");
            while (stmt.Step()) {
                for (int c = 0; c < columns; ++c) {
                    out += stmt.IsNull(c) ? std::string("NULL") : stmt.Text(c);
                    out += '|';
                }
                out += '\n';
            }
        }
        return out;
    }

    TempDir dir_;
    std::unique_ptr<store::sqlite::SqliteBackend> backend_;
};

TEST_F(ImportTest, EveryDumpImportsWithTheCountsOfItsFiles) {
    int dumps = 0;
    for (const auto& entry : fs::directory_iterator(Dumps())) {
        if (!entry.is_directory()) continue;
        ++dumps;
        const std::string folder = entry.path().filename().string();
        const std::string site = SiteOf(folder);
        SCOPED_TRACE(folder);
        TempDir db_dir;
        store::sqlite::SqliteBackend backend(db_dir.path() / "hoot.sqlite3", 1);
        importer::ImportOptions options{entry.path(), site, nullptr};
        auto report = importer::ImportStackExchange(backend.stores().imports, options);
        ASSERT_TRUE(report) << report.error().message;
        Expected expected = Scan(entry.path());
        auto count = [&](const std::string& sql) {
            auto conn = backend.database().Read();
            auto stmt = conn->Prepare(sql);
            return stmt.Step() ? stmt.Int(0) : -1;
        };
        EXPECT_EQ(count("SELECT COUNT(*) FROM hoots"), expected.questions);
        EXPECT_EQ(count("SELECT COUNT(*) FROM comments"), expected.answers);
        EXPECT_EQ(count("SELECT COUNT(*) FROM imported_users"), expected.users);
        EXPECT_EQ(count("SELECT COUNT(*) FROM replies"), expected.replies);
        EXPECT_EQ(count("SELECT SUM(comment_count) FROM hoots"), expected.answers);
        // Every post has its revisions from number 1, and its current text is the latest.
        EXPECT_EQ(count("SELECT COUNT(*) FROM posts p WHERE NOT EXISTS "
                        "(SELECT 1 FROM revisions r WHERE r.post_id = p.id AND r.number = 1)"),
                  0);
        EXPECT_EQ(count("SELECT COUNT(*) FROM hoots h WHERE revision <> "
                        "(SELECT MAX(number) FROM revisions r WHERE r.post_id = h.id)"),
                  0);
        EXPECT_EQ(
            count("SELECT COUNT(*) FROM imported_posts WHERE license NOT LIKE 'CC BY-SA _._'"), 0);
        {
            auto conn = backend.database().Read();
            auto stmt = conn->Prepare("PRAGMA foreign_key_check");
            EXPECT_FALSE(stmt.Step()) << "a row points at nothing";
        }
        // Partial dumps say what they lack.
        bool has_history = fs::exists(entry.path() / "PostHistory.xml");
        bool listed = false;
        for (const auto& missing : report->missing_files) listed |= missing == "PostHistory.xml";
        EXPECT_EQ(listed, !has_history);
    }
    EXPECT_EQ(dumps, 8);
}

// A thread picked from the dump at run time: the first question with an accepted answer in the
// dump, votes and comments.
TEST_F(ImportTest, AThreadKeepsAuthorAcceptedAnswerVotesRepliesRevisionsAndAttribution) {
    const fs::path dump = Dumps() / "beer.stackexchange.com";
    const std::string site = "beer.stackexchange.com";
    auto report = Import(dump, site);
    ASSERT_TRUE(report) << report.error().message;

    auto posts = Rows(dump / "Posts.xml");
    std::set<std::int64_t> answers;
    for (const auto& row : posts)
        if (Attr(row, "PostTypeId") == "2") answers.insert(IdAttr(row, "Id"));
    std::string question;
    for (const auto& row : posts)
        if (Attr(row, "PostTypeId") == "1" && answers.count(IdAttr(row, "AcceptedAnswerId")) &&
            Attr(row, "OwnerUserId")) {
            question = row;
            break;
        }
    ASSERT_FALSE(question.empty());
    const std::int64_t qid = IdAttr(question, "Id");
    const std::int64_t owner = IdAttr(question, "OwnerUserId");
    std::string owner_name;
    for (const auto& row : Rows(dump / "Users.xml"))
        if (IdAttr(row, "Id") == owner) owner_name = *Attr(row, "DisplayName");
    std::int64_t up = 0, down = 0;
    for (const auto& row : Rows(dump / "Votes.xml"))
        if (IdAttr(row, "PostId") == qid) {
            up += Attr(row, "VoteTypeId") == "2";
            down += Attr(row, "VoteTypeId") == "3";
        }
    std::int64_t replies = 0;
    for (const auto& row : Rows(dump / "Comments.xml")) replies += IdAttr(row, "PostId") == qid;
    std::set<std::string> revisions;
    for (const auto& row : Rows(dump / "PostHistory.xml")) {
        auto type = IdAttr(row, "PostHistoryTypeId");
        if (IdAttr(row, "PostId") == qid && type >= 1 && type <= 9)
            revisions.insert(*Attr(row, "RevisionGUID"));
    }

    service::HootService hoots(backend_->stores());
    HootId hoot(LocalId(site, 2, qid));
    auto thread = hoots.Thread(hoot, CommentOrder::kOldest, 100);
    ASSERT_TRUE(thread) << thread.error().message;
    EXPECT_EQ(thread->hoot.author.display_name, owner_name);
    EXPECT_EQ(thread->hoot.reactions.positive, up);
    EXPECT_EQ(thread->hoot.reactions.negative, down);
    EXPECT_EQ(static_cast<std::int64_t>(thread->hoot.replies.size()), replies);
    EXPECT_EQ(thread->hoot.revision, static_cast<int>(revisions.size()));
    ASSERT_TRUE(thread->hoot.imported);
    const auto& origin = *thread->hoot.imported;
    EXPECT_EQ(origin.accepted.value, LocalId(site, 2, IdAttr(question, "AcceptedAnswerId")));
    EXPECT_EQ(origin.question_source_id, qid);
    EXPECT_EQ(origin.credits.front().author_source_id, owner);

    web::views::ThreadPage page;
    page.hoot = thread->hoot;
    page.comments = thread->comments;
    std::string html = web::views::RenderThread(page).Take();
    EXPECT_NE(html.find("from beer.stackexchange.com on Stack Exchange"), std::string::npos);
    EXPECT_NE(html.find("<a href=\"https://beer.stackexchange.com/questions/" +
                        std::to_string(qid) + "\">"),
              std::string::npos);
    EXPECT_NE(html.find("<a href=\"https://beer.stackexchange.com/users/" + std::to_string(owner) +
                        "\">"),
              std::string::npos);
    EXPECT_NE(html.find("CC BY-SA"), std::string::npos);
    EXPECT_NE(html.find("Accepted answer"), std::string::npos);

    // Imported users cannot sign in, and their names cannot be taken by local sign-up.
    service::AccountService accounts(backend_->stores());
    auto signed_in =
        accounts.SignIn(std::to_string(owner) + "@" + site, "correct horse battery staple");
    EXPECT_FALSE(signed_in);
    auto taken = accounts.SignUp(std::to_string(owner) + "@" + site, "correct horse battery");
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().code, Errc::kInvalidInput);
}

TEST_F(ImportTest, ImportingTheSameDumpAgainUpdatesInPlace) {
    const fs::path dump = Dumps() / "conlang.meta.stackexchange.com";
    ASSERT_TRUE(Import(dump, "conlang.meta.stackexchange.com"));
    std::string first = Snapshot();
    auto again = Import(dump, "conlang.meta.stackexchange.com");
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(Snapshot(), first);
}

// A dump cut short or corrupted stops the import naming file and line, and leaves the database
// exactly as it was: the same rows, and the same bytes on disk.
class BadDumpTest : public ImportTest, public ::testing::WithParamInterface<std::string> {};

std::string FileBytes(const fs::path& file) { return testing::ReadFile(file); }

// A copy of dump `source` under `parent` (same folder name) whose Comments.xml is "truncated"
// (cut in half) or "corrupted" (a stray '<' in a row). Comments.xml is read late: much is written
// before it breaks.
fs::path BrokenCopy(const fs::path& source, const fs::path& parent, const std::string& how) {
    const fs::path dump = parent / source.filename();
    fs::create_directories(dump);
    for (const auto& entry : fs::directory_iterator(source))
        fs::copy_file(entry.path(), dump / entry.path().filename());
    const std::string victim = "Comments.xml";
    std::string text = FileBytes(dump / victim);
    fs::permissions(dump / victim, fs::perms::owner_write, fs::perm_options::add);
    if (how == "truncated") {
        text.resize(text.size() / 2);
    } else {
        auto middle = text.find("<row ", text.size() / 2);
        text.replace(middle, 5, "<row <");
    }
    std::ofstream out(dump / victim, std::ios::binary | std::ios::trunc);
    out << text;
    return dump;
}

TEST_P(BadDumpTest, LeavesTheDatabaseUnchanged) {
    const fs::path source = Dumps() / "alcohol.meta.stackexchange.com";
    ASSERT_TRUE(
        Import(Dumps() / "conlang.meta.stackexchange.com", "conlang.meta.stackexchange.com"));
    const std::string rows_before = Snapshot();
    const std::string schema_before = Schema(backend_->database());
    Close();
    const std::string bytes_before = FileBytes(dir_.path() / "hoot.sqlite3");
    Open();

    TempDir bad;
    const fs::path dump = BrokenCopy(source, bad.path(), GetParam());
    auto result = Import(dump, "alcohol.meta.stackexchange.com");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, Errc::kInvalidInput);
    EXPECT_EQ(result.error().message.rfind("Comments.xml:", 0), 0u) << result.error().message;
    EXPECT_EQ(Snapshot(), rows_before);
    EXPECT_EQ(Schema(backend_->database()), schema_before);
    Close();
    EXPECT_TRUE(FileBytes(dir_.path() / "hoot.sqlite3") == bytes_before);
    Open();
}

INSTANTIATE_TEST_SUITE_P(Dumps, BadDumpTest, ::testing::Values("truncated", "corrupted"));

// With the file to itself (no other connection open, as `hoot import` runs), a first import
// leaves WAL mode for a rollback journal so that its pages are written once, straight into the
// file: the WAL stays empty. A failed one still leaves the file byte for byte as it was, and the
// database is in WAL mode again either way.
TEST_F(ImportTest, AnImportWithTheFileToItselfWritesPagesOnceAndStillRollsBack) {
    const fs::path file = dir_.path() / "hoot.sqlite3";
    auto journal_mode = [&] {
        auto conn = backend_->database().Write();
        auto stmt = conn->Prepare("PRAGMA journal_mode");
        return stmt.Step() ? stmt.Text(0) : std::string();
    };
    Close();
    const std::string bytes_before = FileBytes(file);
    Open(0);
    TempDir bad;
    auto failed = Import(BrokenCopy(Dumps() / "beer.stackexchange.com", bad.path(), "truncated"),
                         "beer.stackexchange.com");
    ASSERT_FALSE(failed);
    EXPECT_EQ(journal_mode(), "wal");
    Close();
    // Leaving WAL mode and coming back each advance the file change counter in the header
    // (bytes 24-27, copied to 92-95): every other byte is as it was.
    auto without_counter = [](std::string bytes) {
        for (std::size_t at : {24u, 92u}) bytes.replace(at, 4, 4, '\0');
        return bytes;
    };
    EXPECT_TRUE(without_counter(FileBytes(file)) == without_counter(bytes_before));
    EXPECT_FALSE(fs::exists(dir_.path() / "hoot.sqlite3-journal"));

    Open(0);
    auto report = Import(Dumps() / "beer.stackexchange.com", "beer.stackexchange.com");
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(journal_mode(), "wal");
    const fs::path wal = dir_.path() / "hoot.sqlite3-wal";
    EXPECT_LT(fs::exists(wal) ? fs::file_size(wal) : 0, 64u * 1024) << "pages went to the WAL";
    EXPECT_GT(fs::file_size(file), 8u * 1024 * 1024);
    Close();
    Open();
    EXPECT_EQ(Count("SELECT COUNT(*) FROM hoots"), report->imported["questions"]);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM comments"), report->imported["answers"]);
    auto conn = backend_->database().Read();
    EXPECT_FALSE(conn->Prepare("PRAGMA foreign_key_check").Step());
}

TEST_F(ImportTest, DanglingReferencesAreCountedWithFileAndLine) {
    auto report = Import(Dumps() / "beer.stackexchange.com", "beer.stackexchange.com");
    ASSERT_TRUE(report) << report.error().message;
    // Independently: votes naming a post that Posts.xml does not have.
    std::set<std::int64_t> posts;
    for (const auto& row : Rows(Dumps() / "beer.stackexchange.com" / "Posts.xml"))
        posts.insert(IdAttr(row, "Id"));
    std::int64_t dangling = 0;
    for (const auto& row : Rows(Dumps() / "beer.stackexchange.com" / "Votes.xml")) {
        auto type = Attr(row, "VoteTypeId");
        if ((type == "2" || type == "3") && !posts.count(IdAttr(row, "PostId"))) ++dangling;
    }
    ASSERT_GT(dangling, 0);
    EXPECT_EQ(report->skipped["Votes.xml: vote on a post not in the dump"], dangling);
    bool with_line = false;
    for (const auto& problem : report->problems)
        with_line |= problem.file == "Votes.xml" && problem.line > 0;
    EXPECT_TRUE(with_line);
}

// What the search and tag-count triggers keep in step, checked after an import: a first import
// as large as the database builds them in bulk at its end, a smaller one row by row.
TEST_F(ImportTest, BulkAndRowByRowImportsLeaveTheSameSchemaSearchRowsAndTagCounts) {
    const std::string fresh = Schema(backend_->database());
    auto check = [&](const char* what) {
        SCOPED_TRACE(what);
        EXPECT_EQ(Schema(backend_->database()), fresh);
        EXPECT_EQ(Count("SELECT COUNT(*) FROM search_index"),
                  Count("SELECT (SELECT COUNT(*) FROM hoots) + (SELECT COUNT(*) FROM comments)"));
        EXPECT_EQ(Count("SELECT COUNT(*) FROM hoots h WHERE NOT EXISTS (SELECT 1 FROM "
                        "search_index s WHERE s.rowid = h.id * 2147483648 + 2 * h.id "
                        "AND s.title = h.title)"),
                  0);
        EXPECT_EQ(Count("SELECT COUNT(*) FROM comments c WHERE NOT EXISTS (SELECT 1 FROM "
                        "search_index s WHERE s.rowid = c.hoot_id * 2147483648 + 2 * c.id "
                        "AND s.body = IIF(c.body_text <> '', c.body_text, c.body_source))"),
                  0);
        EXPECT_EQ(Count("SELECT COUNT(*) FROM (SELECT tag, COUNT(*) AS n FROM hoot_tags "
                        "GROUP BY tag) t FULL JOIN tag_counts c ON c.tag = t.tag "
                        "WHERE c.count IS NOT t.n"),
                  0);
        auto conn = backend_->database().Read();
        EXPECT_EQ(
            conn->Prepare("SELECT * FROM search_index WHERE search_index MATCH 'beer'").Step(),
            true);
    };
    // The first import into an empty database: bulk.
    ASSERT_TRUE(Import(Dumps() / "beer.stackexchange.com", "beer.stackexchange.com"));
    check("bulk");
    {
        auto conn = backend_->database().Write();
        conn->ExecScript(
            "INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 0)");
    }
    // A small site into a larger database: row by row, through the triggers.
    ASSERT_TRUE(
        Import(Dumps() / "alcohol.meta.stackexchange.com", "alcohol.meta.stackexchange.com"));
    check("row by row");
}

TEST_F(ImportTest, AMissingFolderOrPostsFileIsAnError) {
    auto missing = Import(dir_.path() / "nothing-here", "example.stackexchange.com");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, Errc::kNotFound);
    TempDir empty;
    auto no_posts = Import(empty.path(), "example.stackexchange.com");
    ASSERT_FALSE(no_posts);
    EXPECT_NE(no_posts.error().message.find("Posts.xml"), std::string::npos);
}

}  // namespace
}  // namespace hoot
