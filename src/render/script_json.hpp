#pragma once
// A small JSON writer for <script type="application/ld+json"> elements. Strings are escaped as
// JSON requires and, beyond that, every <, > and & (and U+2028/U+2029) becomes its \uXXXX escape:
// the value is the same, but no "</script>" or "<!--" in user text can end or confuse the
// element. Written by hand because it runs on every thread page, where a general JSON library's
// serialiser was a fifth of the CPU time (bench/README.md). Not thread-safe; one per document.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hoot::render {

class ScriptJson {
  public:
    ScriptJson& BeginObject() { return Open('{'); }
    ScriptJson& EndObject() { return Close('}'); }
    ScriptJson& BeginArray() { return Open('['); }
    ScriptJson& EndArray() { return Close(']'); }
    // The key of the next member of the current object.
    ScriptJson& Key(std::string_view key);
    ScriptJson& String(std::string_view utf8);
    ScriptJson& Number(std::int64_t value);
    // Shorthands for a member.
    ScriptJson& Member(std::string_view key, std::string_view value) {
        return Key(key).String(value);
    }
    ScriptJson& Member(std::string_view key, std::int64_t value) { return Key(key).Number(value); }

    const std::string& str() const { return out_; }

  private:
    ScriptJson& Open(char bracket);
    ScriptJson& Close(char bracket);
    void BeforeValue();
    void AppendString(std::string_view utf8);

    std::string out_;
    std::vector<bool> has_items_;  // per open container: a comma goes before the next item
    bool after_key_ = false;
};

}  // namespace hoot::render
