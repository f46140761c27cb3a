// From a document to the prose the matcher reads: mask template syntax, then extract the
// prose of the format (plain text, Markdown, HTML). See prepared_text.h for the offset map.
#pragma once

#include <string_view>
#include <vector>

#include "draftlint/linter.h"
#include "segment/prepared_text.h"
#include "segment/templates.h"

namespace draftlint::detail {

PreparedText prepare(std::string_view original, const DocumentOptions& options);

}  // namespace draftlint::detail
