#pragma once
// The import use case: one Stack Exchange dump folder (Users, Posts, PostHistory, Comments,
// Votes, PostLinks, Tags .xml) into the community, in one transaction of an ImportSession.
//
// Only Posts.xml is required; a missing optional file is reported and the rest imported. Rows
// that name what is not in the dump (votes on deleted posts, deleted users, links to removed
// questions) are counted and reported, never fatal. Malformed XML (including a file cut short)
// stops the import with "File.xml:LINE: reason" and rolls everything back. Importing the same
// dump again updates what the first import wrote. Not thread-safe; one import at a time. Each
// big file is parsed and converted on a second thread while the caller's thread writes (so an
// import keeps two cores busy); only the caller's thread uses the store.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "domain/result.hpp"
#include "importer/progress.hpp"
#include "service/import_store.hpp"

namespace hoot::importer {

struct ImportOptions {
    std::filesystem::path dump_dir;
    std::string site;              // host name, e.g. beer.stackexchange.com
    Progress* progress = nullptr;  // null: no progress output
};

// One problem with a place in the dump ("Votes.xml", line 12).
struct ImportProblem {
    std::string file;
    std::int64_t line = 0;
    std::string message;
};

struct ImportReport {
    std::map<std::string, std::int64_t> imported;  // "questions" → 1029, ...
    std::map<std::string, std::int64_t> skipped;   // why → how many rows
    std::vector<ImportProblem> problems;           // the first few examples of each reason
    std::vector<std::string> missing_files;        // optional files the dump does not have
    std::int64_t posts_read = 0;                   // rows of Posts.xml
};

// kNotFound when the folder or its Posts.xml is missing; kInvalidInput naming file and line for
// malformed XML; store errors as they come. On any error nothing is written.
Result<ImportReport> ImportStackExchange(service::ImportStore& store, const ImportOptions& options);

// The report as people read it: counts per kind, then what was skipped and why.
std::string FormatReport(const ImportReport& report);

}  // namespace hoot::importer
