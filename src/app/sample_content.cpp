#include "app/sample_content.hpp"

#include "app/log.hpp"
#include "service/crypto.hpp"

namespace hoot::app {
namespace {

// Our own words: the sample ships with the product, so nothing here is borrowed.
constexpr const char* kWelcomeTitle = "Welcome to Hoot: what a thread can hold";
constexpr const char* kWelcomeBody =
    R"md(Hoot is a place to ask questions and get answers from people who know.
This first **hoot** shows what a thread can hold; edit or delete it once your community is under way.

## Asking well

1. Give your hoot a title that is a question someone could answer.
2. Say what you tried and what happened, with enough detail to reproduce it.
3. Add up to five tags so the right people find it.

## Formatting

Bodies are written in Markdown: *emphasis*, **bold**, ~~strikethrough~~, `inline code`,
[links](https://commonmark.org/help/) and bare addresses like https://www.debian.org all work.

| You write      | Readers see          |
|----------------|----------------------|
| `**bold**`     | **bold**             |
| `> a quote`    | an indented quote    |
| four spaces    | a block of code      |

```
make run    # starts Hoot on http://127.0.0.1:8080
make test   # runs every test
```

> Comments below a hoot play the part of answers. Readers sort them by latest, oldest or best,
> and the best rise as people react to them.
)md";
constexpr const char* kWelcomeTags[] = {"welcome", "meta", "how-to"};

constexpr const char* kFirstComment =
    R"md(Glad to be here! Two tips from running a club forum for years:

- Search before you ask: the answer is often already in an old thread.
- When an answer solves your problem, say so in a comment, so the next reader knows it worked.

The **dark theme** toggle is at the bottom of every page, next to *Back to top*.
)md";

}  // namespace

void SeedSampleContentOnce(service::Stores stores, service::Services services) {
    std::string marker = service::RandomToken(16);
    auto stored = stores.settings.GetOrInsert("sample_content", marker);
    if (!stored) {
        log::Warn("sample content skipped: " + stored.error().detail);
        return;
    }
    if (*stored != marker) return;  // seeded on an earlier start

    // Random passwords nobody knows: the sample users exist to show content, not to sign in.
    auto owl = services.accounts.CreateUser("olive_owl", service::RandomToken(), false);
    auto finch = services.accounts.CreateUser("felix_finch", service::RandomToken(), false);
    if (!owl || !finch) {
        log::Warn("sample content skipped: the sample user names are taken");
        return;
    }
    (void)services.accounts.UpdateProfile(
        owl->id, {"Olive the Owl", "Keeps an eye on this Hoot at night. A sample user."});
    (void)services.accounts.UpdateProfile(
        finch->id, {"Felix Finch", "Asks a lot of questions. A sample user."});
    auto hoot = services.hoots.Ask(
        {owl->id, kWelcomeTitle, kWelcomeBody,
         std::vector<std::string>(std::begin(kWelcomeTags), std::end(kWelcomeTags))});
    if (!hoot) {
        log::Warn("sample hoot failed: " + hoot.error().message);
        return;
    }
    if (auto comment = services.hoots.AddComment(finch->id, hoot->id, kFirstComment); !comment)
        log::Warn("sample comment failed: " + comment.error().message);
    log::Info("wrote the sample welcome hoot");
}

}  // namespace hoot::app
