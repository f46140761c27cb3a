// The Linter: a compiled, immutable rule set that lints texts, safely from many threads.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "draftlint/diagnostic.h"
#include "draftlint/rules.h"

namespace draftlint {

namespace detail {
struct CompiledRules;
}

// Which rules run and how loud they are. Defaults: every rule, at its own severity.
//   select    only these rule ids run (empty = all)
//   ignore    these rule ids never run (wins over select)
//   severity  per-rule severity overrides
//   accept    phrases never flagged: a finding on a span that overlaps one is dropped
//             (findings about a whole sentence or document, like a missing timeline, stay)
struct LintOptions {
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::map<std::string, Severity, std::less<>> severity;
  std::vector<std::string> accept;
};

// What kind of file a text is. Template syntax ({{ x }}, {% if %}, {name}, %s) is recognised
// in every format.
enum class InputFormat { text, markdown, html };

std::string_view to_string(InputFormat format);
// "text" | "markdown" | "html" (also "md", "txt", "htm"); nullopt otherwise.
std::optional<InputFormat> parse_input_format(std::string_view name);
// By extension: .md .markdown → markdown; .html .htm → html; .txt → text; template
// extensions (.j2 .jinja .jinja2 .liquid .hbs .handlebars .mustache .tmpl) → the format of
// the inner extension ("mail.html.j2" → html), else text. nullopt for anything else.
std::optional<InputFormat> format_for_path(const std::filesystem::path& path);

// How to read one document.
//   format                  how to find the prose (default plain text)
//   front_matter            Markdown front-matter fields linted as prose (e.g. "subject")
//   report_unused_disables  add an "unused-disable" finding for each suppression comment
//                           that silenced nothing
struct DocumentOptions {
  InputFormat format = InputFormat::text;
  std::vector<std::string> front_matter;
  bool report_unused_disables = false;
};

// The pseudo-rule id of findings about suppression comments that silenced nothing.
inline constexpr std::string_view kUnusedDisableRule = "unused-disable";

struct CompileResult;

// Compiles once, lints many. All matching is RE2 (linear time in the text, whatever the rule
// files say). A text is first scanned once to learn which patterns can match; only those are
// then run to locate their spans. That first scan starts as a literal prefilter, which costs
// nothing to set up (the built-in pack's literals are computed at build time), and becomes one
// RE2::Set of every pattern, exact but tens of milliseconds to compile, once the linter has
// seen 512 KiB of text or been told to expect that much (expect()).
class Linter {
 public:
  // Builds the matcher for `rules` as filtered by `options`. An unknown id in select, ignore
  // or severity, or an `accept` phrase that does not compile, is a Problem (the linter is
  // still built). If RE2 refuses the combined pattern set (too large for its memory budget;
  // checked here for packs with many patterns the prefilter cannot filter, such as most user
  // packs, and later the prefilter simply stays) there is no linter. The linter is usable whenever `linter` is non-null.
  static CompileResult compile(const RuleSet& rules, const LintOptions& options = {});

  // Lints UTF-8 text (a leading BOM is ignored; CRLF is fine). Returns the findings sorted by
  // offset, then rule id. Const and thread-safe: one Linter may serve many threads at once.
  std::vector<Diagnostic> lint(std::string_view text) const;

  // Lints a document of the given format. Findings point at the original bytes (line and
  // column of the file as written, whatever markup or entities it holds). Suppression
  // comments (<!-- draftlint-disable rule --> and friends, see docs/configuration.md) apply.
  std::vector<Diagnostic> lint(std::string_view text, const DocumentOptions& options) const;

  // The same findings as lint(text, options), for a caller that owns the text: template
  // syntax is masked in `text` itself rather than in a copy (which would cost as much memory
  // as the text), and put back before this returns, also when it throws. `text` is written
  // to meanwhile, so no other thread may read it during the call.
  std::vector<Diagnostic> lint_in_place(std::string& text, const DocumentOptions& options = {}) const;

  // The same findings again, in the same order, handed to `each` one at a time rather than
  // returned together: for a large text, where they would take more memory than the text
  // (a Diagnostic with its strings is some 300 bytes). `text` is as given again whenever
  // `each` is called, so `each` may read it.
  void lint_in_place(std::string& text, const DocumentOptions& options,
                     const std::function<void(Diagnostic&&)>& each) const;

  // A hint that about `bytes` of text in all will be linted with this linter (say, the size of
  // the files of a CI run). From 512 KiB the linter compiles its pattern set at the next
  // lint() rather than first paying for the prefilter's extra work. Findings never depend on
  // it. Thread-safe.
  void expect(std::size_t bytes) const;

  // The rules this linter runs (after select/ignore), with severities as overridden.
  const RuleSet& rules() const;

  ~Linter();
  // Not copyable or movable: built once and shared through shared_ptr<const Linter>.
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

 private:
  Linter();
  std::unique_ptr<detail::CompiledRules> impl_;
};

struct CompileResult {
  std::shared_ptr<const Linter> linter;
  std::vector<Problem> problems;
  bool ok() const { return problems.empty(); }
};

}  // namespace draftlint
