// Pathologically nested HTML is still read: past the nesting guard the tags become unit
// breaks instead of going through the HTML parser, whose time grows with depth squared.
#include <gtest/gtest.h>

#include <string>

#include <draftlint/draftlint.hpp>

namespace {

std::shared_ptr<const draftlint::Linter> probe() {
  const auto loaded = draftlint::RuleSet::load_string(
      "kind: existence\nseverity: warning\nmessage: m\ntokens: [rest assured]\n", "probe.yml");
  return draftlint::Linter::compile(loaded.rules).linter;
}

TEST(HtmlDepth, DeeplyNestedHtmlIsLintedAtTheRightPlace) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  const std::size_t text_at = html.size();
  html += "Rest assured, it works.<script>rest assured</script>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  const auto ds = probe()->lint(html, draftlint::DocumentOptions{draftlint::InputFormat::html, {}, false});
  ASSERT_EQ(ds.size(), 1u);  // the script's text is still skipped
  EXPECT_EQ(ds[0].offset, text_at);
  EXPECT_EQ(ds[0].match, "Rest assured");
}

TEST(HtmlDepth, OrdinaryNestingStillGoesThroughTheParser) {
  // An attribute value is prose only for the real parser (alt), never for the fallback.
  const std::string html = "<div><p>Fine.</p><img alt=\"rest assured\"></div>";
  const auto ds = probe()->lint(html, draftlint::DocumentOptions{draftlint::InputFormat::html, {}, false});
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "rest assured");
}

}  // namespace
