#pragma once
// The use cases, as handlers (web pages and JSON API alike) reach them.

#include "service/accounts.hpp"
#include "service/hoots.hpp"

namespace hoot::service {

struct Services {
    AccountService& accounts;
    HootService& hoots;
};

}  // namespace hoot::service
