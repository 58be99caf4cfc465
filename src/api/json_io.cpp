#include "api/json_io.hpp"

#include "app/log.hpp"
#include "domain/popularity.hpp"
#include "render/time_format.hpp"
#include "web/urls.hpp"

namespace hoot::api {
namespace {

Json ReactionsJson(const ReactionTally& tally) {
    return Json{
        {"positive", tally.positive}, {"negative", tally.negative}, {"total", tally.total()}};
}

Error WrongType(std::string_view name, std::string_view expected) {
    return Error::Make(Errc::kBadRequest,
                       "\"" + std::string(name) + "\" must be " + std::string(expected) + ".",
                       std::string(name));
}

}  // namespace

http::Response JsonResponse(int status, const Json& body) {
    http::Response response;
    response.status = status;
    response.content_type = "application/json";
    // Replace, not throw, on invalid UTF-8: stored text is validated, but a bug must not 500.
    response.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    response.Header("Cache-Control", "no-store");
    return response;
}

http::Response JsonError(const Error& error) {
    if (error.code == Errc::kInternal || error.code == Errc::kUnavailable)
        log::Error(std::string(ErrcKey(error.code)) + " at " + error.where.file_name() + ":" +
                   std::to_string(error.where.line()) + ": " + error.detail);
    Json body{{"code", ErrcKey(error.code)}, {"message", error.message}};
    if (!error.field.empty()) body["field"] = error.field;
    return JsonResponse(ErrcStatus(error.code), Json{{"error", body}});
}

Result<Json> ParseObject(const http::Request& request) {
    if (!request.Header("content-type").starts_with("application/json"))
        return Error::Make(Errc::kBadRequest,
                           "Send a JSON body with Content-Type: application/json.");
    Json parsed;
    try {
        parsed = Json::parse(request.body);
    } catch (const Json::parse_error& e) {
        return Error::Make(Errc::kBadRequest,
                           "The body is not valid JSON (at byte " + std::to_string(e.byte) + ").");
    }
    if (!parsed.is_object())
        return Error::Make(Errc::kBadRequest, "The body must be a JSON object.");
    return parsed;
}

Result<std::optional<std::string>> StringField(const Json& object, std::string_view name) {
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) return std::optional<std::string>();
    if (!it->is_string()) return WrongType(name, "a string");
    return std::optional<std::string>(it->get<std::string>());
}

Result<std::optional<std::vector<std::string>>> StringListField(const Json& object,
                                                                std::string_view name) {
    using List = std::optional<std::vector<std::string>>;
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) return List();
    if (!it->is_array()) return WrongType(name, "a list of strings");
    std::vector<std::string> values;
    for (const auto& item : *it) {
        if (!item.is_string()) return WrongType(name, "a list of strings");
        values.push_back(item.get<std::string>());
    }
    return List(std::move(values));
}

Result<std::string> RequiredString(const Json& object, std::string_view name) {
    auto value = StringField(object, name);
    if (!value) return value.take_error();
    if (!*value)
        return Error::Make(Errc::kBadRequest, "\"" + std::string(name) + "\" is required.",
                           std::string(name));
    return std::move(**value);
}

Json ToJson(const AuthorRef& author) {
    return Json{{"id", author.id.value},
                {"username", author.username},
                {"display_name", author.display_name},
                {"url", web::UserUrl(author.username)}};
}

Json ToJson(const User& user) {
    return Json{{"id", user.id.value},
                {"username", user.username},
                {"display_name", user.display_name.empty() ? user.username : user.display_name},
                {"bio", user.bio_source},
                {"bio_html", user.bio_html},
                {"created_at", render::IsoTime(user.created_at)},
                {"hoot_count", user.hoot_count},
                {"comment_count", user.comment_count},
                {"url", web::UserUrl(user.username)}};
}

Json ToJson(const HootSummary& hoot) {
    return Json{{"id", hoot.id.value},
                {"title", hoot.title},
                {"url", web::HootUrl(hoot.id, hoot.slug)},
                {"excerpt", hoot.excerpt},
                {"tags", hoot.tags},
                {"author", ToJson(hoot.author)},
                {"created_at", render::IsoTime(hoot.created_at)},
                {"comment_count", hoot.comment_count},
                {"popularity", PopularityPercent(hoot.reactions)},
                {"reactions", ReactionsJson(hoot.reactions)}};
}

Json ToJson(const Hoot& hoot) {
    return Json{{"id", hoot.id.value},
                {"title", hoot.title},
                {"url", web::HootUrl(hoot.id, hoot.slug)},
                {"body", hoot.body_source},
                {"body_html", hoot.body_html},
                {"tags", hoot.tags},
                {"author", ToJson(hoot.author)},
                {"created_at", render::IsoTime(hoot.created_at)},
                {"updated_at", render::IsoTime(hoot.updated_at)},
                {"comment_count", hoot.comment_count},
                {"popularity", PopularityPercent(hoot.reactions)},
                {"reactions", ReactionsJson(hoot.reactions)}};
}

Json ToJson(const Comment& comment) {
    return Json{{"id", comment.id.value},
                {"hoot_id", comment.hoot_id.value},
                {"body", comment.body_source},
                {"body_html", comment.body_html},
                {"author", ToJson(comment.author)},
                {"created_at", render::IsoTime(comment.created_at)},
                {"popularity", PopularityPercent(comment.reactions)},
                {"reactions", ReactionsJson(comment.reactions)}};
}

}  // namespace hoot::api
