// What an import cannot do without, timed part by part on one dump: the CPU a Stack Exchange
// import needs at the least, whatever is done about the rest. bench/README.md ("The parts an
// import cannot skip") compares the sum with the import's own figures.
//
//   parse    expat reads every row of every file (the importer's ReadRows, nothing done per row)
//   convert  the per-row conversion the importer's reader thread does (sanitised HTML, plain
//            text, dates, tags: the Prepare* functions of importer/se_rows)
//   search   the posts' words go into the real search index (a fresh database through the
//            migrations, so the FTS5 table and tokenizer are the product's), in rowid order
//            (no sort, no flush between rows), with the bulk import's 32 MB term buffer
//   store    each post's words stored once in a plain table (the import keeps the source, the
//            HTML, the words and every revision: four to five times this)
//
// The four are independent of each other's order, so an import on N cores can take no less
// than their sum / N of wall clock, however well it overlaps them.
//
// Usage: import_parts DUMP_DIR [--db FILE] [--cores N]

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "importer/se_rows.hpp"
#include "importer/xml_rows.hpp"
#include "store/sqlite/db.hpp"

namespace {

using namespace hoot;
namespace fs = std::filesystem;

double CpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// One question or answer, as the search index receives it.
struct Doc {
    std::int64_t rowid = 0;  // thread-major, as the triggers of migration 4 make it
    std::int64_t id = 0;
    std::string title, words;
};

constexpr const char* kFiles[] = {"Users.xml",    "Votes.xml",     "PostHistory.xml", "Posts.xml",
                                  "Comments.xml", "PostLinks.xml", "Tags.xml"};

bool ReadAll(const fs::path& dump,
             const std::function<bool(std::string_view, const importer::Row&)>& on_row) {
    for (const char* name : kFiles) {
        fs::path file = dump / name;
        if (!fs::exists(file)) continue;
        auto outcome =
            importer::ReadRows(file, [&](const importer::Row& row, const importer::RowPosition&) {
                return on_row(name, row);
            });
        if (!outcome.ok) {
            std::fprintf(stderr, "%s:%lld: %s\n", file.c_str(),
                         static_cast<long long>(outcome.line), outcome.message.c_str());
            return false;
        }
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: import_parts DUMP_DIR [--db FILE] [--cores N]\n");
        return 2;
    }
    const fs::path dump = argv[1];
    fs::path db_file = "/tmp/hoot-import-parts/parts.sqlite3";
    int cores = 2;
    for (int i = 2; i + 1 < argc; i += 2) {
        std::string_view flag = argv[i];
        if (flag == "--db") {
            db_file = argv[i + 1];
        } else if (flag == "--cores") {
            cores = std::atoi(argv[i + 1]);
        } else {
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (cores < 1 || !fs::is_directory(dump)) {
        std::fprintf(stderr, "need a dump folder and --cores of at least 1\n");
        return 2;
    }
    const std::string site = dump.filename().string();

    double start = CpuSeconds();
    std::int64_t rows = 0;
    if (!ReadAll(dump, [&](std::string_view, const importer::Row&) { return ++rows, true; }))
        return 1;
    const double parse = CpuSeconds() - start;

    importer::KnownUsers users;
    importer::PostContext context{&users, fs::exists(dump / "PostHistory.xml"),
                                  fs::exists(dump / "Votes.xml")};
    std::vector<Doc> docs;
    std::size_t converted = 0;  // keeps the conversions from being optimised away
    start = CpuSeconds();
    bool read = ReadAll(dump, [&](std::string_view file, const importer::Row& row) {
        if (file == "Users.xml") {
            if (auto user = importer::PrepareUser(row, site)) converted += user->bio_html.size();
        } else if (file == "Votes.xml") {
            converted += importer::PrepareVote(row).type.has_value();
        } else if (file == "PostHistory.xml") {
            converted += importer::PrepareHistory(row).text.size();
        } else if (file == "Posts.xml") {
            auto post = importer::PreparePost(row, context);
            if (post.post) {
                const std::int64_t thread =
                    post.post->is_question ? *post.id : post.parent.value_or(0);
                converted += post.post->body_html.size();
                docs.push_back({thread * 2147483648 + 2 * *post.id, *post.id,
                                std::move(post.post->title), std::move(post.post->body_text)});
            }
        } else if (file == "Comments.xml") {
            converted += importer::PrepareComment(row).html.size();
        }
        return true;
    });
    if (!read) return 1;
    const double convert = CpuSeconds() - start - parse;

    fs::create_directories(db_file.parent_path());
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(db_file.string() + suffix);
    store::sqlite::Database db(db_file, 0);
    auto conn = db.Write();
    conn->ExecScript(
        "PRAGMA cache_size = -262144; CREATE TABLE bench_words(id INTEGER PRIMARY KEY, "
        "words TEXT NOT NULL) STRICT;");

    start = CpuSeconds();
    {
        store::sqlite::WriteTx tx(*conn);
        for (const auto& doc : docs)
            conn->Prepare("INSERT INTO bench_words(id, words) VALUES (?, ?)")
                .Bind(1, doc.id)
                .BindStatic(2, doc.words)
                .Exec();
        tx.Commit();
    }
    const double stored = CpuSeconds() - start;

    std::sort(docs.begin(), docs.end(),
              [](const Doc& a, const Doc& b) { return a.rowid < b.rowid; });
    start = CpuSeconds();
    {
        store::sqlite::WriteTx tx(*conn);
        conn->ExecScript(
            "INSERT INTO search_index(search_index, rank) VALUES ('hashsize', 33554432)");
        for (const auto& doc : docs)
            conn->Prepare(
                    "INSERT INTO search_index(rowid, title, body, post_id) VALUES (?, ?, ?, ?)")
                .Bind(1, doc.rowid)
                .BindStatic(2, doc.title)
                .BindStatic(3, doc.words)
                .Bind(4, doc.id)
                .Exec();
        tx.Commit();
    }
    const double search = CpuSeconds() - start;

    const double total = parse + convert + search + stored;
    const double posts = static_cast<double>(docs.size());
    std::printf("dump: %s (%lld rows, %zu questions and answers)\n", dump.c_str(),
                static_cast<long long>(rows), docs.size());
    std::printf("%-8s %9s %14s\n", "part", "CPU s", "posts per CPU s");
    for (auto [name, seconds] :
         {std::pair{"parse", parse}, std::pair{"convert", convert}, std::pair{"search", search},
          std::pair{"store", stored}, std::pair{"sum", total}})
        std::printf("%-8s %9.2f %14.0f\n", name, seconds, posts / seconds);
    std::printf("at most %.0f posts/s on %d cores, were all four spread perfectly over them\n",
                posts / (total / cores), cores);
    std::fprintf(stderr, "(%zu bytes converted)\n", converted);
    return 0;
}
