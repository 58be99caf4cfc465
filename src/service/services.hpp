#pragma once
// The use cases, as handlers (web pages and JSON API alike) reach them.

#include "service/accounts.hpp"
#include "service/avatars.hpp"
#include "service/hoots.hpp"
#include "service/messages.hpp"
#include "service/notifications.hpp"
#include "service/posts.hpp"
#include "service/search.hpp"

namespace hoot::service {

struct Services {
    AccountService& accounts;
    HootService& hoots;
    PostService& posts;
    NotificationService& notifications;
    MessageService& messages;
    SearchService& search;
    AvatarService& avatars;
};

}  // namespace hoot::service
