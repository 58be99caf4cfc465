#include "http/context.hpp"

namespace hoot::http {

void RequestContext::ParseBody() {
    std::string_view type = request.Header("content-type");
    form_.emplace();
    if (type.starts_with("application/x-www-form-urlencoded")) {
        *form_ = ParseUrlEncoded(request.body);
        return;
    }
    if (!IsMultipartFormData(type)) return;
    auto boundary = MultipartBoundary(type);
    if (!boundary) {
        body_error_ = boundary.take_error();
        return;
    }
    auto parts = ParseMultipart(request.body, *boundary);
    if (!parts) {
        body_error_ = parts.take_error();
        return;
    }
    for (auto& part : *parts) {
        if (part.is_file)
            files_.push_back(std::move(part));
        else
            form_->emplace_back(std::move(part.name), std::move(part.data));
    }
}

const Fields& RequestContext::Form() {
    if (!form_) ParseBody();
    return *form_;
}

const MultipartPart* RequestContext::File(std::string_view name) {
    if (!form_) ParseBody();
    for (const auto& part : files_)
        if (part.name == name) return &part;
    return nullptr;
}

Status RequestContext::BodyStatus() {
    if (!form_) ParseBody();
    if (body_error_) return *body_error_;
    return OkStatus();
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
