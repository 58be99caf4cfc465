#include "http/event_stream.hpp"

namespace hoot::http {

namespace {

// Field values end at a line break; drop CR and LF so a value can never start a new field.
void AppendField(std::string& out, std::string_view name, std::string_view value) {
    out.append(name).append(": ");
    for (char c : value)
        if (c != '\r' && c != '\n') out.push_back(c);
    out.push_back('\n');
}

}  // namespace

void AppendSseEvent(std::string& out, std::string_view event, std::string_view id,
                    std::string_view data) {
    if (!id.empty()) AppendField(out, "id", id);
    if (!event.empty()) AppendField(out, "event", event);
    std::size_t start = 0;
    while (true) {
        std::size_t end = data.find_first_of("\r\n", start);
        AppendField(out, "data",
                    data.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
        if (data[end] == '\r' && start < data.size() && data[start] == '\n') ++start;
    }
    out.push_back('\n');
}

std::string SseComment(std::string_view text) {
    std::string out;
    AppendField(out, "", text);
    out.push_back('\n');
    return out;
}

}  // namespace hoot::http
