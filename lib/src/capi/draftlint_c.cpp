// The C API's entry points (draftlint/draftlint.h) over the C++ library. Each is noexcept and
// runs its body through guarded(), so no exception, C++ type or allocator crosses into C.
#include "draftlint/draftlint.h"

#include <filesystem>
#include <string>
#include <string_view>

#include "capi/columns.h"
#include "capi/handles.h"
#include "capi/last_error.h"
#include "draftlint/document.h"
#include "draftlint/workspace.h"

using draftlint::capi::fail;
using draftlint::capi::guarded;

namespace {

// A path given as UTF-8 (ptr, len); empty or NUL-holding paths are refused.
draftlint_status to_path(const char* text, std::size_t length, std::filesystem::path& out) {
  if (text == nullptr || length == 0) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "the path is empty");
  const std::string_view view(text, length);
  if (view.find('\0') != std::string_view::npos) {
    return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "the path holds a NUL byte");
  }
  if (auto bad = draftlint::find_invalid_utf8(view)) {
    return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "the path is not UTF-8 at byte ", std::to_string(*bad));
  }
  out = std::filesystem::path(std::u8string(reinterpret_cast<const char8_t*>(text), length));
  return DRAFTLINT_OK;
}

// Hands out a string borrowed from its owner: pointer (NUL-terminated) and length.
draftlint_status borrow(const std::string& s, const char** out_ptr, std::size_t* out_len) {
  *out_ptr = s.c_str();
  *out_len = s.size();
  return DRAFTLINT_OK;
}

// Runs `read` on the diagnostic at `index` after checking the result and the index.
template <typename Read>
draftlint_status with_entry(const draftlint_result* result, std::size_t index, Read&& read) noexcept {
  return guarded([&]() -> draftlint_status {
    if (result == nullptr) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "the result is NULL");
    if (index >= result->entries.size()) {
      return fail(DRAFTLINT_ERROR_OUT_OF_RANGE, "diagnostic index " + std::to_string(index) + " is out of range",
                  "; the result holds " + std::to_string(result->entries.size()));
    }
    return read(result->entries[index]);
  });
}

// The common shape of the string accessors.
template <typename Field>
draftlint_status string_field(const draftlint_result* result, std::size_t index, const char** out_ptr,
                              std::size_t* out_len, Field&& field) noexcept {
  if (out_ptr == nullptr || out_len == nullptr) {
    return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "an out-parameter is NULL");
  }
  *out_ptr = nullptr;
  *out_len = 0;
  return with_entry(result, index, [&](const draftlint_result::Entry& entry) -> draftlint_status {
    return borrow(field(entry.diagnostic), out_ptr, out_len);
  });
}

// The common shape of draftlint_result_start() and draftlint_result_end().
draftlint_status position_field(const draftlint_result* result, std::size_t index, draftlint_unit unit,
                                int32_t* out_line, int32_t* out_column, bool end) noexcept {
  if (out_line == nullptr || out_column == nullptr) {
    return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "an out-parameter is NULL");
  }
  *out_line = 0;
  *out_column = 0;
  if (unit < 0 || unit >= static_cast<draftlint_unit>(draftlint_result::kUnits)) {
    return guarded([&] { return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "unknown draftlint_unit ", std::to_string(unit)); });
  }
  return with_entry(result, index, [&](const draftlint_result::Entry& entry) -> draftlint_status {
    const auto u = static_cast<std::size_t>(unit);
    *out_line = end ? entry.diagnostic.end.line : entry.diagnostic.start.line;
    *out_column = end ? entry.end_column[u] : entry.start_column[u];
    return DRAFTLINT_OK;
  });
}

}  // namespace

extern "C" {

uint32_t draftlint_abi_version(void) noexcept { return DRAFTLINT_ABI_VERSION; }

// DRAFTLINT_VERSION_STRING is the project version, defined for this file by lib/CMakeLists.txt.
const char* draftlint_version(void) noexcept { return DRAFTLINT_VERSION_STRING; }

const char* draftlint_last_error(void) noexcept { return draftlint::capi::last_error(); }

// --- Options ---

draftlint_status draftlint_options_new(draftlint_options** out_options) noexcept {
  if (out_options == nullptr) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "out_options is NULL");
  *out_options = nullptr;
  return guarded([&]() -> draftlint_status {
    *out_options = new draftlint_options();
    return DRAFTLINT_OK;
  });
}

void draftlint_options_free(draftlint_options* options) noexcept { delete options; }

draftlint_status draftlint_options_set_builtin(draftlint_options* options, int32_t enabled) noexcept {
  if (options == nullptr) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "options is NULL");
  options->builtin = enabled != 0;
  return DRAFTLINT_OK;
}

draftlint_status draftlint_options_add_rule_dir(draftlint_options* options, const char* path,
                                                size_t path_len) noexcept {
  return guarded([&]() -> draftlint_status {
    if (options == nullptr) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "options is NULL");
    std::filesystem::path dir;
    if (draftlint_status s = to_path(path, path_len, dir); s != DRAFTLINT_OK) return s;
    options->rule_dirs.push_back(std::move(dir));
    return DRAFTLINT_OK;
  });
}

draftlint_status draftlint_options_set_config(draftlint_options* options, const char* path,
                                              size_t path_len) noexcept {
  return guarded([&]() -> draftlint_status {
    if (options == nullptr) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "options is NULL");
    std::filesystem::path file;
    if (draftlint_status s = to_path(path, path_len, file); s != DRAFTLINT_OK) return s;
    options->config = std::move(file);
    return DRAFTLINT_OK;
  });
}

draftlint_status draftlint_options_set_path(draftlint_options* options, const char* path, size_t path_len) noexcept {
  return guarded([&]() -> draftlint_status {
    if (options == nullptr) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "options is NULL");
    std::filesystem::path file;
    if (draftlint_status s = to_path(path, path_len, file); s != DRAFTLINT_OK) return s;
    options->path = std::move(file);
    return DRAFTLINT_OK;
  });
}

// --- Linter ---

draftlint_status draftlint_linter_new(const draftlint_options* options, draftlint_linter** out_linter) noexcept {
  if (out_linter == nullptr) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "out_linter is NULL");
  *out_linter = nullptr;
  return guarded([&]() -> draftlint_status {
    const draftlint_options defaults;
    const draftlint_options& o = options != nullptr ? *options : defaults;
    // A Workspace resolves configuration, packs and command-line-style options exactly as the
    // CLI does; configuration files are never discovered, only taken from set_config().
    draftlint::WorkspaceOptions settings;
    settings.no_builtin = !o.builtin;
    settings.rule_dirs = o.rule_dirs;
    settings.config = o.config;
    settings.no_config = !o.config.has_value();
    draftlint::Workspace workspace(std::move(settings));
    draftlint::FilePlan plan = workspace.plan(o.path.value_or(std::filesystem::path("stdin")));
    if (!plan.linter) {
      std::string message;
      for (const draftlint::Problem& problem : plan.problems) {
        if (!message.empty()) message += '\n';
        message += problem.to_string();
      }
      if (message.empty()) message = "the rules could not be loaded";
      return fail(DRAFTLINT_ERROR_LOAD, message);
    }
    auto* linter = new draftlint_linter{std::move(plan.linter), std::move(plan.document)};
    *out_linter = linter;
    return DRAFTLINT_OK;
  });
}

void draftlint_linter_free(draftlint_linter* linter) noexcept { delete linter; }

draftlint_status draftlint_linter_lint(const draftlint_linter* linter, const char* text, size_t text_len,
                                       draftlint_format format, draftlint_result** out_result) noexcept {
  if (out_result == nullptr) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "out_result is NULL");
  *out_result = nullptr;
  return guarded([&]() -> draftlint_status {
    if (linter == nullptr) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "the linter is NULL");
    if (text == nullptr && text_len != 0) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "text is NULL");
    draftlint::DocumentOptions document = linter->document;
    switch (format) {
      case DRAFTLINT_FORMAT_TEXT: document.format = draftlint::InputFormat::text; break;
      case DRAFTLINT_FORMAT_MARKDOWN: document.format = draftlint::InputFormat::markdown; break;
      case DRAFTLINT_FORMAT_HTML: document.format = draftlint::InputFormat::html; break;
      default: return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "unknown draftlint_format ", std::to_string(format));
    }
    const std::string_view view = text_len == 0 ? std::string_view() : std::string_view(text, text_len);
    if (auto bad = draftlint::find_invalid_utf8(view)) {
      return fail(DRAFTLINT_ERROR_INVALID_UTF8, "the text is not UTF-8: invalid byte at offset ", std::to_string(*bad));
    }
    auto result = std::make_unique<draftlint_result>();
    const draftlint::LineIndex lines(view);
    for (draftlint::Diagnostic& diagnostic : linter->linter->lint(view, document)) {
      draftlint_result::Entry entry{std::move(diagnostic), {}, {}};
      const std::string_view start_line = lines.line_text(entry.diagnostic.start.line);
      const std::string_view end_line = lines.line_text(entry.diagnostic.end.line);
      for (std::size_t u = 0; u < draftlint_result::kUnits; ++u) {
        const auto unit = static_cast<draftlint_unit>(u);
        entry.start_column[u] = draftlint::capi::column_in(start_line, entry.diagnostic.start.column, unit);
        entry.end_column[u] = draftlint::capi::column_in(end_line, entry.diagnostic.end.column, unit);
      }
      result->entries.push_back(std::move(entry));
    }
    *out_result = result.release();
    return DRAFTLINT_OK;
  });
}

// --- Result ---

void draftlint_result_free(draftlint_result* result) noexcept { delete result; }

draftlint_status draftlint_result_count(const draftlint_result* result, size_t* out_count) noexcept {
  if (out_count == nullptr) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "out_count is NULL");
  *out_count = 0;
  if (result == nullptr) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "the result is NULL");
  *out_count = result->entries.size();
  return DRAFTLINT_OK;
}

draftlint_status draftlint_result_rule(const draftlint_result* result, size_t index, const char** out_rule,
                                       size_t* out_rule_len) noexcept {
  return string_field(result, index, out_rule, out_rule_len, [](const draftlint::Diagnostic& d) -> const std::string& {
    return d.rule;
  });
}

draftlint_status draftlint_result_severity(const draftlint_result* result, size_t index,
                                           draftlint_severity* out_severity) noexcept {
  if (out_severity == nullptr) return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "out_severity is NULL");
  *out_severity = 0;
  return with_entry(result, index, [&](const draftlint_result::Entry& entry) -> draftlint_status {
    *out_severity = static_cast<draftlint_severity>(entry.diagnostic.severity);
    return DRAFTLINT_OK;
  });
}

draftlint_status draftlint_result_message(const draftlint_result* result, size_t index, const char** out_message,
                                          size_t* out_message_len) noexcept {
  return string_field(result, index, out_message, out_message_len,
                      [](const draftlint::Diagnostic& d) -> const std::string& { return d.message; });
}

draftlint_status draftlint_result_span(const draftlint_result* result, size_t index, size_t* out_offset,
                                       size_t* out_length) noexcept {
  if (out_offset == nullptr || out_length == nullptr) {
    return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "an out-parameter is NULL");
  }
  *out_offset = 0;
  *out_length = 0;
  return with_entry(result, index, [&](const draftlint_result::Entry& entry) -> draftlint_status {
    *out_offset = entry.diagnostic.offset;
    *out_length = entry.diagnostic.length;
    return DRAFTLINT_OK;
  });
}

draftlint_status draftlint_result_start(const draftlint_result* result, size_t index, draftlint_unit unit,
                                        int32_t* out_line, int32_t* out_column) noexcept {
  return position_field(result, index, unit, out_line, out_column, false);
}

draftlint_status draftlint_result_end(const draftlint_result* result, size_t index, draftlint_unit unit,
                                      int32_t* out_line, int32_t* out_column) noexcept {
  return position_field(result, index, unit, out_line, out_column, true);
}

draftlint_status draftlint_result_match(const draftlint_result* result, size_t index, const char** out_match,
                                        size_t* out_match_len) noexcept {
  return string_field(result, index, out_match, out_match_len,
                      [](const draftlint::Diagnostic& d) -> const std::string& { return d.match; });
}

draftlint_status draftlint_result_fix(const draftlint_result* result, size_t index, int32_t* out_has_fix,
                                      size_t* out_offset, size_t* out_length, const char** out_replacement,
                                      size_t* out_replacement_len) noexcept {
  if (out_has_fix == nullptr || out_offset == nullptr || out_length == nullptr || out_replacement == nullptr ||
      out_replacement_len == nullptr) {
    return fail(DRAFTLINT_ERROR_INVALID_ARGUMENT, "an out-parameter is NULL");
  }
  *out_has_fix = 0;
  *out_offset = 0;
  *out_length = 0;
  *out_replacement = nullptr;
  *out_replacement_len = 0;
  return with_entry(result, index, [&](const draftlint_result::Entry& entry) -> draftlint_status {
    const auto& fix = entry.diagnostic.fix;
    if (!fix) return DRAFTLINT_OK;
    *out_has_fix = 1;
    *out_offset = fix->offset;
    *out_length = fix->length;
    return borrow(fix->replacement, out_replacement, out_replacement_len);
  });
}

}  // extern "C"
