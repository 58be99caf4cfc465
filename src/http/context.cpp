#include "http/context.hpp"

namespace hoot::http {

const Fields& RequestContext::Form() {
    if (!form_) {
        bool urlencoded =
            request.Header("content-type").starts_with("application/x-www-form-urlencoded");
        form_ = urlencoded ? ParseUrlEncoded(request.body) : Fields{};
    }
    return *form_;
}

std::string RequestContext::FormValue(std::string_view name) {
    return FieldValue(Form(), name).value_or(std::string());
}

Result<PostId> PostIdParam(const RequestContext& ctx) {
    auto id = ParseId<PostId>(ctx.params.Get("id"));
    if (!id) return Error::Make(Errc::kNotFound, "That post does not exist.");
    return *id;
}

}  // namespace hoot::http
