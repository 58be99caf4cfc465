#include "render/time_format.hpp"

#include <ctime>
#include <string_view>

namespace hoot::render {

namespace {

// English names, not strftime's %b: the C locale is process-wide state another thread may change.
constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

constexpr UnixSeconds kMinute = 60, kHour = 60 * kMinute, kDay = 24 * kHour;
// After a week, "N days ago" is harder to place than the date itself.
constexpr UnixSeconds kShowDateAfter = 7 * kDay;

std::tm Utc(UnixSeconds t) {
    const std::time_t seconds = static_cast<std::time_t>(t);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    return parts;
}

void AppendPadded(std::string& out, int value, int width) {
    std::string digits = std::to_string(value);
    if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
    out += digits;
}

std::string_view MonthName(const std::tm& parts) { return kMonths[parts.tm_mon % 12]; }

std::string CountAgo(UnixSeconds count, std::string_view unit) {
    std::string out = std::to_string(count);
    out += ' ';
    out += unit;
    if (count != 1) out += 's';
    out += " ago";
    return out;
}

}  // namespace

std::string IsoTime(UnixSeconds t) {
    const std::tm parts = Utc(t);
    std::string out;
    out.reserve(20);
    AppendPadded(out, parts.tm_year + 1900, 4);
    out += '-';
    AppendPadded(out, parts.tm_mon + 1, 2);
    out += '-';
    AppendPadded(out, parts.tm_mday, 2);
    out += 'T';
    AppendPadded(out, parts.tm_hour, 2);
    out += ':';
    AppendPadded(out, parts.tm_min, 2);
    out += ':';
    AppendPadded(out, parts.tm_sec, 2);
    out += 'Z';
    return out;
}

std::string ExactTime(UnixSeconds t) {
    const std::tm parts = Utc(t);
    std::string out(MonthName(parts));
    out += ' ';
    out += std::to_string(parts.tm_mday);
    out += ", ";
    out += std::to_string(parts.tm_year + 1900);
    out += " at ";
    AppendPadded(out, parts.tm_hour, 2);
    out += ':';
    AppendPadded(out, parts.tm_min, 2);
    out += " UTC";
    return out;
}

std::string RelativeTime(UnixSeconds then, UnixSeconds now) {
    const UnixSeconds age = now - then;
    if (age < kMinute) return "just now";
    if (age < kHour) return CountAgo(age / kMinute, "minute");
    if (age < kDay) return CountAgo(age / kHour, "hour");
    if (age < 2 * kDay) return "yesterday";
    if (age < kShowDateAfter) return CountAgo(age / kDay, "day");
    const std::tm when = Utc(then);
    std::string out(MonthName(when));
    out += ' ';
    out += std::to_string(when.tm_mday);
    if (when.tm_year != Utc(now).tm_year) {
        out += ", ";
        out += std::to_string(when.tm_year + 1900);
    }
    return out;
}

}  // namespace hoot::render
