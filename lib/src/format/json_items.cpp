// Streamed JSON arrays (see json_items.h).
#include "format/json_items.h"

#include <algorithm>

namespace draftlint::detail {

std::string dump_element(const nlohmann::ordered_json& element, std::size_t depth) {
  const std::string dumped = element.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  // Strings in dumped JSON never hold a raw line break, so every '\n' starts a line. Copied
  // line by line (memchr finds the breaks), not byte by byte: this runs for every finding.
  const std::size_t indent = depth + 2;
  std::string out;
  out.reserve(dumped.size() + indent * (static_cast<std::size_t>(std::count(dumped.begin(), dumped.end(), '\n')) + 1));
  std::size_t begin = 0;
  for (std::size_t end = dumped.find('\n'); end != std::string::npos; begin = end + 1, end = dumped.find('\n', begin)) {
    out.append(indent, ' ').append(dumped, begin, end + 1 - begin);
  }
  out.append(indent, ' ').append(dumped, begin, std::string::npos);
  return out;
}

void ArrayWriter::add(const nlohmann::ordered_json& element) {
  sink_(empty_ ? "[\n" : ",\n");
  empty_ = false;
  sink_(dump_element(element, depth_));
}

void ArrayWriter::close() {
  if (empty_) {
    sink_("[]");
  } else {
    sink_("\n" + std::string(depth_, ' ') + "]");
  }
}

}  // namespace draftlint::detail
