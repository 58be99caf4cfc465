#include "render/script_json.hpp"

#include <array>
#include <charconv>

namespace hoot::render {
namespace {

// Bytes that need a closer look, as a table: the loop over a page's worth of answer text is hot.
constexpr auto kNeedsEscape = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c) table[c] = true;
    for (unsigned char c : {'"', '\\', '<', '>', '&'}) table[c] = true;
    table[0xE2] = true;  // possibly U+2028/U+2029
    return table;
}();

bool NeedsEscape(unsigned char c) { return kNeedsEscape[c]; }

void AppendUnicodeEscape(std::string& out, unsigned code) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 0xF];
}

}  // namespace

void ScriptJson::BeforeValue() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!has_items_.empty()) {
        if (has_items_.back()) out_ += ',';
        has_items_.back() = true;
    }
}

ScriptJson& ScriptJson::Open(char bracket) {
    BeforeValue();
    out_ += bracket;
    has_items_.push_back(false);
    return *this;
}

ScriptJson& ScriptJson::Close(char bracket) {
    out_ += bracket;
    if (!has_items_.empty()) has_items_.pop_back();
    return *this;
}

ScriptJson& ScriptJson::Key(std::string_view key) {
    BeforeValue();
    AppendString(key);
    out_ += ':';
    after_key_ = true;
    return *this;
}

ScriptJson& ScriptJson::String(std::string_view utf8) {
    BeforeValue();
    AppendString(utf8);
    return *this;
}

ScriptJson& ScriptJson::Number(std::int64_t value) {
    BeforeValue();
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    (void)ec;
    out_.append(buffer, end);
    return *this;
}

void ScriptJson::AppendString(std::string_view text) {
    out_.reserve(out_.size() + text.size() + 2);
    out_ += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!NeedsEscape(c)) continue;
        // U+2028/U+2029 (E2 80 A8/A9) end lines in older JavaScript parsers; other E2 sequences
        // are ordinary characters.
        if (c == 0xE2 && !(i + 2 < text.size() && text[i + 1] == '\x80' &&
                           (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')))
            continue;
        out_.append(text.substr(run, i - run));
        switch (c) {
            case '"':
                out_ += "\\\"";
                break;
            case '\\':
                out_ += "\\\\";
                break;
            case '\n':
                out_ += "\\n";
                break;
            case '\t':
                out_ += "\\t";
                break;
            case 0xE2:
                AppendUnicodeEscape(out_, text[i + 2] == '\xA8' ? 0x2028 : 0x2029);
                i += 2;
                break;
            default:
                AppendUnicodeEscape(out_, c);
                break;  // < > & and other control bytes
        }
        run = i + 1;
    }
    out_.append(text.substr(run));
    out_ += '"';
}

}  // namespace hoot::render
