// Who may do what to a post: the rules of domain/policy.hpp, case by case.

#include "domain/policy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace hoot {
namespace {

const UserId kAuthor(1);
const Actor kTheAuthor{kAuthor, false};
const Actor kSomeoneElse{UserId(2), false};
const Actor kModerator{UserId(3), true};
const Actor kModeratorAuthor{kAuthor, true};
const Actor kAnonymous{};

struct PolicyCase {
    std::string name;
    Actor actor;
    bool edit, update, remove, restore, react, see_deleted;
};

class PolicyTest : public ::testing::TestWithParam<PolicyCase> {};

TEST_P(PolicyTest, Decides) {
    const PolicyCase& c = GetParam();
    EXPECT_EQ(CanEditPost(c.actor, kAuthor), c.edit);
    EXPECT_EQ(CanAddUpdate(c.actor, kAuthor), c.update);
    EXPECT_EQ(CanDeletePost(c.actor, kAuthor), c.remove);
    EXPECT_EQ(CanRestorePost(c.actor), c.restore);
    EXPECT_EQ(CanReact(c.actor, kAuthor), c.react);
    EXPECT_EQ(CanSeeDeleted(c.actor), c.see_deleted);
}

INSTANTIATE_TEST_SUITE_P(
    Policy, PolicyTest,
    ::testing::Values(
        //          name             actor           edit   update remove restore react  see
        PolicyCase{"Author", kTheAuthor, true, true, true, false, false, false},
        PolicyCase{"OtherUser", kSomeoneElse, false, false, false, false, true, false},
        PolicyCase{"Moderator", kModerator, true, true, true, true, true, true},
        PolicyCase{"ModeratorOnOwnPost", kModeratorAuthor, true, true, true, true, false, true},
        PolicyCase{"Anonymous", kAnonymous, false, false, false, false, false, false}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace hoot
