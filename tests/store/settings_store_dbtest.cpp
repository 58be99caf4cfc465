#include <gtest/gtest.h>

#include <string>

#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

class SettingsStoreTest : public StoreTest {
  protected:
    std::string GetOrInsert(std::string_view key, std::string_view initial) {
        auto value = stores().settings.GetOrInsert(key, initial);
        if (!value.ok()) {
            ADD_FAILURE() << value.error().detail;
            return {};
        }
        return *value;
    }
};
HOOT_STORE_SUITE(SettingsStoreTest);

TEST_P(SettingsStoreTest, FirstValueWins) {
    EXPECT_EQ(GetOrInsert("cookie_secret", "first"), "first");
    EXPECT_EQ(GetOrInsert("cookie_secret", "second"), "first");
    EXPECT_EQ(GetOrInsert("cookie_secret", ""), "first");
}

TEST_P(SettingsStoreTest, KeysAreIndependent) {
    EXPECT_EQ(GetOrInsert("a", "1"), "1");
    EXPECT_EQ(GetOrInsert("b", "2"), "2");
    EXPECT_EQ(GetOrInsert("A", "3"), "3") << "keys are case-sensitive";
    EXPECT_EQ(GetOrInsert("a", "x"), "1");
    EXPECT_EQ(GetOrInsert("b", "x"), "2");
}

TEST_P(SettingsStoreTest, ValuesAreKeptByteForByte) {
    const std::string value = "line one\nline two\t\"quoted\" 'single' \xC3\xA9 \xF0\x9F\xA6\x89";
    EXPECT_EQ(GetOrInsert("text", value), value);
    EXPECT_EQ(GetOrInsert("text", "other"), value);
    EXPECT_EQ(GetOrInsert("empty", ""), "");
    EXPECT_EQ(GetOrInsert("empty", "later"), "");
}

}  // namespace
}  // namespace hoot::testing
