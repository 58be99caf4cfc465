#include "domain/ranking.hpp"

#include <algorithm>
#include <cmath>

namespace hoot {

std::optional<FeedOrder> ParseFeedOrder(std::string_view text) {
    if (text == "latest") return FeedOrder::kLatest;
    if (text == "hot") return FeedOrder::kHot;
    if (text == "top") return FeedOrder::kTop;
    if (text == "unanswered") return FeedOrder::kUnanswered;
    return std::nullopt;
}

std::string_view FeedOrderKey(FeedOrder order) {
    switch (order) {
        case FeedOrder::kHot:
            return "hot";
        case FeedOrder::kTop:
            return "top";
        case FeedOrder::kUnanswered:
            return "unanswered";
        case FeedOrder::kLatest:
            break;
    }
    return "latest";
}

std::optional<TopPeriod> ParseTopPeriod(std::string_view text) {
    if (text == "week") return TopPeriod::kWeek;
    if (text == "month") return TopPeriod::kMonth;
    if (text == "year") return TopPeriod::kYear;
    if (text == "all") return TopPeriod::kAll;
    return std::nullopt;
}

std::string_view TopPeriodKey(TopPeriod period) {
    switch (period) {
        case TopPeriod::kWeek:
            return "week";
        case TopPeriod::kMonth:
            return "month";
        case TopPeriod::kYear:
            return "year";
        case TopPeriod::kAll:
            break;
    }
    return "all";
}

UnixSeconds TopPeriodStart(TopPeriod period, UnixSeconds now) {
    constexpr UnixSeconds kDay = 86400;
    switch (period) {
        case TopPeriod::kWeek:
            return now - 7 * kDay;
        case TopPeriod::kMonth:
            return now - 30 * kDay;
        case TopPeriod::kYear:
            return now - 365 * kDay;
        case TopPeriod::kAll:
            break;
    }
    return 0;
}

std::int64_t HotPoints(std::int64_t positive, std::int64_t negative, std::int64_t comments) {
    return std::max<std::int64_t>(1, 1 + positive - negative + comments);
}

double HotRank(std::int64_t points, UnixSeconds created_at, UnixSeconds now) {
    const double hours = static_cast<double>(std::max<UnixSeconds>(0, now - created_at)) / 3600.0;
    return std::log(static_cast<double>(std::max<std::int64_t>(1, points))) -
           1.8 * std::log(hours + 2.0);
}

double HotAgeBeyondReach(std::int64_t max_points, double rank) {
    // ln(points) - 1.8 ln(hours + 2) < rank once hours + 2 > exp((ln(points) - rank) / 1.8).
    const double points = static_cast<double>(std::max<std::int64_t>(1, max_points));
    const double hours = std::exp((std::log(points) - rank) / 1.8) - 2.0;
    return std::max(0.0, hours) * 3600.0;
}

}  // namespace hoot
