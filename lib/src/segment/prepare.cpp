// Format dispatch for document preparation (see prepare.h), and the format names.
#include "segment/prepare.h"

#include <algorithm>
#include <array>

#include "segment/formats.h"
#include "text/utf8.h"

namespace draftlint {
namespace detail {

namespace {

// Template syntax always starts with '{' or '%', and a BOM must be blanked: without either,
// masking would change nothing, so the original is read in place rather than copied.
bool needs_masking(std::string_view original) {
  return has_bom(original) || original.find_first_of("{%") != std::string_view::npos;
}

}  // namespace

PreparedText prepare(std::string_view original, const DocumentOptions& options) {
  if (!needs_masking(original)) return prepare_masked(original, options);
  std::string masked(original);
  if (has_bom(masked)) masked.replace(0, 3, "   ");
  mask_templates(masked);
  if (options.format == InputFormat::text) return PreparedText::identity(std::move(masked));
  return prepare_masked(masked, options);
}

PreparedText prepare_masked(std::string_view masked, const DocumentOptions& options) {
  switch (options.format) {
    case InputFormat::markdown: return prepare_markdown(masked, options.front_matter);
    case InputFormat::html: return prepare_html(masked);
    case InputFormat::text: break;
  }
  return PreparedText::borrowed(masked);
}

}  // namespace detail

std::string_view to_string(InputFormat format) {
  switch (format) {
    case InputFormat::text: return "text";
    case InputFormat::markdown: return "markdown";
    case InputFormat::html: return "html";
  }
  return "text";
}

std::optional<InputFormat> parse_input_format(std::string_view name) {
  if (name == "text" || name == "txt" || name == "plain") return InputFormat::text;
  if (name == "markdown" || name == "md") return InputFormat::markdown;
  if (name == "html" || name == "htm") return InputFormat::html;
  return std::nullopt;
}

std::optional<InputFormat> format_for_path(const std::filesystem::path& path) {
  static constexpr std::array<std::string_view, 8> kTemplateExtensions = {
      ".j2", ".jinja", ".jinja2", ".liquid", ".hbs", ".handlebars", ".mustache", ".tmpl"};
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
  };
  const std::string ext = lower(path.extension().string());
  if (ext == ".md" || ext == ".markdown") return InputFormat::markdown;
  if (ext == ".html" || ext == ".htm") return InputFormat::html;
  if (ext == ".txt" || ext == ".text") return InputFormat::text;
  if (std::find(kTemplateExtensions.begin(), kTemplateExtensions.end(), ext) != kTemplateExtensions.end()) {
    const std::filesystem::path inner = path.stem();
    if (inner.has_extension()) {
      if (auto format = format_for_path(inner)) return format;
    }
    return InputFormat::text;
  }
  return std::nullopt;
}

}  // namespace draftlint
