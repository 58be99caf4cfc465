#include "domain/social.hpp"

#include <algorithm>
#include <cctype>

#include "domain/validation.hpp"

namespace hoot {

std::string_view NotificationKindKey(NotificationKind kind) {
    switch (kind) {
        case NotificationKind::kComment:
            return "comment";
        case NotificationKind::kUpdate:
            return "update";
        case NotificationKind::kReaction:
            return "reaction";
        case NotificationKind::kReply:
            return "reply";
        case NotificationKind::kMention:
            return "mention";
    }
    return "comment";
}

std::optional<NotificationKind> ParseNotificationKind(std::string_view key) {
    for (auto kind : kNotificationKinds)
        if (NotificationKindKey(kind) == key) return kind;
    return std::nullopt;
}

std::string_view NotificationKindLabel(NotificationKind kind) {
    switch (kind) {
        case NotificationKind::kComment:
            return "New comments on hoots I follow";
        case NotificationKind::kUpdate:
            return "Updates on hoots I follow";
        case NotificationKind::kReaction:
            return "Reactions to my posts";
        case NotificationKind::kReply:
            return "Replies to my posts";
        case NotificationKind::kMention:
            return "Mentions of @me";
    }
    return "";
}

namespace {

bool IsNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// Fenced code blocks (``` or ~~~ at the start of a line) become spaces, as do inline code spans,
// so that `@name` in code is not a mention. Lengths are kept so nothing else shifts.
std::string BlankCode(std::string_view text) {
    std::string out(text);
    std::size_t i = 0;
    bool in_fence = false;
    char fence_char = 0;
    while (i < out.size()) {
        std::size_t line_end = out.find('\n', i);
        if (line_end == std::string::npos) line_end = out.size();
        std::string_view line(out.data() + i, line_end - i);
        std::size_t indent = line.find_first_not_of(' ');
        bool is_fence = indent != std::string_view::npos && indent < 4 &&
                        line.size() >= indent + 3 &&
                        (line.substr(indent, 3) == "```" || line.substr(indent, 3) == "~~~");
        if (is_fence && (!in_fence || line[indent] == fence_char)) {
            in_fence = !in_fence;
            fence_char = line[indent];
            std::fill(out.begin() + i, out.begin() + line_end, ' ');
        } else if (in_fence) {
            std::fill(out.begin() + i, out.begin() + line_end, ' ');
        }
        i = line_end + 1;
    }
    // Inline code: a run of backticks up to the next run of the same length.
    for (std::size_t pos = 0; pos < out.size();) {
        if (out[pos] != '`') {
            ++pos;
            continue;
        }
        std::size_t run = out.find_first_not_of('`', pos);
        if (run == std::string::npos) break;
        std::string ticks(run - pos, '`');
        std::size_t close = out.find(ticks, run);
        if (close == std::string::npos) {
            pos = run;
            continue;
        }
        std::fill(out.begin() + pos, out.begin() + close + ticks.size(), ' ');
        pos = close + ticks.size();
    }
    return out;
}

}  // namespace

std::vector<std::string> ExtractMentions(std::string_view markdown, std::size_t limit) {
    std::vector<std::string> names;
    const std::string text = BlankCode(markdown);
    for (std::size_t at = text.find('@'); at != std::string::npos && names.size() < limit;
         at = text.find('@', at + 1)) {
        if (at > 0) {
            char before = text[at - 1];
            if (IsNameChar(before) || before == '.' || before == '@') continue;
        }
        std::size_t end = at + 1;
        while (end < text.size() && IsNameChar(text[end])) ++end;
        std::size_t length = end - at - 1;
        if (length < kMinUsername || length > kMaxUsername) continue;
        std::string name = text.substr(at + 1, length);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(std::move(name));
    }
    return names;
}

}  // namespace hoot
