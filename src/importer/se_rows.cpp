#include "importer/se_rows.hpp"

#include "domain/slug.hpp"
#include "domain/validation.hpp"
#include "importer/html_sanitizer.hpp"
#include "importer/se_format.hpp"
#include "render/html.hpp"
#include "render/linkify.hpp"

namespace hoot::importer {
namespace {

std::string NameOf(const KnownUsers& users, std::optional<std::int64_t> source_user,
                   std::string_view display_name) {
    if (source_user) {
        auto it = users.find(*source_user);
        if (it != users.end()) return it->second.name;
    }
    if (!display_name.empty()) return CleanName(display_name);
    return source_user ? "user" + std::to_string(*source_user) : "deleted user";
}

service::ImportedPost PostFrom(const Row& row, std::int64_t id, bool is_question,
                               const PostContext& context) {
    service::ImportedPost post;
    post.write_first_revision = !context.history_expected;
    post.has_votes = context.has_votes;
    post.source_id = id;
    post.is_question = is_question;
    std::string_view body = row.Get("Body");
    const bool readable = IsCleanUtf8Text(body);
    std::string text = readable ? HtmlToText(body) : std::string();
    post.body_html = readable ? SanitizeHtml(body) : std::string();
    post.body_text = FoldWhitespace(text);
    post.body_source = std::move(text);
    post.created_at = ParseSeDate(row.Get("CreationDate")).value_or(0);
    post.updated_at = post.created_at;
    for (const char* attr : {"LastEditDate", "LastActivityDate"})
        if (auto t = ParseSeDate(row.Get(attr)); t && *t > post.updated_at) post.updated_at = *t;
    auto owner = IdOf(row, "OwnerUserId");
    post.author_source_id = owner;
    post.author_name = NameOf(*context.users, owner, row.Get("OwnerDisplayName"));
    auto edited = ParseSeDate(row.Get("LastEditDate"));
    post.license = LicenseFor(row.Get("ContentLicense"), edited.value_or(post.created_at));
    if (is_question) {
        std::string_view title = row.Get("Title");
        post.title = IsCleanUtf8Text(title) && !title.empty() ? FoldWhitespace(title)
                                                              : std::string("(untitled)");
        post.slug = Slugify(post.title);
        post.tags = ParseSeTags(row.Get("Tags"));
        post.excerpt = CutExcerpt(post.body_text);
        post.accepted_source_id = IdOf(row, "AcceptedAnswerId");
        post.closed_at = ParseSeDate(row.Get("ClosedDate")).value_or(0);
    }
    return post;
}

}  // namespace

std::optional<std::int64_t> IdOf(const Row& row, const char* attribute) {
    const char* value = row.Find(attribute);
    if (!value) return std::nullopt;
    return ParseSeId(value);
}

// A display name Hoot can hold: valid UTF-8 text of at most kMaxDisplayName code points.
std::string CleanName(std::string_view name) {
    if (!IsCleanUtf8Text(name)) return "user";
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < name.size() && chars < kMaxDisplayName; ++chars) {
        std::size_t start = i++;
        while (i < name.size() && (static_cast<unsigned char>(name[i]) & 0xC0) == 0x80) ++i;
        out.append(name.substr(start, i - start));
    }
    return FoldWhitespace(out);
}

std::optional<service::ImportedUser> PrepareUser(const Row& row, std::string_view site) {
    auto id = IdOf(row, "Id");
    if (!id) return std::nullopt;
    service::ImportedUser user;
    user.source_id = *id;
    user.username = std::to_string(*id) + "@" + std::string(site);
    user.display_name = CleanName(row.Get("DisplayName"));
    user.location = CleanName(row.Get("Location"));
    std::string_view website = row.Get("WebsiteUrl");
    user.website = IsCleanUtf8Text(website) ? std::string(website) : std::string();
    user.reputation = ParseSeId(row.Get("Reputation")).value_or(0);
    user.created_at = ParseSeDate(row.Get("CreationDate")).value_or(0);
    std::string about = std::string(row.Get("AboutMe"));
    if (!IsCleanUtf8Text(about)) about.clear();
    // Location and website show on the profile as part of the bio.
    std::string extra;
    if (!user.location.empty()) {
        extra += "<p>Location: ";
        render::AppendEscaped(extra, user.location);
        extra += "</p>";
    }
    if (!user.website.empty()) {
        extra += "<p>Website: <a href=\"";
        render::AppendEscaped(extra, user.website);
        extra += "\">";
        render::AppendEscaped(extra, user.website);
        extra += "</a></p>";
    }
    user.bio_html = SanitizeHtml(about + extra);
    user.bio_source = HtmlToText(user.bio_html);
    return user;
}

VoteRow PrepareVote(const Row& row) { return {IdOf(row, "VoteTypeId"), IdOf(row, "PostId")}; }

HistoryRow PrepareHistory(const Row& row) {
    HistoryRow out{IdOf(row, "PostHistoryTypeId"),
                   IdOf(row, "PostId"),
                   IdOf(row, "UserId"),
                   std::string(row.Get("RevisionGUID")),
                   std::string(row.Get("Text")),
                   {},
                   ParseSeDate(row.Get("CreationDate")).value_or(0)};
    if (!IsCleanUtf8Text(out.text)) out.text.clear();
    if (out.type == 10) out.close_reason = CloseReasonName(row.Get("Comment"));
    return out;
}

PostRow PreparePost(const Row& row, const PostContext& context) {
    PostRow out{IdOf(row, "Id"), IdOf(row, "PostTypeId"), IdOf(row, "ParentId"), {}, {}};
    if (!out.id || !out.type) return out;
    if (*out.type == 4)
        out.excerpt = FoldWhitespace(HtmlToText(row.Get("Body")));
    else if (*out.type == 1 || *out.type == 2)
        out.post = PostFrom(row, *out.id, *out.type == 1, context);
    return out;
}

CommentRow PrepareComment(const Row& row) {
    CommentRow out{IdOf(row, "Id"),
                   IdOf(row, "PostId"),
                   IdOf(row, "UserId"),
                   false,
                   {},
                   {},
                   ParseSeDate(row.Get("CreationDate")).value_or(0)};
    std::string_view text = row.Get("Text");
    out.readable = !text.empty() && IsCleanUtf8Text(text);
    if (out.readable) {
        out.text = std::string(text);
        out.html = render::LinkifyPlainText(text).str();
    }
    return out;
}

}  // namespace hoot::importer
