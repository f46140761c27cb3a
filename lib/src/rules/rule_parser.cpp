// Field readers for rule files (see rule_parser.h).
#include "rules/rule_parser.h"

#include <algorithm>

#include <fmt/format.h>
#include <re2/re2.h>

#include "draftlint/document.h"
#include "rules/pattern_syntax.h"
#include "rules/recognizer.h"

namespace draftlint::detail {
namespace {

std::string type_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Scalar: return "a string";
    default: return "nothing";
  }
}


}  // namespace

RuleParser::RuleParser(YAML::Node root, std::string origin, std::vector<Problem>& problems,
                       const RecognizerTable* recognizers, FileTrust trust)
    : root_(std::move(root)),
      origin_(std::move(origin)),
      problems_(problems),
      first_problem_(problems.size()),
      recognizers_(recognizers),
      trust_(trust) {}

bool RuleParser::has(std::string_view key) const { return root_[std::string(key)].IsDefined(); }

YAML::Node RuleParser::get(std::string_view key) const { return root_[std::string(key)]; }

Mark RuleParser::mark_of(const YAML::Node& node) const {
  if (!node.IsDefined()) return {1, 1};
  const YAML::Mark m = node.Mark();
  if (m.line < 0) return {1, 1};
  return {m.line + 1, m.column + 1};
}

void RuleParser::error(const YAML::Node& node, std::string message) { error(mark_of(node), std::move(message)); }

void RuleParser::error(Mark mark, std::string message) {
  problems_.push_back(Problem{origin_, mark.line, mark.column, std::move(message)});
}

std::optional<std::string> RuleParser::string(std::string_view key, bool required) {
  const YAML::Node node = get(key);
  if (!node.IsDefined() || node.IsNull()) {
    if (required) error(root_, fmt::format("missing required field '{}'", key));
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    error(node, fmt::format("'{}' must be a string, not {}", key, type_name(node)));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<bool> RuleParser::boolean(std::string_view key) {
  const YAML::Node node = get(key);
  if (!node.IsDefined()) return std::nullopt;
  bool value = false;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
    error(node, fmt::format("'{}' must be true or false", key));
    return std::nullopt;
  }
  return value;
}

std::optional<int> RuleParser::integer(std::string_view key, int min_value) {
  const YAML::Node node = get(key);
  if (!node.IsDefined()) return std::nullopt;
  int value = 0;
  if (!node.IsScalar() || !YAML::convert<int>::decode(node, value)) {
    error(node, fmt::format("'{}' must be a whole number", key));
    return std::nullopt;
  }
  if (value < min_value) {
    error(node, fmt::format("'{}' must be at least {}, not {}", key, min_value, value));
    return std::nullopt;
  }
  return value;
}

std::vector<std::pair<std::string, Mark>> RuleParser::strings(std::string_view key) {
  std::vector<std::pair<std::string, Mark>> out;
  const YAML::Node node = get(key);
  if (!node.IsDefined()) return out;
  if (!node.IsSequence()) {
    error(node, fmt::format("'{}' must be a list of strings, not {}", key, type_name(node)));
    return out;
  }
  if (node.size() == 0) {
    error(node, fmt::format("'{}' is an empty list; remove it or add entries", key));
    return out;
  }
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) {
      error(item, fmt::format("each entry of '{}' must be a string, not {}", key, type_name(item)));
      continue;
    }
    if (item.Scalar().empty()) {
      error(item, fmt::format("'{}' has an empty entry", key));
      continue;
    }
    out.emplace_back(item.Scalar(), mark_of(item));
  }
  return out;
}

std::optional<Pattern> RuleParser::pattern(const std::string& source, Mark mark, bool phrase, bool ignorecase,
                                           PatternRole role) {
  std::string body = phrase ? phrase_to_regex(source) : translate_pattern(source);
  switch (role) {
    case PatternRole::match: break;
    case PatternRole::before: body = "(?s:" + body + ")\\s*$"; break;
    case PatternRole::after: body = "^\\s*(?s:" + body + ")"; break;
  }
  Pattern p;
  p.source = source;
  p.regex = with_case(body, ignorecase);
  p.mark = mark;
  p.phrase = phrase;
  p.builtin = trust_ == FileTrust::builtin;
  std::string message;
  if (phrase && checks_everything()) {
    // A phrase's translation escapes every ASCII symbol, so RE2 can refuse it only for invalid
    // UTF-8: checking that skips a parse per token (a test holds the translation to this).
    if (const auto bad = find_invalid_utf8(source)) {
      error(mark, fmt::format("phrase '{}' is not valid UTF-8 (byte {})", source, *bad + 1));
      return std::nullopt;
    }
  } else if (checks_everything() && !LazyRegex::parses(body, &message)) {
    // Parsed without the case flag: RE2 accepts a regex with (?i) exactly when it accepts it
    // without (a test holds it to this), and case folding is two thirds of the parse.
    // Quote RE2 on the pattern as the author wrote it, not on our translation of it.
    if (!LazyRegex::parses(source, &message)) {
      error(mark, fmt::format("invalid pattern '{}': {}", source, message));
    } else {
      error(mark, fmt::format("pattern '{}' cannot be compiled: {}", source, message));
    }
    return std::nullopt;
  }
  p.re = std::make_shared<const LazyRegex>(p.regex);
  return p;
}

std::vector<Pattern> RuleParser::patterns(std::string_view key, bool phrase, bool ignorecase, PatternRole role,
                                          bool keep_exceptions) {
  std::vector<Pattern> out;
  for (auto& [source, mark] : strings(key)) {
    if (source.size() > kMaxPatternBytes) {
      error(mark, fmt::format("pattern is {} bytes long; the limit is {} (16 KiB)", source.size(), kMaxPatternBytes));
      continue;
    }
    if (source.size() > 1 && source[0] == '@' && role != PatternRole::match) {
      error(mark, fmt::format("'{}' names a recognizer, which '{}' cannot use; write the pattern itself", source, key));
      continue;
    }
    if (source.size() > 1 && source[0] == '@' && role == PatternRole::match) {
      const Recognizer* r = recognizers_ ? recognizers_->find(std::string_view(source).substr(1)) : nullptr;
      if (!r) {
        error(mark, fmt::format("unknown recognizer '{}'; known: {}", source,
                                recognizers_ ? recognizers_->names() : std::string("none here")));
        continue;
      }
      out.insert(out.end(), r->patterns.begin(), r->patterns.end());
      if (keep_exceptions &&
          std::find(recognizers_used_.begin(), recognizers_used_.end(), r->name) == recognizers_used_.end()) {
        recognizers_used_.push_back(r->name);
        recognizer_exceptions_.insert(recognizer_exceptions_.end(), r->exceptions.begin(), r->exceptions.end());
      }
      continue;
    }
    if (auto p = pattern(source, mark, phrase, ignorecase, role)) out.push_back(std::move(*p));
  }
  return out;
}

std::optional<Pattern> compile_phrase(const std::string& phrase, bool ignorecase, std::string* error) {
  Pattern p;
  p.source = phrase;
  p.regex = with_case(phrase_to_regex(phrase), ignorecase);
  p.phrase = true;
  if (!LazyRegex::parses(p.regex, error)) return std::nullopt;
  p.re = std::make_shared<const LazyRegex>(p.regex);
  return p;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace draftlint::detail
