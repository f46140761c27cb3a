// Output formats: compiler-style text (location, source line, carets, fix) and JSON.
#include <cstdlib>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

#include "text/utf8.h"

namespace {

using draftlint::Diagnostic;
using draftlint::FileReport;

std::vector<Diagnostic> lint(std::string_view yaml, std::string_view file, std::string_view text) {
  const auto loaded = draftlint::RuleSet::load_string(yaml, file);
  for (const auto& p : loaded.problems) ADD_FAILURE() << p.to_string();
  const auto compiled = draftlint::Linter::compile(loaded.rules);
  EXPECT_TRUE(compiled.linter);
  return compiled.linter ? compiled.linter->lint(text) : std::vector<Diagnostic>{};
}

std::vector<Diagnostic> lint_probe(std::string_view token, std::string_view text) {
  return lint("kind: existence\nmessage: \"Drop '{match}'.\"\nseverity: warning\ntokens: ['" + std::string(token) +
                  "']\n",
              "probe.yml", text);
}

std::vector<Diagnostic> lint_swap(std::string_view text) {
  return lint("kind: substitution\nmessage: \"Use '{replacement}'.\"\nseverity: suggestion\n"
              "swap:\n  prior to: before\n",
              "wordy.yml", text);
}

// --- a minimal JSON reader, enough to check format_json's output strictly ---------------------

struct Json {
  enum class Type { null, boolean, number, string, array, object } type = Type::null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Json> array;
  std::vector<std::pair<std::string, Json>> object;  // in document order

  const Json* find(std::string_view key) const {
    for (const auto& [k, v] : object) {
      if (k == key) return &v;
    }
    return nullptr;
  }
  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : object) out.push_back(k);
    return out;
  }
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : s_(text) {}

  // The whole text as one value; nullopt when it is not valid JSON.
  std::optional<Json> read() {
    Json v;
    if (!value(v)) return std::nullopt;
    space();
    if (i_ != s_.size()) return std::nullopt;
    return v;
  }

 private:
  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }
  bool value(Json& v) {
    space();
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '{') return object(v);
    if (c == '[') return array(v);
    if (c == '"') {
      v.type = Json::Type::string;
      return string(v.string);
    }
    if (literal("true")) return v.type = Json::Type::boolean, v.boolean = true, true;
    if (literal("false")) return v.type = Json::Type::boolean, true;
    if (literal("null")) return true;
    return number(v);
  }
  bool number(Json& v) {
    const std::size_t start = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    const std::size_t digits = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    if (i_ == digits) return false;
    if (s_[digits] == '0' && i_ - digits > 1) return false;
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      const std::size_t frac = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      if (i_ == frac) return false;
    }
    v.type = Json::Type::number;
    v.number = std::strtod(std::string(s_.substr(start, i_ - start)).c_str(), nullptr);
    return true;
  }
  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  bool string(std::string& out) {
    ++i_;  // opening quote
    while (i_ < s_.size()) {
      const char c = s_[i_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;  // control characters must be escaped
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) return false;
      const char e = s_[i_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          if (i_ + 4 > s_.size()) return false;
          const unsigned cp = static_cast<unsigned>(std::stoul(std::string(s_.substr(i_, 4)), nullptr, 16));
          i_ += 4;
          append_utf8(out, cp);
          break;
        }
        default: return false;
      }
    }
    return false;
  }
  bool array(Json& v) {
    v.type = Json::Type::array;
    ++i_;
    space();
    if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
    while (true) {
      Json item;
      if (!value(item)) return false;
      v.array.push_back(std::move(item));
      space();
      if (i_ >= s_.size()) return false;
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == ']') return ++i_, true;
      return false;
    }
  }
  bool object(Json& v) {
    v.type = Json::Type::object;
    ++i_;
    space();
    if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
    while (true) {
      space();
      if (i_ >= s_.size() || s_[i_] != '"') return false;
      std::string key;
      if (!string(key)) return false;
      space();
      if (i_ >= s_.size() || s_[i_] != ':') return false;
      ++i_;
      Json item;
      if (!value(item)) return false;
      v.object.emplace_back(std::move(key), std::move(item));
      space();
      if (i_ >= s_.size()) return false;
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == '}') return ++i_, true;
      return false;
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// A caret under the first code point and tildes under the rest: `n` code points in all.
std::string carets(std::size_t n) { return "^" + std::string(n - 1, '~'); }

Json parse_json(const std::string& text) {
  auto parsed = JsonReader(text).read();
  EXPECT_TRUE(parsed.has_value()) << "not valid JSON:\n" << text;
  return parsed.value_or(Json{});
}

std::string str(const Json& object, std::string_view key) {
  const Json* v = object.find(key);
  EXPECT_TRUE(v && v->type == Json::Type::string) << "no string '" << key << "'";
  return v && v->type == Json::Type::string ? v->string : std::string();
}

double num(const Json& object, std::string_view key) {
  const Json* v = object.find(key);
  EXPECT_TRUE(v && v->type == Json::Type::number) << "no number '" << key << "'";
  return v && v->type == Json::Type::number ? v->number : -1;
}

}  // namespace

// --- text --------------------------------------------------------------------------------------

TEST(FormatText, PrintsLocationSourceLineAndCaretsWhenFindingIsOnOneLine) {
  const std::string text = "Hello,\n\nRest assured, we value you.\n";
  const FileReport report{"notices/outage.txt", text, lint_probe("rest assured", text)};
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(draftlint::format_text(report, false),
            "notices/outage.txt:3:1: warning: Drop 'Rest assured'. [probe]\n"
            "    3 | Rest assured, we value you.\n"
            "      | " + carets(12) + "\n");  // "Rest assured" is 12 code points
}

TEST(FormatText, IndentsCaretsByCodePointsWhenLineHasMultibyteText) {
  const std::string text = "Caf\u00E9 \U0001F600 \u2014 rest assured.\n";
  const FileReport report{"n.txt", text, lint_probe("rest assured", text)};
  ASSERT_EQ(report.diagnostics.size(), 1u);
  // C a f é ␠ 😀 ␠ — ␠ = 9 code points before the span.
  EXPECT_EQ(draftlint::format_text(report, false),
            "n.txt:1:10: warning: Drop 'rest assured'. [probe]\n"
            "    1 | Caf\u00E9 \U0001F600 \u2014 rest assured.\n"
            "      |          " + carets(12) + "\n");
}

TEST(FormatText, SizesCaretsByCodePointsWhenSpanIsMultibyte) {
  const std::string text = "A d\u00E9j\u00E0 vu moment.\n";
  const FileReport report{"n.txt", text, lint_probe("d\u00E9j\u00E0 vu", text)};
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(draftlint::format_text(report, false),
            "n.txt:1:3: warning: Drop 'd\u00E9j\u00E0 vu'. [probe]\n"
            "    1 | A d\u00E9j\u00E0 vu moment.\n"
            "      |   " + carets(7) + "\n");  // "déjà vu" is 7 code points, 9 bytes
}

TEST(FormatText, KeepsTabsInIndentWhenLineHasTabs) {
  const std::string text = "\tNote:\trest assured.\n";
  const FileReport report{"n.txt", text, lint_probe("rest assured", text)};
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(draftlint::format_text(report, false),
            "n.txt:1:8: warning: Drop 'rest assured'. [probe]\n"
            "    1 | \tNote:\trest assured.\n"
            "      | \t     \t" + carets(12) + "\n");
}

// A paragraph written as one long line: a window of it around the finding, cut ends marked.
TEST(FormatText, ShowsAWindowAroundTheSpanWhenTheLineIsLong) {
  const std::string before(200, 'a'), after(200, 'b');
  const std::string text = before + " rest assured " + after + "\n";
  const FileReport report{"n.txt", text, lint_probe("rest assured", text)};
  ASSERT_EQ(report.diagnostics.size(), 1u);
  // 30 code points before the span, 114 shown in all between the two "...".
  const std::string shown = std::string(29, 'a') + " rest assured " + std::string(114 - 29 - 14, 'b');
  EXPECT_EQ(draftlint::format_text(report, false),
            "n.txt:1:202: warning: Drop 'rest assured'. [probe]\n"
            "    1 | ..." + shown + "...\n"
            "      |    " + std::string(30, ' ') + carets(12) + "\n");
}

TEST(FormatText, ShowsTheLineWholeUpTo120CodePoints) {
  const std::string text = "Rest assured " + std::string(120 - 13, 'x') + "\n";
  const FileReport report{"n.txt", text, lint_probe("rest assured", text)};
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(draftlint::format_text(report, false),
            "n.txt:1:1: warning: Drop 'Rest assured'. [probe]\n"
            "    1 | " + text.substr(0, text.size() - 1) + "\n"
            "      | " + carets(12) + "\n");
}

TEST(FormatText, CutsOnlyTheEndWhenTheSpanOpensALongLine) {
  const std::string text = "Rest assured " + std::string(300, 'x') + "\n";
  const FileReport report{"n.txt", text, lint_probe("rest assured", text)};
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(draftlint::format_text(report, false),
            "n.txt:1:1: warning: Drop 'Rest assured'. [probe]\n"
            "    1 | Rest assured " + std::string(114 - 13, 'x') + "...\n"
            "      | " + carets(12) + "\n");
}

TEST(FormatText, FillsTheWindowFromTheEndWhenTheSpanClosesALongLine) {
  const std::string text = std::string(300, '\u0078') + " d\u00E9j\u00E0 vu\n";  // 300 x, then 8 code points
  const FileReport report{"n.txt", text, lint_probe("d\u00E9j\u00E0 vu", text)};
  ASSERT_EQ(report.diagnostics.size(), 1u);
  // The last 114 code points: 106 x, a space and "déjà vu"; the span starts 107 in.
  EXPECT_EQ(draftlint::format_text(report, false),
            "n.txt:1:302: warning: Drop 'd\u00E9j\u00E0 vu'. [probe]\n"
            "    1 | ..." + std::string(106, 'x') + " d\u00E9j\u00E0 vu\n"
            "      |    " + std::string(107, ' ') + carets(7) + "\n");
}

// Whatever mix of ASCII runs and multibyte characters comes before it, the caret sits under
// the span's first character in the line as shown.
TEST(FormatText, PutsTheCaretUnderTheSpanOnLongMixedLines) {
  const std::string pieces[] = {"a", "abcdefghij ", "\u00E9", "\u2014", "\U0001F600", " ", "words and more words "};
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    std::string before;
    const int count = static_cast<int>(random() % 60);
    for (int i = 0; i < count; ++i) before += pieces[random() % std::size(pieces)];
    const std::string text = before + " rest assured " + before + "\n";
    const FileReport report{"n.txt", text, lint_probe("rest assured", text)};
    ASSERT_FALSE(report.diagnostics.empty());
    const std::string out = draftlint::format_text(report, false);
    // The second and third lines: "    1 | <shown>" and "      | <indent>^~~".
    const std::size_t shown_at = out.find('\n') + 1;
    const std::size_t caret_line_at = out.find('\n', shown_at) + 1;
    const std::string shown = out.substr(shown_at + 8, caret_line_at - 1 - (shown_at + 8));
    const std::string caret_line = out.substr(caret_line_at + 8);
    const std::size_t caret = caret_line.find('^');
    ASSERT_NE(caret, std::string::npos);
    // Columns in the shown line = code points before the byte where "rest assured" starts.
    std::size_t byte = 0, column = 0;
    while (column < caret && byte < shown.size()) {
      std::size_t next = byte + 1;
      while (next < shown.size() && draftlint::detail::is_continuation_byte(static_cast<unsigned char>(shown[next]))) ++next;
      byte = next;
      ++column;
    }
    EXPECT_EQ(shown.compare(byte, 12, "rest assured"), 0) << "round " << round << ":\n" << out;
  }
}

TEST(FormatText, DropsCarriageReturnWhenLineEndsWithCrlf) {
  const std::string text = "Hello,\r\nRest assured.\r\n";
  const FileReport report{"n.txt", text, lint_probe("rest assured", text)};
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(draftlint::format_text(report, false),
            "n.txt:2:1: warning: Drop 'Rest assured'. [probe]\n"
            "    2 | Rest assured.\n"
            "      | " + carets(12) + "\n");
}

TEST(FormatText, LeavesBomOutWhenFirstLineStartsWithIt) {
  const std::string text = "\xEF\xBB\xBFRest assured.\n";
  const FileReport report{"n.txt", text, lint_probe("rest assured", text)};
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(draftlint::format_text(report, false),
            "n.txt:1:1: warning: Drop 'Rest assured'. [probe]\n"
            "    1 | Rest assured.\n"
            "      | " + carets(12) + "\n");
}

TEST(FormatText, UnderlinesRestOfFirstLineWhenSpanCrossesLineWrap) {
  const std::string text = "We care. Rest\nassured, we will fix it.\n";
  const FileReport report{"n.txt", text, lint_probe("rest assured", text)};
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(draftlint::format_text(report, false),
            "n.txt:1:10: warning: Drop 'Rest assured'. [probe]\n"
            "    1 | We care. Rest\n"
            "      |          " + carets(4) + "\n");  // "Rest" up to the line end
}

TEST(FormatText, PrintsReplacementWhenFindingHasFix) {
  const std::string text = "Prior to noon.\n";
  const FileReport report{"n.txt", text, lint_swap(text)};
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(draftlint::format_text(report, false),
            "n.txt:1:1: suggestion: Use 'Before'. [wordy]\n"
            "    1 | Prior to noon.\n"
            "      | " + carets(8) + "\n"
            "      = replace with: \"Before\"\n");
}

TEST(FormatText, PrintsEveryFindingInOrderWhenThereAreSeveral) {
  const std::string text = "Rest assured.\nAgain: rest assured.\n";
  const FileReport report{"n.txt", text, lint_probe("rest assured", text)};
  ASSERT_EQ(report.diagnostics.size(), 2u);
  const std::string out = draftlint::format_text(report, false);
  const auto first = out.find("n.txt:1:1:");
  const auto second = out.find("n.txt:2:8:");
  ASSERT_NE(first, std::string::npos) << out;
  ASSERT_NE(second, std::string::npos) << out;
  EXPECT_LT(first, second);
}

TEST(FormatText, PrintsNothingWhenThereAreNoFindings) {
  const FileReport report{"n.txt", "All good.\n", {}};
  EXPECT_EQ(draftlint::format_text(report, false), "");
  EXPECT_EQ(draftlint::format_text(report, true), "");
}

TEST(FormatText, AddsAnsiColoursOnlyWhenColorIsOn) {
  const std::string text = "Rest assured.\n";
  const FileReport report{"n.txt", text, lint_probe("rest assured", text)};
  const std::string plain = draftlint::format_text(report, false);
  const std::string coloured = draftlint::format_text(report, true);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos) << plain;
  EXPECT_NE(coloured.find("\x1b["), std::string::npos) << coloured;
  // Same text once the escapes are removed.
  std::string stripped;
  for (std::size_t i = 0; i < coloured.size(); ++i) {
    if (coloured[i] == '\x1b') {
      while (i < coloured.size() && coloured[i] != 'm') ++i;
      continue;
    }
    stripped += coloured[i];
  }
  EXPECT_EQ(stripped, plain);
}

// --- JSON --------------------------------------------------------------------------------------

TEST(FormatJson, PrintsEmptyArrayWhenThereAreNoFindings) {
  const std::string out = draftlint::format_json({});
  const Json j = parse_json(out);
  EXPECT_EQ(j.type, Json::Type::array);
  EXPECT_TRUE(j.array.empty());
  const std::string also = draftlint::format_json({FileReport{"a.txt", "Fine.", {}}});
  EXPECT_TRUE(parse_json(also).array.empty());
}

TEST(FormatJson, HasEveryFieldWhenFindingHasFix) {
  const std::string text = "Hi.\nWe act prior to noon.\n";
  const FileReport report{"notice.txt", text, lint_swap(text)};
  ASSERT_EQ(report.diagnostics.size(), 1u);
  const Json j = parse_json(draftlint::format_json({report}));
  ASSERT_EQ(j.type, Json::Type::array);
  ASSERT_EQ(j.array.size(), 1u);
  const Json& f = j.array[0];
  EXPECT_EQ(f.keys(), (std::vector<std::string>{"path", "rule", "severity", "message", "line", "column", "end_line",
                                                "end_column", "offset", "length", "match", "fix"}));
  EXPECT_EQ(str(f, "path"), "notice.txt");
  EXPECT_EQ(str(f, "rule"), "wordy");
  EXPECT_EQ(str(f, "severity"), "suggestion");
  EXPECT_EQ(str(f, "message"), "Use 'before'.");
  EXPECT_EQ(num(f, "line"), 2);
  EXPECT_EQ(num(f, "column"), 8);
  EXPECT_EQ(num(f, "end_line"), 2);
  EXPECT_EQ(num(f, "end_column"), 16);
  EXPECT_EQ(num(f, "offset"), 11);
  EXPECT_EQ(num(f, "length"), 8);
  EXPECT_EQ(str(f, "match"), "prior to");
  const Json* fix = f.find("fix");
  ASSERT_TRUE(fix && fix->type == Json::Type::object);
  EXPECT_EQ(num(*fix, "offset"), 11);
  EXPECT_EQ(num(*fix, "length"), 8);
  EXPECT_EQ(str(*fix, "replacement"), "before");
}

TEST(FormatJson, OmitsFixWhenFindingHasNone) {
  const std::string text = "Rest assured.";
  const Json j = parse_json(draftlint::format_json({FileReport{"n.txt", text, lint_probe("rest assured", text)}}));
  ASSERT_EQ(j.array.size(), 1u);
  EXPECT_EQ(j.array[0].find("fix"), nullptr);
  EXPECT_EQ(j.array[0].keys().size(), 11u);
}

TEST(FormatJson, EscapesTextWhenMatchHasNewlineQuotesAndUnicode) {
  const std::string text = "Our \"valued\" caf\u00E9 says rest\r\nassured.";
  const auto ds = lint("kind: existence\nmessage: \"Say \\\"no\\\" to '{match}'\\\\.\"\nseverity: error\n"
                       "tokens: ['rest assured']\n",
                       "quote-rule.yml", text);
  ASSERT_EQ(ds.size(), 1u);
  const std::string out = draftlint::format_json({FileReport{"dir/\u00E9t\u00E9 \"q\".txt", text, ds}});
  const Json j = parse_json(out);
  ASSERT_EQ(j.array.size(), 1u);
  EXPECT_EQ(str(j.array[0], "match"), "rest\r\nassured");
  EXPECT_EQ(str(j.array[0], "message"), "Say \"no\" to 'rest assured'\\.");
  EXPECT_EQ(str(j.array[0], "path"), "dir/\u00E9t\u00E9 \"q\".txt");
  EXPECT_EQ(str(j.array[0], "severity"), "error");
  EXPECT_NE(out.find("\u00E9t\u00E9"), std::string::npos) << "non-ASCII should be written as UTF-8:\n" << out;
}

TEST(FormatJson, OrdersFindingsByPathWhenReportsAreUnsorted) {
  const std::string b_text = "Rest assured.";
  const std::string a_text = "Rest assured. Rest assured.";
  const std::vector<FileReport> reports = {
      FileReport{"b.txt", b_text, lint_probe("rest assured", b_text)},
      FileReport{"a.txt", a_text, lint_probe("rest assured", a_text)},
  };
  const Json j = parse_json(draftlint::format_json(reports));
  ASSERT_EQ(j.array.size(), 3u);
  EXPECT_EQ(str(j.array[0], "path"), "a.txt");
  EXPECT_EQ(num(j.array[0], "offset"), 0);
  EXPECT_EQ(str(j.array[1], "path"), "a.txt");
  EXPECT_EQ(num(j.array[1], "offset"), 14);
  EXPECT_EQ(str(j.array[2], "path"), "b.txt");
}

TEST(FormatJson, OrdersFindingsByOffsetWhenReportDiagnosticsAreUnsorted) {
  // format_json promises "ordered by path then offset" whatever order the caller passes.
  const std::string text = "Rest assured. Rest assured.";
  auto ds = lint_probe("rest assured", text);
  ASSERT_EQ(ds.size(), 2u);
  std::swap(ds[0], ds[1]);
  const Json j = parse_json(draftlint::format_json({FileReport{"a.txt", text, ds}}));
  ASSERT_EQ(j.array.size(), 2u);
  EXPECT_EQ(num(j.array[0], "offset"), 0);
  EXPECT_EQ(num(j.array[1], "offset"), 14);
}
