#include "importer/xml_rows.hpp"

#include <expat.h>

#include <cstdio>
#include <cstring>
#include <memory>

namespace hoot::importer {

const char* Row::Find(std::string_view name) const {
    for (const char** a = attributes_; *a; a += 2)
        if (name == *a) return a[1];
    return nullptr;
}

namespace {

constexpr std::size_t kChunk = 1 << 20;

struct ParseState {
    XML_Parser parser = nullptr;
    const RowHandler* on_row = nullptr;
    std::int64_t rows = 0;
    std::int64_t bytes_read = 0;
    bool stopped_by_handler = false;
};

void OnStart(void* user, const XML_Char* name, const XML_Char** attributes) {
    auto* state = static_cast<ParseState*>(user);
    if (std::strcmp(name, "row") != 0) return;
    ++state->rows;
    RowPosition at{static_cast<std::int64_t>(XML_GetCurrentLineNumber(state->parser)),
                   state->bytes_read};
    if (!(*state->on_row)(Row(attributes), at)) {
        state->stopped_by_handler = true;
        XML_StopParser(state->parser, XML_FALSE);
    }
}

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
struct ParserFree {
    void operator()(XML_Parser p) const { XML_ParserFree(p); }
};

}  // namespace

ReadOutcome ReadRows(const std::filesystem::path& file, const RowHandler& on_row) {
    ReadOutcome outcome;
    std::unique_ptr<std::FILE, FileCloser> in(std::fopen(file.c_str(), "rb"));
    if (!in) {
        outcome.message = std::string("cannot open: ") + std::strerror(errno);
        return outcome;
    }
    std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreate("UTF-8"));
    if (!parser) throw std::bad_alloc();
    ParseState state;
    state.parser = parser.get();
    state.on_row = &on_row;
    XML_SetUserData(parser.get(), &state);
    XML_SetStartElementHandler(parser.get(), OnStart);
    for (;;) {
        void* buffer = XML_GetBuffer(parser.get(), kChunk);
        if (!buffer) throw std::bad_alloc();
        std::size_t n = std::fread(buffer, 1, kChunk, in.get());
        if (std::ferror(in.get())) {
            outcome.message = std::string("read error: ") + std::strerror(errno);
            outcome.line = static_cast<std::int64_t>(XML_GetCurrentLineNumber(parser.get()));
            return outcome;
        }
        state.bytes_read += static_cast<std::int64_t>(n);
        const bool last = n == 0;
        if (XML_ParseBuffer(parser.get(), static_cast<int>(n), last) != XML_STATUS_OK) {
            outcome.rows = state.rows;
            outcome.line = static_cast<std::int64_t>(XML_GetCurrentLineNumber(parser.get()));
            outcome.message = state.stopped_by_handler
                                  ? "stopped"
                                  : XML_ErrorString(XML_GetErrorCode(parser.get()));
            return outcome;
        }
        if (last) break;
    }
    outcome.ok = true;
    outcome.rows = state.rows;
    return outcome;
}

}  // namespace hoot::importer
