#pragma once
// JSON in and out for the API: parsing request bodies with clear errors, the error envelope
// {"error":{"code","message","field"}}, and the JSON form of each model type.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/model.hpp"
#include "domain/result.hpp"
#include "http/message.hpp"
#include "service/ports.hpp"

namespace hoot::api {

using Json = nlohmann::json;

http::Response JsonResponse(int status, const Json& body);
http::Response JsonError(const Error& error);

// The body as a JSON object: kBadRequest when the content type is not JSON, the text does not
// parse (the message says where), or it is not an object.
Result<Json> ParseObject(const http::Request& request);

// Field readers: kBadRequest naming the field when it has the wrong type; nullopt when absent.
Result<std::optional<std::string>> StringField(const Json& object, std::string_view name);
Result<std::optional<std::vector<std::string>>> StringListField(const Json& object,
                                                                std::string_view name);
// A string field that must be present.
Result<std::string> RequiredString(const Json& object, std::string_view name);

Json ToJson(const AuthorRef& author);
Json ToJson(const User& user);
Json ToJson(const HootSummary& hoot);
Json ToJson(const Hoot& hoot);
Json ToJson(const Comment& comment);
Json ToJson(const PostUpdate& update);
Json ToJson(const Reply& reply);
Json ToJson(const Revision& revision);
// {"post_id","popularity","reactions":{kind counts, positive, negative, total},"mine":{kind: bool}}
Json ReactionStateJson(PostId post, const service::ReactionState& state);

}  // namespace hoot::api
