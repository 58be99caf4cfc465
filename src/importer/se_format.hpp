#pragma once
// The value formats of Stack Exchange dumps: dates, tag lists, ids, licences, close reasons and
// the site a dump folder is named after. Pure functions, thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"

namespace hoot::importer {

// "2014-01-21T20:26:05.383" (UTC, no zone; fraction optional) → Unix seconds.
std::optional<UnixSeconds> ParseSeDate(std::string_view text);

// A decimal integer, possibly negative (-1 is the Community user); nullopt otherwise.
std::optional<std::int64_t> ParseSeId(std::string_view text);

// "<a><b>" (older dumps) or "|a|b|" (newer ones) → tags normalised by Hoot's rules; a tag Hoot
// cannot hold is left out, and at most five are kept.
std::vector<std::string> ParseSeTags(std::string_view text);

// The CC BY-SA version of a contribution: the row's ContentLicense when the dump has one, else
// by date as Stack Exchange applied them (2.5 before 2011-04-08, 3.0 before 2018-05-02, then 4.0).
std::string LicenseFor(std::string_view content_license, UnixSeconds contributed_at);

// "beer.stackexchange.com-2016-12" → "beer.stackexchange.com": the leading host name when it is
// a Stack Exchange network site; nullopt otherwise.
std::optional<std::string> SiteFromFolderName(std::string_view folder);

// "https://beer.stackexchange.com/" or "beer.stackexchange.com" → "beer.stackexchange.com";
// nullopt for anything that is not a plain host name.
std::optional<std::string> SiteFromUrl(std::string_view url);

// The words for a PostHistory close reason id (the row's Comment); "closed" when unknown.
std::string CloseReasonName(std::string_view reason_id);

}  // namespace hoot::importer
