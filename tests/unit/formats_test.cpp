// Input formats (Markdown, HTML e-mail, plain text): which bytes are prose, where sentences
// end, and that every finding's line, column, offset, length and match are those of the
// ORIGINAL file — whatever markup, entities, multi-byte characters or CRLF it holds.
//
// Probe rules:
//   word    existence: sorry, don't, rest assured, Q&A
//   opener  existence: sorry, but only where it starts its sentence (not_before: \S), which
//           shows where the format ends a sentence or unit
#include <algorithm>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

namespace {

using draftlint::Diagnostic;
using draftlint::DocumentOptions;
using draftlint::InputFormat;
using draftlint::Linter;
using draftlint::RuleSet;

constexpr std::string_view kWord =
    "kind: existence\nmessage: m\nseverity: warning\ntokens: [sorry, \"don't\", rest assured, \"Q&A\"]\n";
constexpr std::string_view kOpener =
    "kind: existence\nmessage: m\nseverity: warning\ntokens: [sorry]\nnot_before: ['\\S']\n";
constexpr std::string_view kSwap =
    "kind: substitution\nmessage: \"Use '{replacement}'.\"\nseverity: suggestion\nswap:\n  prior to: before\n";

std::shared_ptr<const Linter> compile(const std::vector<std::pair<std::string_view, std::string_view>>& rules) {
  RuleSet set;
  for (const auto& [id, yaml] : rules) {
    const auto loaded = RuleSet::load_string(yaml, std::string(id) + ".yml");
    for (const auto& p : loaded.problems) ADD_FAILURE() << p.to_string();
    set.merge(loaded.rules);
  }
  const auto compiled = Linter::compile(set);
  for (const auto& p : compiled.problems) ADD_FAILURE() << p.to_string();
  return compiled.linter;
}

// "rule L:C-L:C match" per finding; also checks that match, start and end agree with the
// original text at offset/length.
std::string show(const std::vector<Diagnostic>& ds, std::string_view text) {
  const draftlint::LineIndex lines(text);
  std::string out;
  for (const Diagnostic& d : ds) {
    EXPECT_LE(d.offset + d.length, text.size()) << d.rule;
    if (d.offset + d.length <= text.size()) {
      EXPECT_EQ(d.match, text.substr(d.offset, d.length)) << d.rule << " at " << d.offset;
      EXPECT_EQ(d.start, lines.position(d.offset)) << d.rule << " at " << d.offset;
      EXPECT_EQ(d.end, lines.position(d.offset + d.length)) << d.rule << " at " << d.offset;
    }
    out += d.rule + " " + std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + "-" +
           std::to_string(d.end.line) + ":" + std::to_string(d.end.column) + " " + d.match + "\n";
  }
  return out;
}

std::string lint(std::string_view rule, std::string_view yaml, std::string_view text, InputFormat format,
                 std::vector<std::string> front_matter = {}) {
  const auto linter = compile({{rule, yaml}});
  if (!linter) return "<no linter>";
  DocumentOptions options;
  options.format = format;
  options.front_matter = std::move(front_matter);
  return show(linter->lint(text, options), text);
}

std::string word(std::string_view text, InputFormat format, std::vector<std::string> front_matter = {}) {
  return lint("word", kWord, text, format, std::move(front_matter));
}
std::string opener(std::string_view text, InputFormat format) { return lint("opener", kOpener, text, format); }

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(DRAFTLINT_FIXTURES) + "/inputs/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

// --- format_for_path / parse_input_format ------------------------------------------------------

TEST(InputFormats, FormatForPathMapsKnownExtensions) {
  using draftlint::format_for_path;
  EXPECT_EQ(format_for_path("a.md"), InputFormat::markdown);
  EXPECT_EQ(format_for_path("dir/a.markdown"), InputFormat::markdown);
  EXPECT_EQ(format_for_path("a.html"), InputFormat::html);
  EXPECT_EQ(format_for_path("a.htm"), InputFormat::html);
  EXPECT_EQ(format_for_path("a.txt"), InputFormat::text);
  EXPECT_EQ(format_for_path("a.text"), InputFormat::text);
}

TEST(InputFormats, FormatForPathUsesInnerExtensionOfTemplates) {
  using draftlint::format_for_path;
  EXPECT_EQ(format_for_path("mail.html.j2"), InputFormat::html);
  EXPECT_EQ(format_for_path("note.md.hbs"), InputFormat::markdown);
  EXPECT_EQ(format_for_path("x.liquid"), InputFormat::text);
  EXPECT_EQ(format_for_path("x.j2"), InputFormat::text);
  EXPECT_EQ(format_for_path("mail.htm.mustache"), InputFormat::html);
  EXPECT_EQ(format_for_path("notes/x.txt.jinja2"), InputFormat::text);
  EXPECT_EQ(format_for_path("x.md.tmpl"), InputFormat::markdown);
  EXPECT_EQ(format_for_path("x.html.handlebars"), InputFormat::html);
  EXPECT_EQ(format_for_path("x.markdown.jinja"), InputFormat::markdown);
}

TEST(InputFormats, FormatForPathRejectsUnknownExtensions) {
  using draftlint::format_for_path;
  EXPECT_EQ(format_for_path("x.pdf"), std::nullopt);
  EXPECT_EQ(format_for_path("README"), std::nullopt);
  EXPECT_EQ(format_for_path("x.docx"), std::nullopt);
}

TEST(InputFormats, ParsesFormatNames) {
  using draftlint::parse_input_format;
  EXPECT_EQ(parse_input_format("markdown"), InputFormat::markdown);
  EXPECT_EQ(parse_input_format("md"), InputFormat::markdown);
  EXPECT_EQ(parse_input_format("html"), InputFormat::html);
  EXPECT_EQ(parse_input_format("htm"), InputFormat::html);
  EXPECT_EQ(parse_input_format("text"), InputFormat::text);
  EXPECT_EQ(parse_input_format("txt"), InputFormat::text);
  EXPECT_EQ(parse_input_format("pdf"), std::nullopt);
  EXPECT_EQ(draftlint::to_string(InputFormat::markdown), "markdown");
  EXPECT_EQ(draftlint::to_string(InputFormat::html), "html");
  EXPECT_EQ(draftlint::to_string(InputFormat::text), "text");
}

// --- Markdown ------------------------------------------------------------------------------------

TEST(MarkdownFormat, LintsParagraphsHeadingsListsQuotesAndTableCells) {
  const std::string text =
      "# Sorry for the wait\n\nWe are sorry.\n\n- An item, sorry\n- Another\n\n> A quote: sorry\n\n"
      "| Col | Note |\n|-----|------|\n| one | sorry |\n";
  EXPECT_EQ(word(text, InputFormat::markdown),
            "word 1:3-1:8 Sorry\n"
            "word 3:8-3:13 sorry\n"
            "word 5:12-5:17 sorry\n"
            "word 8:12-8:17 sorry\n"
            "word 12:9-12:14 sorry\n");
}

TEST(MarkdownFormat, SkipsCodeLinkDestinationsUrlsAndHtml) {
  const std::string text =
      "Use `sorry` here.\n"
      "\n"
      "```\n"
      "sorry in a fence\n"
      "```\n"
      "\n"
      "    sorry indented\n"
      "\n"
      "See [the page](https://example.com/sorry \"title\") and <https://example.com/sorry>.\n"
      "Also https://example.com/sorry and www.example.com/sorry and sorry@example.com here.\n"
      "\n"
      "Inline <span title=\"sorry\">html</span> and <!-- sorry --> comment.\n"
      "\n"
      "<!-- sorry\n"
      "still sorry -->\n"
      "\n"
      "<div class=\"sorry\">\n"
      "</div>\n"
      "\n"
      "[so sorry](https://example.com/a) is prose.\n";
  EXPECT_EQ(word(text, InputFormat::markdown), "word 20:5-20:10 sorry\n");
  // The same bytes as plain text: every "sorry" counts (the skipping is Markdown's doing).
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 20);
  const std::string plain = word(text, InputFormat::text);
  EXPECT_EQ(std::count(plain.begin(), plain.end(), '\n'), 14) << plain;
}

TEST(MarkdownFormat, LintsOnlyTheFrontMatterFieldsAsked) {
  const std::string text =
      "---\ntitle: Sorry, we are late\nsubject: \"We are sorry\"\ntags: [sorry]\n---\n\nBody: sorry.\n";
  EXPECT_EQ(word(text, InputFormat::markdown), "word 7:7-7:12 sorry\n");
  EXPECT_EQ(word(text, InputFormat::markdown, {"subject"}),
            "word 3:18-3:23 sorry\n"
            "word 7:7-7:12 sorry\n");
  EXPECT_EQ(word(text, InputFormat::markdown, {"subject", "title"}),
            "word 2:8-2:13 Sorry\n"
            "word 3:18-3:23 sorry\n"
            "word 7:7-7:12 sorry\n");
}

TEST(MarkdownFormat, LintsFrontMatterFieldWhenLinesEndWithCrlf) {
  const std::string text =
      "---\r\ntitle: Sorry, we are late\r\nsubject: \"We are sorry\"\r\ntags: [sorry]\r\n---\r\n\r\nBody: sorry.\r\n";
  EXPECT_EQ(word(text, InputFormat::markdown, {"subject"}),
            "word 3:18-3:23 sorry\n"
            "word 7:7-7:12 sorry\n");
}

TEST(MarkdownFormat, FrontMatterFieldIsAUnitOfItsOwn) {
  const std::string text = "---\nsubject: Your order is delayed\n---\nsorry about that.\n";
  const auto linter = compile({{"opener", kOpener}});
  ASSERT_TRUE(linter);
  DocumentOptions options;
  options.format = InputFormat::markdown;
  options.front_matter = {"subject"};
  EXPECT_EQ(show(linter->lint(text, options), text), "opener 4:1-4:6 sorry\n");
}

TEST(MarkdownFormat, EndsSentenceAtHeading) {
  EXPECT_EQ(opener("# Your order is delayed\nsorry about that.\n", InputFormat::markdown), "opener 2:1-2:6 sorry\n");
  EXPECT_EQ(opener("Your order is delayed\n=====================\nsorry about that.\n", InputFormat::markdown),
            "opener 3:1-3:6 sorry\n");
  // Control: a wrapped paragraph line is the same sentence.
  EXPECT_EQ(opener("Your order is delayed\nsorry about that.\n", InputFormat::markdown), "");
}

TEST(MarkdownFormat, EndsSentenceAtEachListItem) {
  EXPECT_EQ(opener("- Your order is delayed\n- sorry about that\n", InputFormat::markdown), "opener 2:3-2:8 sorry\n");
  EXPECT_EQ(opener("1. Your order is delayed\n2. sorry about that\n", InputFormat::markdown), "opener 2:4-2:9 sorry\n");
  EXPECT_EQ(opener("- Your order is delayed, sorry about that\n", InputFormat::markdown), "");
}

TEST(MarkdownFormat, EndsSentenceAtEachTableCell) {
  const std::string text = "| Status | Note |\n|---|---|\n| delayed | sorry for it |\n";
  EXPECT_EQ(opener(text, InputFormat::markdown), "opener 3:13-3:18 sorry\n");
  // As plain text the row is one sentence.
  EXPECT_EQ(opener(text, InputFormat::text), "");
}

TEST(MarkdownFormat, KeepsOriginalPositionsWithMultibyteTextAndCrlf) {
  const std::string text =
      "Caf\u00e9 \U0001F600 sorry\r\n\r\n# D\u00e9sol\u00e9, sorry\r\n\r\n- \u00fcber sorry\r\n\r\n"
      "We are\r\nsorry and rest\r\nassured.\r\n";
  EXPECT_EQ(word(text, InputFormat::markdown),
            "word 1:8-1:13 sorry\n"
            "word 3:11-3:16 sorry\n"
            "word 5:8-5:13 sorry\n"
            "word 8:1-8:6 sorry\n"
            "word 8:11-9:8 rest\r\nassured\n");
}

TEST(MarkdownFormat, IgnoresLeadingBomInPositions) {
  const std::string text = "\xEF\xBB\xBF# Title\n\nWe are sorry.\n";
  EXPECT_EQ(word(text, InputFormat::markdown), "word 3:8-3:13 sorry\n");
}

// --- HTML e-mail ---------------------------------------------------------------------------------

TEST(HtmlFormat, LintsTextNodesAltAndTitleOnly) {
  const std::string text =
      "<html><head><title>sorry</title><style>.sorry { color: red }</style></head>\n"
      "<body>\n"
      "<script>var sorry = 1;</script>\n"
      "<p class=\"sorry\" data-note=\"sorry\">We are sorry.</p>\n"
      "<img src=\"sorry.png\" alt=\"So sorry\" title=\"Sorry again\">\n"
      "<a href=\"https://example.com/sorry\">link</a>\n"
      "<!-- sorry -->\n"
      "<noscript>sorry</noscript>\n"
      "</body></html>\n";
  EXPECT_EQ(word(text, InputFormat::html),
            "word 4:43-4:48 sorry\n"
            "word 5:30-5:35 sorry\n"
            "word 5:44-5:49 Sorry\n");
}

TEST(HtmlFormat, ReadsAltAndTitleWhateverTheCaseAndQuotes) {
  const std::string text = "<IMG SRC='x.png' ALT='Don&rsquo;t worry'><SPAN TITLE=sorry>x</SPAN>\n";
  EXPECT_EQ(word(text, InputFormat::html),
            "word 1:23-1:34 Don&rsquo;t\n"
            "word 1:54-1:59 sorry\n");
}

TEST(HtmlFormat, EndsSentenceAtBlockElementsAndBr) {
  EXPECT_EQ(opener("<p>Your order is delayed</p><p>sorry for that</p>\n", InputFormat::html), "opener 1:32-1:37 sorry\n");
  EXPECT_EQ(opener("<div>Your order is delayed<br>sorry for that</div>\n", InputFormat::html),
            "opener 1:31-1:36 sorry\n");
  EXPECT_EQ(opener("<table><tr><td>delayed</td><td>sorry</td></tr></table>\n", InputFormat::html),
            "opener 1:32-1:37 sorry\n");
  EXPECT_EQ(opener("<ul><li>delayed</li><li>sorry</li></ul>\n", InputFormat::html), "opener 1:25-1:30 sorry\n");
  EXPECT_EQ(opener("<h1>Delayed</h1>sorry for that\n", InputFormat::html), "opener 1:17-1:22 sorry\n");
}

TEST(HtmlFormat, KeepsSentenceAcrossInlineElementsAndLineBreaks) {
  EXPECT_EQ(opener("<p>Your order is <b>delayed</b> sorry for that</p>\n", InputFormat::html), "");
  EXPECT_EQ(opener("<p>Your order is <a href=\"#\">delayed</a>\nsorry for that</p>\n", InputFormat::html), "");
  EXPECT_EQ(opener("<p>Your order is delayed,\r\nsorry for that</p>\r\n", InputFormat::html), "");
}

TEST(HtmlFormat, DecodesEntitiesForMatchingButReportsOriginalBytes) {
  const std::string text =
      "<p>We don&rsquo;t know yet.</p>\n"
      "<p>Q&amp;A session: rest&nbsp;assured.</p>\n"
      "<p>Don&#39;t panic. Don&#x2019;t wait.</p>\n"
      "<p>&ldquo;Caf\u00e9&rdquo; &mdash; sorry</p>\n";
  EXPECT_EQ(word(text, InputFormat::html),
            "word 1:7-1:18 don&rsquo;t\n"
            "word 2:4-2:11 Q&amp;A\n"
            "word 2:21-2:38 rest&nbsp;assured\n"
            "word 3:4-3:13 Don&#39;t\n"
            "word 3:21-3:33 Don&#x2019;t\n"
            "word 4:31-4:36 sorry\n");
}

TEST(HtmlFormat, IgnoresLeadingBomInPositions) {
  EXPECT_EQ(word("\xEF\xBB\xBF<p>We are sorry.</p>\n", InputFormat::html), "word 1:11-1:16 sorry\n");
}

TEST(HtmlFormat, EntitiesAreNotDecodedInPlainText) {
  // Plain text is read as written: "don&rsquo;t" is not "don't".
  EXPECT_EQ(word("We don&rsquo;t know.\n", InputFormat::text), "");
}

TEST(HtmlFormat, FixCoversTheOriginalBytesOfAnEntity) {
  const auto linter = compile({{"swap", kSwap}});
  ASSERT_TRUE(linter);
  const std::string text = "<p>We met prior&nbsp;to noon.</p>\n";
  DocumentOptions options;
  options.format = InputFormat::html;
  const auto ds = linter->lint(text, options);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].offset, 10u);
  EXPECT_EQ(ds[0].length, 13u);
  EXPECT_EQ(ds[0].match, "prior&nbsp;to");
  EXPECT_EQ(ds[0].start, (draftlint::Position{1, 11}));
  EXPECT_EQ(ds[0].end, (draftlint::Position{1, 24}));
  ASSERT_TRUE(ds[0].fix);
  EXPECT_EQ(ds[0].fix->offset, 10u);
  EXPECT_EQ(ds[0].fix->length, 13u);
  EXPECT_EQ(ds[0].fix->replacement, "before");
}

TEST(HtmlFormat, KeepsOriginalPositionsWithMultibyteTextAndCrlf) {
  const std::string text = "<p>Caf\u00e9 \u00fcber\r\nsorry</p>\r\n<p>\U0001F600 &amp; sorry</p>\r\n";
  EXPECT_EQ(word(text, InputFormat::html),
            "word 2:1-2:6 sorry\n"
            "word 3:12-3:17 sorry\n");
}

// A realistic HTML e-mail: head with title and style, a hidden preheader, layout tables with
// inline styles, a data table, a link with a tracking URL, a footer with entities.
TEST(HtmlFormat, RealisticEmailHasFindingsAtKnownPlaces) {
  const std::string text = read_fixture("order-delay-email.html");
  ASSERT_FALSE(text.empty());
  const auto linter = compile({
      {"platitude-probe",
       "kind: existence\nmessage: m\nseverity: warning\n"
       "tokens: [rest assured, we value your business, any inconvenience]\n"},
      {"blame-probe", "kind: existence\nmessage: m\nseverity: error\ntokens: [our courier, technical difficulties]\n"},
      {"minimizing-probe", "kind: existence\nmessage: m\nseverity: warning\ntokens: [\"don't worry\", just a small]\n"},
  });
  ASSERT_TRUE(linter);
  DocumentOptions options;
  options.format = InputFormat::html;
  EXPECT_EQ(show(linter->lint(text, options), text),
            "platitude-probe 12:92-12:104 rest assured\n"
            "blame-probe 19:88-19:110 technical difficulties\n"
            "blame-probe 19:114-19:125 our courier\n"
            "minimizing-probe 19:149-19:166 Don&rsquo;t worry\n"
            "minimizing-probe 23:85-23:97 just a small\n"
            "platitude-probe 25:10-25:32 We value your business\n"
            "platitude-probe 25:51-25:68 any inconvenience\n"
            "platitude-probe 32:50-32:67 Rest&nbsp;assured\n");
}
