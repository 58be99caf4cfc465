#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

class StoreErrorsTest : public StoreTest {};
HOOT_STORE_SUITE(StoreErrorsTest);

// What a store call returned, reduced to ok or its error.
struct Outcome {
    bool ok;
    Errc code;
};

template <typename T>
Outcome OutcomeOf(const Result<T>& result) {
    return result.ok() ? Outcome{true, Errc::kInternal} : Outcome{false, result.error().code};
}

TEST_P(StoreErrorsTest, CallsOnABrokenDatabaseReturnInternalErrors) {
    // Rows first, so that statements are already prepared and cached on the connections.
    UserId alice = AddUser("alice");
    HootId hoot = AddHoot(alice, 100);
    CommentId comment = AddComment(hoot, alice, 110);
    ASSERT_TRUE(stores().sessions.Create("token", alice, 100, 1000).ok());
    ASSERT_TRUE(stores().settings.GetOrInsert("key", "value").ok());
    ASSERT_TRUE(stores().users.FindById(alice).ok());
    ASSERT_TRUE(stores().hoots.Latest(std::nullopt, 10).ok());
    ASSERT_TRUE(stores().comments.List(hoot, CommentOrder::kBest, 10).ok());

    backend().BreakSchema();

    service::Stores s = stores();
    struct Case {
        const char* name;
        std::function<Outcome()> call;
    };
    const Case cases[] = {
        {"users.Create",
         [&] {
             return OutcomeOf(s.users.Create({"bob", "h", false, 1}));
         }},
        {"users.FindById", [&] { return OutcomeOf(s.users.FindById(alice)); }},
        {"users.FindByUsername", [&] { return OutcomeOf(s.users.FindByUsername("alice")); }},
        {"users.FindCredentials", [&] { return OutcomeOf(s.users.FindCredentials("alice")); }},
        {"users.UpdateProfile",
         [&] {
             return OutcomeOf(s.users.UpdateProfile(alice, {"a", "b", "c"}));
         }},
        {"users.SetPassword", [&] { return OutcomeOf(s.users.SetPassword(alice, "h")); }},
        {"users.Count", [&] { return OutcomeOf(s.users.Count()); }},
        {"sessions.Create", [&] { return OutcomeOf(s.sessions.Create("t2", alice, 1, 2)); }},
        {"sessions.Find", [&] { return OutcomeOf(s.sessions.Find("token", 200)); }},
        {"sessions.Delete", [&] { return OutcomeOf(s.sessions.Delete("token")); }},
        {"hoots.Create",
         [&] {
             return OutcomeOf(s.hoots.Create({alice, "t", "t", "b", "b", "b", {"x"}, 1}));
         }},
        {"hoots.Find", [&] { return OutcomeOf(s.hoots.Find(hoot)); }},
        {"hoots.Latest", [&] { return OutcomeOf(s.hoots.Latest(std::nullopt, 10)); }},
        {"hoots.Latest_with_cursor",
         [&] {
             return OutcomeOf(s.hoots.Latest(service::TimeCursor{100, 5}, 10));
         }},
        {"hoots.ByAuthor", [&] { return OutcomeOf(s.hoots.ByAuthor(alice, std::nullopt, 10)); }},
        {"comments.Create",
         [&] {
             return OutcomeOf(s.comments.Create({hoot, alice, "b", "b", 120}));
         }},
        {"comments.Find", [&] { return OutcomeOf(s.comments.Find(comment)); }},
        {"comments.List",
         [&] { return OutcomeOf(s.comments.List(hoot, CommentOrder::kBest, 10)); }},
        {"settings.GetOrInsert", [&] { return OutcomeOf(s.settings.GetOrInsert("key", "v")); }},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        Outcome outcome{true, Errc::kInternal};
        ASSERT_NO_THROW(outcome = c.call());
        EXPECT_FALSE(outcome.ok);
        EXPECT_EQ(outcome.code, Errc::kInternal);
    }
}

TEST_P(StoreErrorsTest, ErrorsCarryASafeMessageAndALoggedDetail) {
    backend().BreakSchema();
    auto found = stores().users.FindByUsername("alice");
    ASSERT_FALSE(found.ok());
    const Error& error = found.error();
    EXPECT_EQ(error.code, Errc::kInternal);
    EXPECT_FALSE(error.message.empty());
    EXPECT_EQ(error.message.find("users"), std::string::npos) << "no SQL shown to people";
    EXPECT_NE(error.detail.find("users"), std::string::npos) << error.detail;
}

}  // namespace
}  // namespace hoot::testing
