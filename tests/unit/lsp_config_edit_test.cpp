// The edits behind the language server's "disable" code actions (an internal header: these
// are the server's building blocks, tested directly because every case is a text transform).
#include <string>

#include <gtest/gtest.h>

#include "../../lib/src/lsp/config_edit.h"

namespace {

using draftlint::InputFormat;
using draftlint::lsp::add_to_ignore;
using draftlint::lsp::suppression_comment;
using draftlint::lsp::suppression_extend_point;

// The configuration after the edit, or "unchanged".
std::string edited(const std::string& text, const std::string& rule) {
  const auto edit = add_to_ignore(text, rule);
  if (!edit) return "unchanged";
  std::string out = text;
  out.replace(edit->offset, edit->length, edit->text);
  return out;
}

}  // namespace

TEST(LspConfigEdit, AddsToABlockList) {
  EXPECT_EQ(edited("builtin: true\nignore:\n  - a\n  - b # why\nfail_on: error\n", "c"),
            "builtin: true\nignore:\n  - a\n  - b # why\n  - c\nfail_on: error\n");
  EXPECT_EQ(edited("ignore:\n- a\n\n# note\nselect: [x]\n", "c"), "ignore:\n- a\n- c\n\n# note\nselect: [x]\n");
  EXPECT_EQ(edited("ignore:\n    - a", "c"), "ignore:\n    - a\n    - c");
  EXPECT_EQ(edited("ignore:\r\n  - a\r\n", "c"), "ignore:\r\n  - a\r\n  - c\r\n");
  EXPECT_EQ(edited("ignore:\nselect: [x]\n", "c"), "ignore:\n  - c\nselect: [x]\n");
}

TEST(LspConfigEdit, AddsToAFlowList) {
  EXPECT_EQ(edited("ignore: [a, b]  # two\n", "c"), "ignore: [a, b, c]  # two\n");
  EXPECT_EQ(edited("ignore: []\n", "c"), "ignore: [c]\n");
  EXPECT_EQ(edited("ignore: [\n  a,\n  b\n]\n", "c"), "ignore: [\n  a,\n  b, c\n]\n");
}

TEST(LspConfigEdit, AddsAnIgnoreKeyWhenThereIsNone) {
  EXPECT_EQ(edited("builtin: true\n", "c"), "builtin: true\nignore:\n  - c\n");
  EXPECT_EQ(edited("builtin: true", "c"), "builtin: true\nignore:\n  - c\n");
  EXPECT_EQ(edited("", "c"), "ignore:\n  - c\n");
  // An `ignore` inside overrides is not the top-level key.
  EXPECT_EQ(edited("overrides:\n  - files: [x]\n    ignore: [a]\n", "c"), "overrides:\n  - files: [x]\n    ignore: [a]\nignore:\n  - c\n");
}

TEST(LspConfigEdit, LeavesAlreadyIgnoredRulesAndNonListsAlone) {
  EXPECT_EQ(edited("ignore: [a, 'c']\n", "c"), "unchanged");
  EXPECT_EQ(edited("ignore:\n  - \"c\"\n", "c"), "unchanged");
  EXPECT_EQ(edited("ignore: c\n", "c"), "unchanged");
  EXPECT_EQ(edited("ignore:\n  key: value\n", "c"), "unchanged");
}

TEST(LspConfigEdit, SuppressionCommentsFollowTheDocumentSyntax) {
  EXPECT_EQ(suppression_comment("notice.txt", InputFormat::text, "platitude"), "draftlint-disable-next-line platitude");
  EXPECT_EQ(suppression_comment("notice.md", InputFormat::markdown, "platitude"), "<!-- draftlint-disable-next-line platitude -->");
  EXPECT_EQ(suppression_comment("mail.html", InputFormat::html, "platitude"), "<!-- draftlint-disable-next-line platitude -->");
  EXPECT_EQ(suppression_comment("mail.txt.j2", InputFormat::text, "platitude"), "{# draftlint-disable-next-line platitude #}");
  EXPECT_EQ(suppression_comment("mail.HBS", InputFormat::html, "platitude"), "{{! draftlint-disable-next-line platitude }}");
}

TEST(LspConfigEdit, ExtendsADirectiveAlreadyAboveTheLine) {
  EXPECT_EQ(suppression_extend_point("draftlint-disable-next-line a  ", "n.txt", InputFormat::text), 29u);
  EXPECT_EQ(suppression_extend_point("  <!-- draftlint-disable-next-line a, b -->", "n.md", InputFormat::markdown), 39u);
  EXPECT_EQ(suppression_extend_point("{# draftlint-disable-next-line a #}", "m.txt.j2", InputFormat::text), 32u);
  EXPECT_EQ(suppression_extend_point("{{! draftlint-disable-next-line a }}", "m.hbs", InputFormat::html), 33u);
  // Not a directive, another syntax, a directive for every rule, or text after the comment.
  EXPECT_EQ(suppression_extend_point("Rest assured.", "n.txt", InputFormat::text), std::nullopt);
  EXPECT_EQ(suppression_extend_point("<!-- draftlint-disable-next-line a -->", "n.txt", InputFormat::text), std::nullopt);
  EXPECT_EQ(suppression_extend_point("<!-- draftlint-disable-next-line -->", "n.md", InputFormat::markdown), std::nullopt);
  EXPECT_EQ(suppression_extend_point("<!-- draftlint-disable-next-line a --> text", "n.md", InputFormat::markdown), std::nullopt);
  EXPECT_EQ(suppression_extend_point("<!-- draftlint-disable a -->", "n.md", InputFormat::markdown), std::nullopt);
}
