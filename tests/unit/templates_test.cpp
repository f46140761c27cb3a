// Template syntax in every input format: Jinja2/Liquid/Django, Handlebars/Mustache, ICU and
// printf placeholders. A placeholder is never a word to flag and never ends a sentence; a
// placeholder named like a time counts as a concrete time for `required: ['@time']`; control
// tags cause no false findings; positions stay those of the original file.
#include <algorithm>
#include <fstream>
#include <memory>
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

std::shared_ptr<const Linter> compile(const std::vector<std::pair<std::string_view, std::string>>& rules) {
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

std::string existence(std::string_view tokens) {
  return "kind: existence\nmessage: m\nseverity: warning\ntokens: " + std::string(tokens) + "\n";
}

const std::string kTimeline =
    "kind: required\nmessage: Say when.\nseverity: warning\nscope: document\npatterns: ['@time']\n";

std::string show(const std::vector<Diagnostic>& ds, std::string_view text) {
  const draftlint::LineIndex lines(text);
  std::string out;
  for (const Diagnostic& d : ds) {
    if (d.offset + d.length <= text.size()) {
      EXPECT_EQ(d.match, text.substr(d.offset, d.length)) << d.rule;
      EXPECT_EQ(d.start, lines.position(d.offset)) << d.rule;
      EXPECT_EQ(d.end, lines.position(d.offset + d.length)) << d.rule;
    } else {
      ADD_FAILURE() << d.rule << " past the end";
    }
    out += d.rule + " " + std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + "-" +
           std::to_string(d.end.line) + ":" + std::to_string(d.end.column) + " " + d.match + "\n";
  }
  return out;
}

std::string run(const std::shared_ptr<const Linter>& linter, std::string_view text, InputFormat format,
                std::vector<std::string> front_matter = {}) {
  if (!linter) return "<no linter>";
  DocumentOptions options;
  options.format = format;
  options.front_matter = std::move(front_matter);
  return show(linter->lint(text, options), text);
}

struct Wrapped {
  InputFormat format;
  std::string text;
  std::size_t prefix;  // bytes before the line's content
};

// One line of prose as a document of each format.
std::vector<Wrapped> in_every_format(const std::string& line) {
  return {{InputFormat::text, line + "\n", 0},
          {InputFormat::markdown, line + "\n", 0},
          {InputFormat::html, "<p>" + line + "</p>\n", 3}};
}

std::string name_of(InputFormat f) { return std::string(draftlint::to_string(f)); }

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(DRAFTLINT_FIXTURES) + "/inputs/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(Templates, PlaceholderIsNeverAWordToFlag) {
  const auto linter = compile({{"word", existence("[name, thanks]")}});
  ASSERT_TRUE(linter);
  const std::vector<std::string> tags = {
      "{{ customer.name }}", "{{customer.name}}", "{{{ customer.name }}}", "{{- customer.name | upper -}}",
      "{name}",              "{customer.name}",   "%(name)s",              "{% if name %}",
      "{# name #}",          "{{! name }}",       "{{!-- name --}}",       "{{#if name}}",
      "{{^name}}",           "{{> name}}",        "{{/name}}",             "{{ name }}"};
  for (const std::string& tag : tags) {
    for (const Wrapped& w : in_every_format("Dear " + tag + ", thanks.")) {
      // Only "thanks" is found, at its own column: the placeholder shifts nothing.
      const std::size_t column = w.prefix + 5 + tag.size() + 2 + 1;
      const std::string expected =
          "word 1:" + std::to_string(column) + "-1:" + std::to_string(column + 6) + " thanks\n";
      EXPECT_EQ(run(linter, w.text, w.format), expected) << tag << " in " << name_of(w.format);
    }
  }
  // Control: the bare word is found in every format.
  for (const Wrapped& w : in_every_format("Dear name, thanks.")) {
    EXPECT_EQ(run(linter, w.text, w.format),
              "word 1:" + std::to_string(w.prefix + 6) + "-1:" + std::to_string(w.prefix + 10) + " name\nword 1:" +
                  std::to_string(w.prefix + 12) + "-1:" + std::to_string(w.prefix + 18) + " thanks\n")
        << name_of(w.format);
  }
}

TEST(Templates, PrintfPlaceholdersAreMasked) {
  const auto linter = compile({{"word", existence("[s, d, name]")}});
  ASSERT_TRUE(linter);
  for (const std::string line : {"Hello %s, order %d is late.", "Hello %(name)s, order %1$s is late."}) {
    for (const Wrapped& w : in_every_format(line)) EXPECT_EQ(run(linter, w.text, w.format), "") << line;
  }
}

TEST(Templates, ControlTagsCauseNoFalseFindings) {
  const auto linter =
      compile({{"ctl", existence("[sorry if, else, endif, late, each, items, this, unless, shipped, endunless]")}});
  ASSERT_TRUE(linter);
  const std::vector<std::string> lines = {
      "We are sorry {% if late %}for the delay{% else %}for the wait{% endif %}.",
      "We are sorry {%- if late -%}for the delay{%- else -%}for the wait{%- endif -%}.",
      "Thanks {{#each items}}{{this}}, {{/each}}and sorry {{#if late}}for the delay{{else}}again{{/if}}.",
      "Thanks {{~#each items~}}{{this}}{{~/each~}} and sorry {{^late}}again{{/late}}.",
      "{% unless shipped %}Your parcel is waiting.{% endunless %}",
      "We are sorry {# if late, say so #}for the wait.",
  };
  for (const std::string& line : lines) {
    for (const Wrapped& w : in_every_format(line)) EXPECT_EQ(run(linter, w.text, w.format), "") << line;
  }
}

TEST(Templates, BothBranchesAreLintedAtTheirOwnColumns) {
  const auto linter = compile({{"word", existence("[sorry, good news]")}});
  ASSERT_TRUE(linter);
  const std::string line = "Update: {% if late %}Sorry, it is late.{% else %}Good news: it shipped.{% endif %}";
  for (const Wrapped& w : in_every_format(line)) {
    const std::size_t p = w.prefix + 8;
    EXPECT_EQ(run(linter, w.text, w.format), "word 1:" + std::to_string(p + 14) + "-1:" + std::to_string(p + 19) +
                                                   " Sorry\nword 1:" + std::to_string(p + 42) + "-1:" +
                                                   std::to_string(p + 51) + " Good news\n")
        << name_of(w.format);
  }
}

// Templates often start a line with a tag ({% if %}, {{ customer.name }}). Blanked to spaces,
// such a tag must not turn the Markdown paragraph into an indented code block (4+ spaces).
TEST(Templates, TagAtStartOfMarkdownParagraphLeavesItProse) {
  const auto linter = compile({{"word", existence("[sorry]")}});
  ASSERT_TRUE(linter);
  EXPECT_EQ(run(linter, "{{ customer.name }}, we are sorry.\n", InputFormat::markdown), "word 1:29-1:34 sorry\n");
  EXPECT_EQ(run(linter, "# Delay\n\n{% if late %}We are sorry.{% endif %}\n", InputFormat::markdown),
            "word 3:21-3:26 sorry\n");
  EXPECT_EQ(run(linter, "Intro.\n\n{{#if late}}\nWe are sorry.\n{{/if}}\n", InputFormat::markdown),
            "word 4:8-4:13 sorry\n");
  EXPECT_EQ(run(linter, "Intro.\n\n{%- if late -%}\nWe are sorry.\n{%- endif -%}\n", InputFormat::markdown),
            "word 4:8-4:13 sorry\n");
}

TEST(Templates, PlaceholderNeverEndsASentence) {
  // Fires only when "late … sorry" lies in one sentence.
  const auto linter = compile({{"joined", "kind: existence\nmessage: m\nseverity: warning\nscope: sentence\n"
                                          "patterns: ['\\blate\\b.*\\bsorry\\b']\n"}});
  ASSERT_TRUE(linter);
  const std::vector<std::string> one_sentence = {
      "Your order is late {{ customer.name }} and we are sorry.",
      "Your order is late {{ note | default(\"Truly. Very\") }} and we are sorry.",
      "Your order is late {order.id} and we are sorry.",
      "Your order is late {{{ Order.Id }}} and we are sorry.",
      "Your order is late {{! Note. Really. }} and we are sorry.",
      "Your order is late {# Internal. Do not send. #} and we are sorry.",
  };
  for (const std::string& line : one_sentence) {
    for (const Wrapped& w : in_every_format(line)) {
      EXPECT_NE(run(linter, w.text, w.format), "") << line << " in " << name_of(w.format);
    }
  }
  // Controls: a real sentence end still splits, also before a placeholder.
  for (const std::string line :
       {"Your order is late. And we are sorry.", "Your order is late. {{ customer.first_name }}, we are sorry."}) {
    for (const Wrapped& w : in_every_format(line)) {
      EXPECT_EQ(run(linter, w.text, w.format), "") << line << " in " << name_of(w.format);
    }
  }
}

TEST(Templates, TimeNamedPlaceholderSatisfiesRequiredTime) {
  const auto linter = compile({{"timeline", kTimeline}});
  ASSERT_TRUE(linter);
  const std::vector<std::string> times = {
      "{{ eta }}",         "{delivery_date}",   "{{ resolved_by }}",  "{{eta}}",
      "{{{ eta }}}",       "{{ deliveryDate }}", "{{ order.eta | date: \"%b %d\" }}",
      "%(ship_date)s",     "{{ due_at }}",      "{{ fix_time }}",     "{{ order.deadline }}"};
  for (const std::string& tag : times) {
    for (const Wrapped& w : in_every_format("We will ship your order by " + tag + ".")) {
      EXPECT_EQ(run(linter, w.text, w.format), "") << tag << " in " << name_of(w.format);
    }
  }
}

TEST(Templates, UpperCaseTimeNamedPlaceholderSatisfiesRequiredTime) {
  // "a word of its name is date, eta, …": DELIVERY_DATE and ETA are such names.
  const auto linter = compile({{"timeline", kTimeline}});
  ASSERT_TRUE(linter);
  for (const std::string tag : {"{DELIVERY_DATE}", "{{ ETA }}", "{{ Order.ETA }}"}) {
    for (const Wrapped& w : in_every_format("We will ship your order by " + tag + ".")) {
      EXPECT_EQ(run(linter, w.text, w.format), "") << tag << " in " << name_of(w.format);
    }
  }
}

TEST(Templates, OtherPlaceholdersAndControlTagsAreNotTimes) {
  const auto linter = compile({{"timeline", kTimeline}});
  ASSERT_TRUE(linter);
  const std::vector<std::string> not_times = {
      "{{ order_id }}", "{{ days_late }}", "{{ customer.name }}", "%s",         "{{ birthday }}",
      "{order_id}",     "{% if eta %}",    "{{#if delivery_date}}", "{# eta #}", "{{! eta }}",
      "{{ standby }}",  "{{ bylines }}"};
  for (const std::string& tag : not_times) {
    for (const Wrapped& w : in_every_format("We will ship your order " + tag + ".")) {
      const std::string out = run(linter, w.text, w.format);
      EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << tag << " in " << name_of(w.format) << ": " << out;
    }
  }
}

TEST(Templates, RequiredFindingCoversTheOriginalSentence) {
  const auto linter = compile({{"timeline", kTimeline}});
  ASSERT_TRUE(linter);
  EXPECT_EQ(run(linter, "Your order {{ order_id }} is late.\n", InputFormat::text),
            "timeline 1:1-1:35 Your order {{ order_id }} is late.\n");
  EXPECT_EQ(run(linter, "<p>Your order {{ order_id }} is late.</p>\n", InputFormat::html),
            "timeline 1:4-1:38 Your order {{ order_id }} is late.\n");
  EXPECT_EQ(run(linter, "# Late\n\nYour order {order_id} is late.\r\n", InputFormat::markdown),
            "timeline 3:1-3:31 Your order {order_id} is late.\n");
}

TEST(Templates, MultibyteInsidePlaceholderKeepsColumns) {
  const auto linter = compile({{"word", existence("[sorry]")}});
  ASSERT_TRUE(linter);
  // "Hi " and {{ naïve_café }} are 3 + 16 code points; "sorry" starts at column 1 + 19 + 1.
  for (const Wrapped& w : in_every_format("Hi {{ na\u00efve_caf\u00e9 }} sorry")) {
    EXPECT_EQ(run(linter, w.text, w.format),
              "word 1:" + std::to_string(w.prefix + 21) + "-1:" + std::to_string(w.prefix + 26) + " sorry\n")
        << name_of(w.format);
  }
}

// A realistic Jinja2 Markdown notice with front matter, a comment, if/else branches, a loop
// and filters with their own punctuation.
TEST(Templates, JinjaMarkdownFixture) {
  const std::string text = read_fixture("shipping-delay.md.j2");
  ASSERT_FALSE(text.empty());
  const auto format = draftlint::format_for_path("shipping-delay.md.j2");
  ASSERT_EQ(format, InputFormat::markdown);
  const auto linter = compile({
      {"blame-probe", existence("[our courier, the carrier]")},
      {"platitude-probe", existence("[rest assured]")},
      {"tag-probe", existence("[first_name, delay_days, can_cancel, endif, endfor, urls, currency, agent, item, "
                              "default, customer]")},
      {"timeline", kTimeline},
  });
  EXPECT_EQ(run(linter, text, *format, {"subject"}),
            "platitude-probe 10:72-10:84 Rest assured\n"
            "blame-probe 12:63-12:74 our courier\n");
}

// A realistic Handlebars plain-text notice: a block comment, if/else, each, triple-stash, a
// partial.
TEST(Templates, HandlebarsTextFixture) {
  const std::string text = read_fixture("refund-update.txt.hbs");
  ASSERT_FALSE(text.empty());
  const auto format = draftlint::format_for_path("refund-update.txt.hbs");
  ASSERT_EQ(format, InputFormat::text);
  const auto linter = compile({
      {"blame-probe", existence("[the carrier, technical difficulties]")},
      {"platitude-probe", existence("[we value your business]")},
      {"tag-probe", existence("[firstName, amountHtml, expectedDate, reviewDeadline, this, signature, else, each, "
                              "refund.approved, if]")},
      {"timeline", kTimeline},
  });
  EXPECT_EQ(run(linter, text, *format),
            "blame-probe 8:49-8:71 technical difficulties\n"
            "platitude-probe 17:1-17:23 We value your business\n");
  // Read as Markdown, the same template gives the same findings.
  EXPECT_EQ(run(linter, text, InputFormat::markdown),
            "blame-probe 8:49-8:71 technical difficulties\n"
            "platitude-probe 17:1-17:23 We value your business\n");
}
