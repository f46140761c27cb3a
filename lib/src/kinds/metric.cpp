// `metric`: a number computed per scope unit, checked against `max` and/or `min`:
//   words-per-sentence        words in each body sentence (scope sentence by default)
//   sentences-per-paragraph   body sentences in each paragraph (scope paragraph by default)
//   grade                     Flesch–Kincaid grade level of the body (scope document by default)
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "kinds/kinds.h"
#include "kinds/units.h"
#include "rules/rule_parser.h"
#include "text/utf8.h"

namespace draftlint::detail {
namespace {

enum class Metric { words_per_sentence, sentences_per_paragraph, grade };

struct TextCounts {
  std::size_t words = 0;
  std::size_t syllables = 0;
};

// ASCII lower case without the C library (std::tolower is a call and depends on the locale).
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Syllables of an English word, estimated: vowel groups, less a silent final e, at least one.
std::size_t syllables_in(std::string_view word) {
  std::size_t groups = 0;
  bool in_vowels = false;
  for (char raw : word) {
    const char c = ascii_lower(raw);
    const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    if (vowel && !in_vowels) ++groups;
    in_vowels = vowel;
  }
  if (word.size() > 2 && ascii_lower(word.back()) == 'e' && ascii_lower(word[word.size() - 2]) != 'l' && groups > 1) {
    --groups;
  }
  return std::max<std::size_t>(groups, 1);
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Which ASCII bytes are word characters (letters, digits, underscore).
constexpr std::array<bool, 128> kAsciiWordByte = [] {
  std::array<bool, 128> table{};
  for (int c = 0; c < 128; ++c) table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return table;
}();

// Words are runs of letters and digits (apostrophes inside a word do not split it). Syllables
// are counted only when asked for: only the grade metric needs them. One pass over the bytes,
// decoding only what is not ASCII: metric rules look at every byte of the body.
TextCounts count_words(std::string_view text, bool with_syllables) {
  TextCounts counts;
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t word_start = kNone;
  auto end_word = [&](std::size_t end) {
    if (word_start == kNone) return;
    ++counts.words;
    if (with_syllables) counts.syllables += syllables_in(text.substr(word_start, end - word_start));
    word_start = kNone;
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    char32_t c = byte;
    bool word = false;
    if (byte < 0x80) {
      word = kAsciiWordByte[byte];
    } else {
      c = decode_at(text, i, &length);
      word = is_word_code_point(c);
    }
    if (word) {
      if (word_start == kNone) word_start = i;
    } else {
      const bool apostrophe = word_start != kNone && (c == '\'' || c == 0x2019) && i + length < text.size() &&
                              is_ascii_letter(text[i + length]);
      if (!apostrophe) end_word(i);
    }
    i += length;
  }
  end_word(text.size());
  return counts;
}

// Sentence `i`'s counts, from the document's shared work when it keeps them: counted once
// whichever metric rules ask (the words alone, or with syllables once one asks for them).
TextCounts sentence_counts(const CheckContext& context, std::size_t i, bool with_syllables) {
  const Span sentence = context.segments.sentences[i];
  const std::string_view text = context.text.substr(sentence.begin, sentence.end - sentence.begin);
  if (!context.shared.keep_sentence_counts) return count_words(text, with_syllables);
  std::vector<SharedWork::Counts>& all = context.shared.sentences;
  if (all.size() != context.segments.sentences.size()) all.resize(context.segments.sentences.size());
  SharedWork::Counts& kept = all[i];
  const unsigned char wanted = with_syllables ? 2 : 1;
  if (kept.state < wanted) {
    const TextCounts c = count_words(text, with_syllables);
    kept.words = static_cast<std::uint32_t>(c.words);  // 4G words would be 8 GB of one sentence
    kept.syllables = static_cast<std::uint32_t>(c.syllables);
    kept.state = wanted;
  }
  return {kept.words, kept.syllables};
}

class MetricSpec final : public KindSpec {
 public:
  MetricSpec(Metric metric, std::string name, std::optional<double> min, std::optional<double> max)
      : metric_(metric), name_(std::move(name)), min_(min), max_(max) {}
  std::unique_ptr<CompiledCheck> compile(const Rule& rule, PatternTable& table) const override;
  Metric metric() const { return metric_; }
  const std::string& name() const { return name_; }
  std::optional<double> min() const { return min_; }
  std::optional<double> max() const { return max_; }

 private:
  Metric metric_;
  std::string name_;
  std::optional<double> min_;
  std::optional<double> max_;
};

std::string number(double value) {
  return std::floor(value) == value ? fmt::format("{}", static_cast<long long>(value)) : fmt::format("{:.1f}", value);
}

class MetricCheck final : public CompiledCheck {
 public:
  MetricCheck(const Rule& rule, const MetricSpec& spec) : rule_(rule), spec_(spec) {
    if (rule.scope.kind != ScopeKind::text) {
      scope_ = rule.scope;
    } else {
      scope_.kind = spec.metric() == Metric::words_per_sentence       ? ScopeKind::sentence
                    : spec.metric() == Metric::sentences_per_paragraph ? ScopeKind::paragraph
                                                                       : ScopeKind::document;
    }
  }

  bool counts_sentences() const override { return true; }

  void check(const CheckContext& context, std::vector<Finding>& out) const override {
    const Segmentation& seg = context.segments;
    for (const Span& unit : scope_units(scope_, seg, context.text.size())) {
      std::size_t sentences = 0;
      TextCounts counts;
      bool is_title_unit = false;
      const auto [first, last] = sentences_within(seg, unit);
      for (std::size_t i = first; i < last; ++i) {
        if (seg.titles[i]) continue;
        ++sentences;
        const TextCounts c = sentence_counts(context, i, spec_.metric() == Metric::grade);
        counts.words += c.words;
        counts.syllables += c.syllables;
      }
      if (sentences == 0) is_title_unit = true;
      if (is_title_unit || counts.words == 0) continue;
      double value = 0;
      switch (spec_.metric()) {
        case Metric::words_per_sentence: value = static_cast<double>(counts.words) / static_cast<double>(sentences); break;
        case Metric::sentences_per_paragraph: value = static_cast<double>(sentences); break;
        case Metric::grade:
          value = 0.39 * static_cast<double>(counts.words) / static_cast<double>(sentences) +
                  11.8 * static_cast<double>(counts.syllables) / static_cast<double>(counts.words) - 15.59;
          value = std::round(value * 10) / 10;
          break;
      }
      const bool too_high = spec_.max() && value > *spec_.max();
      const bool too_low = spec_.min() && value < *spec_.min();
      if (!too_high && !too_low) continue;
      const Span place = scope_.kind == ScopeKind::document ? first_sentence_in(seg, unit) : unit;
      const std::string shown = number(value);
      const std::string max = spec_.max() ? number(*spec_.max()) : "";
      const std::string min = spec_.min() ? number(*spec_.min()) : "";
      out.push_back({place.begin, place.end - place.begin,
                     render_message(rule_.message, {{"value", shown}, {"max", max}, {"min", min}, {"metric", spec_.name()}}),
                     std::nullopt, true});
    }
  }

 private:
  const Rule& rule_;
  const MetricSpec& spec_;
  Scope scope_;
};

std::unique_ptr<CompiledCheck> MetricSpec::compile(const Rule& rule, PatternTable&) const {
  return std::make_unique<MetricCheck>(rule, *this);
}

std::optional<double> read_number(RuleParser& parser, std::string_view key) {
  const YAML::Node node = parser.get(key);
  if (!node.IsDefined()) return std::nullopt;
  double value = 0;
  if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || !std::isfinite(value)) {
    parser.error(node, fmt::format("'{}' must be a number", key));
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::shared_ptr<const KindSpec> parse_metric(RuleParser& parser, Rule& rule) {
  if (!rule.match.empty()) {
    parser.error(parser.has("tokens") ? parser.get("tokens") : parser.get("patterns"),
                 "metric rules measure the text; they take no 'tokens' or 'patterns'");
  }
  const auto name = parser.string("metric", true);
  if (!name) return nullptr;
  Metric metric;
  if (*name == "words-per-sentence") {
    metric = Metric::words_per_sentence;
  } else if (*name == "sentences-per-paragraph") {
    metric = Metric::sentences_per_paragraph;
  } else if (*name == "grade") {
    metric = Metric::grade;
  } else {
    parser.error(parser.get("metric"),
                 fmt::format("unknown metric '{}'; expected words-per-sentence, sentences-per-paragraph or grade", *name));
    return nullptr;
  }
  const auto min = read_number(parser, "min");
  const auto max = read_number(parser, "max");
  if (!min && !max) {
    if (!parser.has("min") && !parser.has("max")) parser.error(parser.root(), "a metric rule needs 'max' and/or 'min'");
    return nullptr;
  }
  if (min && max && *min > *max) {
    parser.error(parser.get("min"), fmt::format("'min' ({}) is greater than 'max' ({})", *min, *max));
    return nullptr;
  }
  return std::make_shared<MetricSpec>(metric, *name, min, max);
}

}  // namespace draftlint::detail
