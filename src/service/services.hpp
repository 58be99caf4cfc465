#pragma once
// The use cases, as handlers (web pages and JSON API alike) reach them.

#include "service/accounts.hpp"
#include "service/hoots.hpp"
#include "service/posts.hpp"
#include "service/search.hpp"

namespace hoot::service {

struct Services {
    AccountService& accounts;
    HootService& hoots;
    PostService& posts;
    SearchService& search;
};

}  // namespace hoot::service
