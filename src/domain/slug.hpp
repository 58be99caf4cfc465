#pragma once

#include <string>
#include <string_view>

namespace hoot {

// The URL slug of a title: ASCII letters and digits lower-cased, every other run of characters
// one '-', no leading or trailing '-', at most 80 characters cut at a '-' where possible.
// Non-ASCII letters are dropped; a title with nothing left gives "hoot". A slug never equals a
// word the thread's own pages use after its id ("revisions"): such a title gets "-hoot" appended.
std::string Slugify(std::string_view title);

}  // namespace hoot
