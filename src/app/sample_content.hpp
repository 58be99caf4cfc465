#pragma once

#include "service/ports.hpp"
#include "service/services.hpp"

namespace hoot::app {

// On the first start of a site, writes a welcome hoot by a sample user with a comment by a
// second one, so the first page a person sees is alive. Never again after that (a setting
// remembers it), even if the sample is later deleted. Failures are logged, never fatal.
void SeedSampleContentOnce(service::Stores stores, service::Services services);

}  // namespace hoot::app
