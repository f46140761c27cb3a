// Text edits behind the "disable" code actions: a suppression comment for a document's syntax
// and adding a rule id to `ignore` in a .draftlint.yml.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "draftlint/linter.h"

namespace draftlint::lsp {

// Replace `length` bytes at byte `offset` with `text`.
struct IgnoreEdit {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string text;
};

// The edit that adds `rule` to the top-level `ignore` list of a configuration's text: a new
// item in a block list, an entry in a flow list ([a, b]), or a new `ignore` key at the end.
// nullopt when the rule is already listed or `ignore` holds something that is not a list.
std::optional<IgnoreEdit> add_to_ignore(std::string_view config_text, std::string_view rule);

// The text of a new configuration that ignores `rule`.
std::string new_config_text(std::string_view rule);

// A comment line (without indentation or line break) that silences `rule` on the next line, in
// the document's syntax: {# #} for Jinja, {{! }} for Handlebars and Mustache, <!-- --> for
// Markdown and HTML, a bare directive line for plain text.
std::string suppression_comment(std::string_view file_name, InputFormat format, std::string_view rule);

// When `line` is already a whole-line disable-next-line directive in that syntax, the byte
// offset in `line` where ", RULE" extends its rule list (a second directive line would end the
// first one's reach). nullopt otherwise.
std::optional<std::size_t> suppression_extend_point(std::string_view line, std::string_view file_name, InputFormat format);

}  // namespace draftlint::lsp
