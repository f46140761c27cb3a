// Streamed JSON arrays (see json_items.h).
#include "format/json_items.h"

namespace draftlint::detail {

std::string dump_element(const nlohmann::ordered_json& element, std::size_t depth) {
  const std::string dumped = element.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  // Strings in dumped JSON never hold a raw line break, so every '\n' starts a line.
  const std::string indent(depth + 2, ' ');
  std::string out = indent;
  for (char c : dumped) {
    out += c;
    if (c == '\n') out += indent;
  }
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
