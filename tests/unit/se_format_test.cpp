// The value formats of Stack Exchange dumps.

#include "importer/se_format.hpp"

#include <gtest/gtest.h>

namespace hoot::importer {
namespace {

TEST(SeFormat, DatesAreUtcWithOrWithoutFraction) {
    EXPECT_EQ(ParseSeDate("1970-01-01T00:00:00"), 0);
    EXPECT_EQ(ParseSeDate("2014-01-21T20:26:05.383"), 1390335965);
    EXPECT_EQ(ParseSeDate("2014-01-21T00:00:00.000"), 1390262400);
    EXPECT_FALSE(ParseSeDate("2014-13-21T00:00:00"));
    EXPECT_FALSE(ParseSeDate("yesterday"));
    EXPECT_FALSE(ParseSeDate(""));
}

TEST(SeFormat, BothTagFormats) {
    std::vector<std::string> expected{"hops", "india-pale-ale", "c++"};
    EXPECT_EQ(ParseSeTags("<hops><india-pale-ale><c++>"), expected);
    EXPECT_EQ(ParseSeTags("|hops|india-pale-ale|c++|"), expected);
    EXPECT_TRUE(ParseSeTags("").empty());
    EXPECT_EQ(ParseSeTags("<a><b><c><d><e><f>").size(), 5u);
    EXPECT_EQ(ParseSeTags("<Hops><hops>"), std::vector<std::string>{"hops"});
}

TEST(SeFormat, LicenseFromTheRowElseByDate) {
    EXPECT_EQ(LicenseFor("CC BY-SA 4.0", 0), "CC BY-SA 4.0");
    EXPECT_EQ(LicenseFor("", *ParseSeDate("2010-06-01T00:00:00")), "CC BY-SA 2.5");
    EXPECT_EQ(LicenseFor("", *ParseSeDate("2016-12-01T00:00:00")), "CC BY-SA 3.0");
    EXPECT_EQ(LicenseFor("", *ParseSeDate("2018-05-02T00:00:00")), "CC BY-SA 4.0");
}

TEST(SeFormat, SiteFromTheFolderName) {
    EXPECT_EQ(SiteFromFolderName("beer.stackexchange.com"), "beer.stackexchange.com");
    EXPECT_EQ(SiteFromFolderName("beer.stackexchange.com-2016-12"), "beer.stackexchange.com");
    EXPECT_EQ(SiteFromFolderName("quantumcomputing.stackexchange.com-2018-partial"),
              "quantumcomputing.stackexchange.com");
    EXPECT_EQ(SiteFromFolderName("conlang.meta.stackexchange.com"),
              "conlang.meta.stackexchange.com");
    EXPECT_EQ(SiteFromFolderName("superuser.com"), "superuser.com");
    EXPECT_FALSE(SiteFromFolderName("my-dump"));
    EXPECT_FALSE(SiteFromFolderName("notstackoverflow.company"));
}

TEST(SeFormat, SiteFromAUrl) {
    EXPECT_EQ(SiteFromUrl("https://Beer.StackExchange.com/"), "beer.stackexchange.com");
    EXPECT_EQ(SiteFromUrl("beer.stackexchange.com"), "beer.stackexchange.com");
    EXPECT_FALSE(SiteFromUrl("https://beer.stackexchange.com/questions/1"));
    EXPECT_FALSE(SiteFromUrl("javascript:alert(1)"));
    EXPECT_FALSE(SiteFromUrl(""));
}

TEST(SeFormat, CloseReasons) {
    EXPECT_EQ(CloseReasonName("101"), "duplicate");
    EXPECT_EQ(CloseReasonName("102"), "off-topic");
    EXPECT_EQ(CloseReasonName("999"), "closed");
    EXPECT_EQ(CloseReasonName(""), "closed");
}

}  // namespace
}  // namespace hoot::importer
