// From a document to the prose the matcher reads: mask template syntax, then extract the
// prose of the format (plain text, Markdown, HTML). See prepared_text.h for the offset map.
#pragma once

#include <string_view>
#include <vector>

#include "draftlint/linter.h"
#include "segment/prepared_text.h"
#include "segment/templates.h"

namespace draftlint::detail {

// Masks a copy of `original` when it holds template syntax or a BOM; `original` stays as is.
PreparedText prepare(std::string_view original, const DocumentOptions& options);

// The same for a text already masked in place (see in_place_mask.h): plain text borrows
// `masked`, so nothing is copied.
PreparedText prepare_masked(std::string_view masked, const DocumentOptions& options);

}  // namespace draftlint::detail
