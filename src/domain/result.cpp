#include "domain/result.hpp"

namespace hoot {

std::string_view ErrcKey(Errc code) {
    switch (code) {
        case Errc::kInvalidInput:
            return "invalid_input";
        case Errc::kBadRequest:
            return "bad_request";
        case Errc::kUnauthenticated:
            return "unauthenticated";
        case Errc::kForbidden:
            return "forbidden";
        case Errc::kNotFound:
            return "not_found";
        case Errc::kConflict:
            return "conflict";
        case Errc::kTooLarge:
            return "too_large";
        case Errc::kRateLimited:
            return "rate_limited";
        case Errc::kUnavailable:
            return "unavailable";
        case Errc::kInternal:
            return "internal";
    }
    return "internal";
}

int ErrcStatus(Errc code) {
    switch (code) {
        case Errc::kInvalidInput:
            return 422;
        case Errc::kBadRequest:
            return 400;
        case Errc::kUnauthenticated:
            return 401;
        case Errc::kForbidden:
            return 403;
        case Errc::kNotFound:
            return 404;
        case Errc::kConflict:
            return 409;
        case Errc::kTooLarge:
            return 413;
        case Errc::kRateLimited:
            return 429;
        case Errc::kUnavailable:
            return 503;
        case Errc::kInternal:
            return 500;
    }
    return 500;
}

}  // namespace hoot
