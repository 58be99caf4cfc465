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

// The tally, per-kind counts, and the reader's own reactions.
void AddBreakdown(Json& post, const ReactionTally& tally, const ReactionBreakdown& breakdown) {
    Json reactions = ReactionsJson(tally);
    Json mine = Json::object();
    for (const auto& info : kReactionKinds) {
        auto index = static_cast<std::size_t>(info.kind);
        reactions[std::string(info.key)] = breakdown.counts[index];
        mine[std::string(info.key)] = breakdown.mine[index];
    }
    post["reactions"] = std::move(reactions);
    post["mine"] = std::move(mine);
}

Json UpdatesJson(const std::vector<PostUpdate>& updates) {
    Json list = Json::array();
    for (const auto& update : updates) list.push_back(ToJson(update));
    return list;
}

Json RepliesJson(const std::vector<Reply>& replies) {
    Json list = Json::array();
    for (const auto& reply : replies) list.push_back(ToJson(reply));
    return list;
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
    return Json{
        {"id", user.id.value},
        {"username", user.username},
        {"display_name", user.display_name.empty() ? user.username : user.display_name},
        {"bio", user.bio_source},
        {"bio_html", user.bio_html},
        {"created_at", render::IsoTime(user.created_at)},
        {"hoot_count", user.hoot_count},
        {"comment_count", user.comment_count},
        {"website", user.website},
        {"url", web::UserUrl(user.username)},
        {"avatar_url", user.avatar_hash.empty() ? Json(nullptr)
                                                : Json(web::AvatarUrl(user.id, user.avatar_hash))}};
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
    Json json{{"id", hoot.id.value},
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
              {"revision", hoot.revision},
              {"updates", UpdatesJson(hoot.updates)},
              {"replies", RepliesJson(hoot.replies)}};
    AddBreakdown(json, hoot.reactions, hoot.breakdown);
    if (hoot.deleted) json["deleted"] = true;
    return json;
}

Json ToJson(const Comment& comment) {
    if (comment.deleted && comment.body_html.empty()) {
        // What a reader may know of a deleted comment: that it was there, and its replies.
        return Json{{"id", comment.id.value},
                    {"hoot_id", comment.hoot_id.value},
                    {"deleted", true},
                    {"created_at", render::IsoTime(comment.created_at)},
                    {"replies", RepliesJson(comment.replies)}};
    }
    Json json{{"id", comment.id.value},
              {"hoot_id", comment.hoot_id.value},
              {"body", comment.body_source},
              {"body_html", comment.body_html},
              {"author", ToJson(comment.author)},
              {"created_at", render::IsoTime(comment.created_at)},
              {"popularity", PopularityPercent(comment.reactions)},
              {"revision", comment.revision},
              {"updates", UpdatesJson(comment.updates)},
              {"replies", RepliesJson(comment.replies)}};
    AddBreakdown(json, comment.reactions, comment.breakdown);
    if (comment.deleted) json["deleted"] = true;
    return json;
}

Json ToJson(const PostUpdate& update) {
    return Json{
        {"id", update.id.value},         {"post_id", update.post.value},
        {"heading", update.heading},     {"body", update.body_source},
        {"body_html", update.body_html}, {"created_at", render::IsoTime(update.created_at)}};
}

Json ToJson(const Reply& reply) {
    return Json{{"id", reply.id.value},
                {"post_id", reply.post.value},
                {"body", reply.body},
                {"body_html", reply.body_html},
                {"author", ToJson(reply.author)},
                {"created_at", render::IsoTime(reply.created_at)}};
}

Json ToJson(const Revision& revision) {
    Json json{{"number", revision.number},
              {"post_id", revision.post.value},
              {"author", ToJson(revision.author)},
              {"created_at", render::IsoTime(revision.created_at)},
              {"body", revision.body_source}};
    if (!revision.title.empty()) {
        json["title"] = revision.title;
        json["tags"] = revision.tags;
    }
    return json;
}

Json ReactionStateJson(PostId post, const service::ReactionState& state) {
    Json json{{"post_id", post.value}, {"popularity", PopularityPercent(state.tally)}};
    AddBreakdown(json, state.tally, state.breakdown);
    return json;
}

}  // namespace hoot::api
