#include "web/handlers.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web {

http::Response ShowTags(const WebContext& wc, http::RequestContext& ctx) {
    auto tags = wc.services.hoots.Tags();
    if (!tags) return ErrorPage(wc.site, ctx, tags.error());
    views::TagsPage page{std::move(*tags)};
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "Tags"), views::RenderTags(page), 200,
                    std::string(kTagsPath));
}

}  // namespace hoot::web
