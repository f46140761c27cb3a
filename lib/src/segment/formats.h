// Turning each input format into prose for the matcher (see prepared_text.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "segment/prepared_text.h"

namespace draftlint::detail {

// `masked` is the original with template syntax already masked (same length and offsets).
PreparedText prepare_markdown(std::string_view masked, const std::vector<std::string>& front_matter_fields);
PreparedText prepare_html(std::string_view masked);

}  // namespace draftlint::detail
