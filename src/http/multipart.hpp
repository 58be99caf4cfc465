#pragma once
// multipart/form-data (RFC 7578 over RFC 2046's multipart syntax), as browsers send forms that
// carry a file. Pure functions over the whole body, which the server has already read within its
// request size limit; thread-safe. Every malformed body is a kBadRequest with a message a person
// can act on; nothing is guessed.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace hoot::http {

struct MultipartPart {
    std::string name;          // Content-Disposition's name
    std::string filename;      // Content-Disposition's filename, as sent (never trusted)
    bool is_file = false;      // the part had a filename parameter (even an empty one)
    std::string content_type;  // the part's declared Content-Type, or "" (never trusted)
    std::string data;          // the bytes between the headers and the next delimiter
};

struct MultipartLimits {
    std::size_t max_parts = 32;
    std::size_t max_header_bytes = 8 * 1024;  // one part's header block
    // A file part may be somewhat larger than what its handler accepts, so that the handler
    // (which knows the rule, e.g. "at most 2 MB") is the one that answers.
    std::size_t max_part_bytes = 4 * 1024 * 1024;
    std::size_t max_total_bytes = 4 * 1024 * 1024;  // the server's request body limit
};

// The boundary parameter of a multipart/form-data Content-Type, quoted or not. kBadRequest when
// the type is not multipart/form-data or the boundary is missing, empty, longer than 70
// characters or has characters RFC 2046 does not allow.
Result<std::string> MultipartBoundary(std::string_view content_type);

// The parts of `body` in order. kBadRequest on: a missing first delimiter, a part without
// Content-Disposition form-data and a name, a header block that is too long or never ends, no
// closing delimiter, too many parts; kTooLarge when the body or one part exceeds `limits`.
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                                  const MultipartLimits& limits = {});

// True when the Content-Type names multipart/form-data (any parameters).
bool IsMultipartFormData(std::string_view content_type);

}  // namespace hoot::http
