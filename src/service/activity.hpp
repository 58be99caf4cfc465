#pragma once
// How the content services tell the rest of Hoot that something happened (a hoot, comment,
// update, reaction or reply), after its transaction has committed. The notification service
// listens; tools and tests that want no fan-out use IgnoreActivity().

#include "service/social_ports.hpp"

namespace hoot::service {

class ActivityListener {
  public:
    virtual ~ActivityListener() = default;
    // Called on the thread that made the change; must not throw. Failures are the listener's to
    // log: the change itself has already succeeded.
    virtual void OnActivity(const Activity& activity) = 0;
};

// A listener that does nothing.
ActivityListener& IgnoreActivity();

}  // namespace hoot::service
