// Severity names and problem formatting.
#include "draftlint/diagnostic.h"

#include <fmt/format.h>

namespace draftlint {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::suggestion: return "suggestion";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "suggestion") return Severity::suggestion;
  if (name == "warning") return Severity::warning;
  if (name == "error") return Severity::error;
  return std::nullopt;
}

std::string Problem::to_string() const {
  if (file.empty()) return message;
  if (line <= 0) return fmt::format("{}: {}", file, message);
  if (column <= 0) return fmt::format("{}:{}: {}", file, line, message);
  return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

}  // namespace draftlint
