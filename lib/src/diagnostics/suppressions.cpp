// Suppression comments (see suppressions.h).
#include "diagnostics/suppressions.h"

#include <algorithm>

#include <re2/re2.h>

namespace draftlint::detail {
namespace {

struct Directive {
  std::string verb;  // disable | enable | disable-next-line
  std::vector<std::string> rules;
  std::size_t offset;
  std::size_t length;
};

std::vector<std::string> split_rules(std::string_view list) {
  std::vector<std::string> rules;
  std::string current;
  for (char c : list) {
    if (c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (!current.empty()) rules.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) rules.push_back(std::move(current));
  return rules;
}

void collect(std::string_view text, const RE2& re, std::vector<Directive>& out) {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece whole;
  re2::StringPiece verb;
  re2::StringPiece list;
  const re2::StringPiece start = input;
  while (RE2::FindAndConsume(&input, re, &verb, &list)) {
    // FindAndConsume does not hand back the whole match: find it again from the verb.
    (void)whole;
    const char* end = input.data();
    while (end > verb.data() && (*(end - 1) == '\r')) --end;  // a CRLF line's \r is not part of it
    const char* begin = verb.data();
    while (begin > start.data() && *(begin - 1) != '<' && *(begin - 1) != '{' && *(begin - 1) != '\n') --begin;
    if (begin > start.data() && (*(begin - 1) == '<' || *(begin - 1) == '{')) --begin;
    if (begin > start.data() && *(begin - 1) == '{') --begin;
    out.push_back({std::string(verb.data(), verb.size()), split_rules(std::string_view(list.data(), list.size())),
                   static_cast<std::size_t>(begin - start.data()), static_cast<std::size_t>(end - begin)});
  }
}

std::size_t line_end(std::string_view text, std::size_t offset) {
  const std::size_t nl = text.find('\n', offset);
  return nl == std::string_view::npos ? text.size() : nl;
}

bool covers(const Suppression& s, const Diagnostic& d) {
  if (d.offset < s.begin || d.offset >= s.end) return false;
  if (std::find(s.except.begin(), s.except.end(), d.rule) != s.except.end()) return false;
  return s.rules.empty() || std::find(s.rules.begin(), s.rules.end(), d.rule) != s.rules.end();
}

}  // namespace

std::vector<Suppression> find_suppressions(std::string_view text, InputFormat format) {
  if (text.find("draftlint-") == std::string_view::npos) return {};
  static const RE2 kHtmlComment("<!--[ \\t]*draftlint-(disable-next-line|disable|enable)\\b((?s:.*?))-->");
  static const RE2 kTemplateComment(
      "\\{(?:#-?|\\{!(?:--)?)[ \\t]*draftlint-(disable-next-line|disable|enable)\\b((?s:.*?))(?:-?#|(?:--)?\\})\\}");
  static const RE2 kTextLine("(?m)^[ \\t]*draftlint-(disable-next-line|disable|enable)\\b([^\\n]*)$");
  std::vector<Directive> directives;
  if (format != InputFormat::text) collect(text, kHtmlComment, directives);
  collect(text, kTemplateComment, directives);
  if (format == InputFormat::text) collect(text, kTextLine, directives);
  std::sort(directives.begin(), directives.end(), [](const Directive& a, const Directive& b) { return a.offset < b.offset; });

  std::vector<Suppression> out;
  std::vector<std::size_t> open;  // indexes into out of disables not yet enabled
  for (const Directive& d : directives) {
    const std::size_t after = d.offset + d.length;
    if (d.verb == "disable-next-line") {
      const std::size_t next = std::min(line_end(text, after) + 1, text.size());
      out.push_back({d.rules, {}, d.offset, d.length, next, line_end(text, next), false});
    } else if (d.verb == "disable") {
      open.push_back(out.size());
      out.push_back({d.rules, {}, d.offset, d.length, after, text.size(), false});
    } else {  // enable: ends the open disables for the rules it names (all when it names none)
      std::vector<std::size_t> still_open;
      for (std::size_t index : open) {
        auto named = [&](const std::string& r) { return std::find(d.rules.begin(), d.rules.end(), r) != d.rules.end(); };
        const Suppression before = out[index];
        const bool touched = d.rules.empty() || before.rules.empty() || std::any_of(before.rules.begin(), before.rules.end(), named);
        if (!touched) {
          still_open.push_back(index);
          continue;
        }
        out[index].end = d.offset;
        if (d.rules.empty()) continue;
        // The rules this enable did not name stay disabled from here on.
        Suppression rest = before;
        rest.begin = after;
        rest.end = text.size();
        if (before.rules.empty()) {
          rest.except.insert(rest.except.end(), d.rules.begin(), d.rules.end());
        } else {
          std::erase_if(rest.rules, named);
          if (rest.rules.empty()) continue;
        }
        still_open.push_back(out.size());
        out.push_back(std::move(rest));
      }
      open = std::move(still_open);
    }
  }
  return out;
}

void apply_suppressions(std::vector<Diagnostic>& diagnostics, std::vector<Suppression>& suppressions) {
  if (suppressions.empty()) return;
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    bool silenced = false;
    for (Suppression& s : suppressions) {
      if (covers(s, d)) {
        s.used = true;
        silenced = true;
      }
    }
    return silenced;
  });
}

}  // namespace draftlint::detail
