#pragma once
// What a thread imported from Stack Exchange shows beyond a local one: the state the source gave
// it (closed with its reason, locked, duplicate of), the accepted answer's mark, and the
// attribution CC BY-SA requires (source site, a plain link to the original question, each
// author linked to their profile there, the licence version of each post). Nothing for a local
// thread. Pure functions of the view model.

#include "render/html.hpp"
#include "web/views/view_models.hpp"

namespace hoot::web::views {

// Closed/locked banner, duplicate links and the attribution block, after the hoot.
void AppendImportedThreadParts(render::Html& html, const ThreadPage& page);

// "Accepted answer" in the header of the comment the asker accepted on the source site.
void AppendAcceptedMark(render::Html& html, const ThreadPage& page, const Comment& comment);

}  // namespace hoot::web::views
