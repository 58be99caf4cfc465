// The reference question (../shared/reference/seed-page.txt), posted through the forms as a
// person would, and its thread page compared with what the reference page shows. The text is
// read at run time: it is someone else's writing and is never copied into this repository.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "support/rendered_text.hpp"
#include "support/test_server.hpp"

namespace {

using hoot::testing::TestServer;
using hoot::testing::VisibleLines;

constexpr const char* kTitle = "Sore glutes from running";

std::string TrimRight(std::string line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.pop_back();
    return line;
}

struct ReferenceThread {
    std::string question;
    std::string answer;
};

// The reference page as plain text: the title on a line of its own, the question up to
// "Load Full (1)"; the answer after the comment's "10% popularity" line up to "Back to top".
ReferenceThread ReadReference() {
    std::istringstream in(
        hoot::testing::ReadFile(hoot::testing::SharedDir() / "reference" / "seed-page.txt"));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(TrimRight(line));

    enum class Part { kBefore, kQuestion, kBetween, kAnswer, kAfter } part = Part::kBefore;
    int popularity_lines = 0;
    ReferenceThread thread;
    for (const auto& line : lines) {
        switch (part) {
            case Part::kBefore:
                if (line == kTitle) part = Part::kQuestion;
                break;
            case Part::kQuestion:
                if (line.starts_with("Load Full")) {
                    part = Part::kBetween;
                } else {
                    thread.question += line + "\n";
                }
                break;
            case Part::kBetween:
                if (line.starts_with("10% popularity")) ++popularity_lines;
                if (popularity_lines == 1) part = Part::kAnswer;
                break;
            case Part::kAnswer:
                if (line.starts_with("Back to top")) {
                    part = Part::kAfter;
                } else {
                    thread.answer += line + "\n";
                }
                break;
            case Part::kAfter:
                break;
        }
    }
    return thread;
}

TEST(ReferenceThread, ReferenceQuestionAndAnswerRenderAsOnTheReferencePage) {
    ReferenceThread reference = ReadReference();
    ASSERT_NE(reference.question.find("General question:"), std::string::npos)
        << "could not find the question in seed-page.txt";
    ASSERT_NE(reference.question.find("Final Update"), std::string::npos);
    ASSERT_NE(reference.answer.find("Pain and numbness"), std::string::npos)
        << "could not find the answer in seed-page.txt";
    ASSERT_NE(reference.answer.find("more info."), std::string::npos);

    TestServer server;
    auto asker = server.SignUp("glute_runner");
    auto answerer = server.SignUp("Mike-DHSc");
    std::string thread = hoot::testing::PostHoot(asker, kTitle, reference.question, "running");
    EXPECT_EQ(thread.substr(thread.rfind('/')), "/sore-glutes-from-running");
    std::string anchor = hoot::testing::PostComment(answerer, thread, reference.answer);
    EXPECT_NE(anchor.find("#c-"), std::string::npos);

    auto page = server.Client().Get(thread);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(page.Contains("<title>Hoots : Sore glutes from running - " + server.site_name() +
                              "</title>"))
        << page.body.substr(0, 600);
    EXPECT_TRUE(page.Contains("<h1>Sore glutes from running</h1>"));
    EXPECT_TRUE(page.Contains("1 Comments"));
    EXPECT_TRUE(page.Contains("10% popularity"));
    EXPECT_TRUE(page.Contains("0 Reactions"));
    EXPECT_TRUE(page.Contains("Sorted by latest first"));
    for (const char* order : {">Latest</a>", ">Oldest</a>", ">Best</a>"})
        EXPECT_TRUE(page.Contains(order)) << order;
    EXPECT_TRUE(page.Contains("Login to follow hoots"));
    EXPECT_TRUE(page.Contains("Back to top"));
    EXPECT_TRUE(page.Contains("Use Dark theme"));
    EXPECT_TRUE(page.Contains(">glute_runner</a>"));
    EXPECT_TRUE(page.Contains(">Mike-DHSc</a>"));
    EXPECT_FALSE(page.Contains("Load Full"));  // one comment fits on the first page

    for (const auto& line : VisibleLines(reference.question))
        EXPECT_TRUE(page.Contains(line)) << "question line missing: " << line;
    for (const auto& line : VisibleLines(reference.answer))
        EXPECT_TRUE(page.Contains(line)) << "answer line missing: " << line;

    // The question comes before the answer, and both "10% popularity" lines are there.
    EXPECT_LT(page.body.find("General question:"), page.body.find("Pain and numbness"));
    std::size_t popularity = 0;
    for (auto at = page.body.find("10% popularity"); at != std::string::npos;
         at = page.body.find("10% popularity", at + 1))
        ++popularity;
    EXPECT_EQ(popularity, 2u);
    // Bare www. links became links.
    EXPECT_TRUE(page.Contains("<a href=\"http://www.functionalmovement.com/system/home\""))
        << "autolink";

    // Signed in, the follow prompt gives way to the comment form.
    auto signed_in = asker.Get(thread);
    EXPECT_FALSE(signed_in.Contains("Login to follow hoots"));
    EXPECT_TRUE(signed_in.Contains("Post comment"));
}

}  // namespace
