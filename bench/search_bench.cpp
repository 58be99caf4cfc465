// Search latency on a generated site: builds (or reuses) a SQLite database of N hoots with
// comments and updates through the real stores, so the search index is filled by the same
// triggers as in production, then times SearchService::Search for several query shapes and
// prints p50/p99 per shape (bench/README.md, "Search latency").
//
// Usage: search_bench [--db FILE] [--hoots N] [--comments AVG] [--runs R]
// The text is drawn from a fixed vocabulary with Zipf-distributed word frequencies (like real
// text: a few words everywhere, most words rare), deterministically, so runs are comparable.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "service/search.hpp"
#include "store/sqlite/stores.hpp"

namespace {

using namespace hoot;
using Clock = std::chrono::steady_clock;

struct Options {
    std::filesystem::path db = "/tmp/hoot-search-bench/hoot.db";
    int hoots = 100'000;
    double comments = 3.0;  // per hoot, on average
    int runs = 200;         // timed queries per shape
};

Options ParseOptions(int argc, char** argv) {
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        if (flag == "--db")
            options.db = argv[i + 1];
        else if (flag == "--hoots")
            options.hoots = std::atoi(argv[i + 1]);
        else if (flag == "--comments")
            options.comments = std::atof(argv[i + 1]);
        else if (flag == "--runs")
            options.runs = std::atoi(argv[i + 1]);
        else {
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
            std::exit(2);
        }
    }
    return options;
}

// Common English words first (the most frequent ranks), then made-up words from syllables.
std::vector<std::string> MakeVocabulary() {
    std::vector<std::string> words = {
        "the",      "and",       "run",      "pain",   "knee",      "after",     "with",
        "when",     "long",      "training", "muscle", "week",      "shoes",     "stretch",
        "foot",     "hip",       "sore",     "race",   "recovery",  "speed",     "mile",
        "back",     "glutes",    "doctor",   "rest",   "heel",      "ankle",     "tendon",
        "marathon", "interval",  "tempo",    "hill",   "trail",     "road",      "cadence",
        "stride",   "warm",      "cool",     "injury", "physio",    "massage",   "foam",
        "roller",   "strength",  "core",     "plank",  "squat",     "lunge",     "bridge",
        "calf",     "hamstring", "quad",     "shin",   "splint",    "blister",   "sock",
        "water",    "sleep",     "protein",  "carbs",  "breakfast", "morning",   "evening",
        "night",    "weather",   "rain",     "snow",   "heat",      "cold",      "coach",
        "plan",     "goal",      "pace",     "watch",  "heart",     "rate",      "zone",
        "easy",     "hard",      "tired",    "fresh",  "lactate",   "threshold", "fartlek",
        "track",    "ultra",     "owl",      "heron",  "kestrel",   "osprey",    "puffin",
        "falcon"};
    static constexpr const char* kSyllables[] = {"ka",  "lo",  "mi",  "ne",  "to",  "ru",  "sa",
                                                 "vi",  "de",  "po",  "ban", "tor", "lin", "mes",
                                                 "qua", "zel", "fin", "gor", "hu",  "ix"};
    std::mt19937 random(7);
    std::uniform_int_distribution<int> syllable(0, 19), length(2, 4);
    while (words.size() < 20'000) {
        std::string word;
        for (int n = length(random); n > 0; --n) word += kSyllables[syllable(random)];
        words.push_back(word);
    }
    return words;
}

// Draws ranks 0..n-1 with probability proportional to 1/(rank+1).
class Zipf {
  public:
    explicit Zipf(std::size_t n) : cdf_(n) {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) cdf_[i] = sum += 1.0 / static_cast<double>(i + 1);
        for (auto& value : cdf_) value /= sum;
    }
    template <typename Random>
    std::size_t operator()(Random& random) {
        const double u = std::uniform_real_distribution<double>(0, 1)(random);
        return std::min<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin(),
                                     cdf_.size() - 1);
    }

  private:
    std::vector<double> cdf_;
};

struct Generator {
    std::vector<std::string> vocabulary = MakeVocabulary();
    Zipf words{vocabulary.size()};
    Zipf tags{200};
    std::mt19937_64 random{2026};

    std::string Text(int count) {
        std::string text;
        for (int i = 0; i < count; ++i) {
            if (i) text += ' ';
            text += vocabulary[words(random)];
        }
        return text;
    }
    int Between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); }
};

std::int64_t CountRows(store::sqlite::Database& db, const char* sql) {
    auto conn = db.Read();
    auto stmt = conn->Prepare(sql);
    return stmt.Step() ? stmt.Int(0) : 0;
}

void Check(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "search_bench: %s failed\n", what);
        std::exit(1);
    }
}

// Fills an empty database: users, hoots (1-3 tags each), comments, and an update on 5% of hoots.
void Generate(store::sqlite::SqliteBackend& backend, const Options& options, Generator& gen) {
    // Bench-only: one fsync per store call would make building the site take an hour.
    backend.database().Write()->ExecScript("PRAGMA synchronous = OFF;");
    auto stores = backend.stores();
    std::vector<UserId> users;
    for (int i = 0; i < 1000; ++i) {
        auto id = stores.users.Create({"user" + std::to_string(i), "", false, 1'600'000'000});
        Check(id.ok(), "creating a user");
        users.push_back(*id);
    }
    std::poisson_distribution<int> comments(options.comments);
    const auto start = Clock::now();
    UnixSeconds now = 1'650'000'000;
    for (int i = 0; i < options.hoots; ++i) {
        service::NewHoot hoot;
        hoot.author = users[gen.Between(0, 999)];
        hoot.title = gen.Text(gen.Between(5, 10));
        hoot.slug = "hoot-" + std::to_string(i);
        hoot.body_text = gen.Text(gen.Between(40, 160));
        hoot.body_source = hoot.body_text;
        hoot.body_html = "<p>" + hoot.body_text + "</p>";
        hoot.excerpt = hoot.body_text.substr(0, 200);
        for (int t = gen.Between(1, 3); t > 0; --t) {
            std::string tag = "tag" + std::to_string(gen.tags(gen.random));
            if (std::find(hoot.tags.begin(), hoot.tags.end(), tag) == hoot.tags.end())
                hoot.tags.push_back(tag);
        }
        hoot.created_at = now += 60;
        auto id = stores.hoots.Create(hoot);
        Check(id.ok(), "creating a hoot");
        for (int c = comments(gen.random); c > 0; --c) {
            service::NewComment comment;
            comment.hoot = *id;
            comment.author = users[gen.Between(0, 999)];
            comment.body_text = gen.Text(gen.Between(15, 80));
            comment.body_source = comment.body_text;
            comment.body_html = "<p>" + comment.body_text + "</p>";
            comment.created_at = now;
            Check(stores.comments.Create(comment).ok(), "creating a comment");
        }
        if (gen.Between(0, 19) == 0) {
            service::NewUpdate update;
            update.post = PostId(id->value);
            update.author = hoot.author;
            update.heading = "UPDATE";
            update.body_text = gen.Text(gen.Between(10, 40));
            update.body_source = update.body_text;
            update.body_html = "<p>" + update.body_text + "</p>";
            update.created_at = now;
            Check(stores.posts.AddUpdate(update).ok(), "adding an update");
        }
        if ((i + 1) % 10'000 == 0)
            std::fprintf(stderr, "  %d hoots (%.0f s)\n", i + 1,
                         std::chrono::duration<double>(Clock::now() - start).count());
    }
    backend.database().Write()->ExecScript("PRAGMA synchronous = FULL; PRAGMA optimize;");
}

struct Shape {
    std::string name;
    std::vector<std::string> queries;
    int limit = service::kSearchPageSize;
    bool similar_titles = false;
};

// Query texts per shape, drawn from frequency bands of the vocabulary (rank 0 is the commonest).
std::vector<Shape> MakeShapes(Generator& gen, int runs) {
    std::mt19937 random(99);
    auto word_in = [&](std::size_t low, std::size_t high) {
        return gen.vocabulary[std::uniform_int_distribution<std::size_t>(low, high)(random)];
    };
    auto tag_in = [&](int low, int high) {
        return "tag" + std::to_string(std::uniform_int_distribution<int>(low, high)(random));
    };
    auto user = [&] {
        return "user" + std::to_string(std::uniform_int_distribution<int>(0, 999)(random));
    };
    std::vector<Shape> shapes = {
        {"common word (rank 0-9)", {}},
        {"mid word (rank 100-999)", {}},
        {"rare word (rank 5000+)", {}},
        {"two mid words", {}},
        {"\"phrase\" of two common words", {}},
        {"mid word tag:common", {}},
        {"common word user:name", {}},
        {"common word -mid word", {}},
        {"mid word is:unanswered", {}},
        {"tag:common alone", {}},
        {"similar titles: 6 typed words (limit 5)", {}, 5, true},
        {"tag:rare alone", {}},
    };
    for (int i = 0; i < runs; ++i) {
        shapes[0].queries.push_back(word_in(0, 9));
        shapes[1].queries.push_back(word_in(100, 999));
        shapes[2].queries.push_back(word_in(5000, 19'999));
        shapes[3].queries.push_back(word_in(100, 999) + " " + word_in(100, 999));
        shapes[4].queries.push_back("\"" + word_in(0, 9) + " " + word_in(0, 9) + "\"");
        shapes[5].queries.push_back(word_in(100, 999) + " tag:" + tag_in(0, 4));
        shapes[6].queries.push_back(word_in(0, 9) + " user:" + user());
        shapes[7].queries.push_back(word_in(0, 9) + " -" + word_in(100, 999));
        shapes[8].queries.push_back(word_in(100, 999) + " is:unanswered");
        shapes[9].queries.push_back("tag:" + tag_in(0, 4));
        shapes[10].queries.push_back(gen.Text(6));
    }
    // Drawn after the others, so the shapes above ask what they asked before this one was added.
    for (int i = 0; i < runs; ++i) shapes[11].queries.push_back("tag:" + tag_in(150, 199));
    return shapes;
}

// This thread's CPU time: on a shared, loaded machine it shows what a search costs apart from
// waiting for a core.
double ThreadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double Percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(std::ceil(p * values.size())) - 1;
    return values[std::min(index, values.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = ParseOptions(argc, argv);
    std::filesystem::create_directories(options.db.parent_path());
    const bool fresh = !std::filesystem::exists(options.db);
    store::sqlite::SqliteBackend backend(options.db);
    Generator gen;
    if (fresh) {
        std::fprintf(stderr, "generating %d hoots into %s\n", options.hoots,
                     options.db.string().c_str());
        Generate(backend, options, gen);
    } else {
        std::fprintf(stderr, "reusing %s\n", options.db.string().c_str());
    }
    auto& db = backend.database();
    const auto hoots = CountRows(db, "SELECT COUNT(*) FROM hoots");
    const auto comments = CountRows(db, "SELECT COUNT(*) FROM comments");
    const auto updates = CountRows(db, "SELECT COUNT(*) FROM post_updates");
    const auto indexed = CountRows(db, "SELECT COUNT(*) FROM search_index");
    std::printf(
        "site: %lld hoots, %lld comments, %lld updates (%lld posts); %lld indexed; "
        "database %.0f MB\n",
        static_cast<long long>(hoots), static_cast<long long>(comments),
        static_cast<long long>(updates), static_cast<long long>(hoots + comments),
        static_cast<long long>(indexed),
        static_cast<double>(std::filesystem::file_size(options.db)) / 1e6);

    service::SearchService search(backend.stores());
    std::vector<Shape> shapes = MakeShapes(gen, options.runs);
    std::printf(
        "\n| query shape | p50 | p99 | max | CPU p50 | CPU p99 | mean hits |\n"
        "|---|---:|---:|---:|---:|---:|---:|\n");
    std::vector<double> all, all_cpu;
    for (const Shape& shape : shapes) {
        // One untimed pass over a few queries: the first touches of the file are not searches.
        for (std::size_t i = 0; i < std::min<std::size_t>(10, shape.queries.size()); ++i)
            (void)search.Search(shape.queries[i], 1, shape.limit, shape.similar_titles);
        std::vector<double> ms, cpu;
        double hits = 0;
        for (const auto& query : shape.queries) {
            const double cpu_start = ThreadCpuMs();
            const auto start = Clock::now();
            auto result = search.Search(query, 1, shape.limit, shape.similar_titles);
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            cpu.push_back(ThreadCpuMs() - cpu_start);
            Check(result.ok(), "a search");
            hits += static_cast<double>(result->hits.size());
        }
        all.insert(all.end(), ms.begin(), ms.end());
        all_cpu.insert(all_cpu.end(), cpu.begin(), cpu.end());
        std::printf("| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.1f |\n",
                    shape.name.c_str(), Percentile(ms, 0.5), Percentile(ms, 0.99),
                    Percentile(ms, 1.0), Percentile(cpu, 0.5), Percentile(cpu, 0.99),
                    hits / static_cast<double>(shape.queries.size()));
    }
    std::printf("| **all shapes** | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | |\n",
                Percentile(all, 0.5), Percentile(all, 0.99), Percentile(all, 1.0),
                Percentile(all_cpu, 0.5), Percentile(all_cpu, 0.99));
    return 0;
}
