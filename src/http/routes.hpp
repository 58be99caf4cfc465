#pragma once
// The route table: every URL Hoot answers, one line each. Change together with web/urls.hpp.

#include "http/router.hpp"
#include "service/services.hpp"
#include "web/page.hpp"

namespace hoot::http {

// `web` and `services` must outlive the router.
void RegisterRoutes(Router& router, const web::WebContext& web, service::Services& services);

}  // namespace hoot::http
