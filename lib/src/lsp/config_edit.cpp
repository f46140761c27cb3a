// Edits for the "disable" code actions (see config_edit.h).
#include "lsp/config_edit.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include <fmt/format.h>

namespace draftlint::lsp {
namespace {

struct Line {
  std::size_t start;  // byte offset
  std::size_t end;    // before the line break
  std::size_t next;   // after the line break
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos) end = text.size();
    const std::size_t content_end = end > start && text[end - 1] == '\r' ? end - 1 : end;
    lines.push_back({start, content_end, next});
    start = next;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A YAML comment starts at '#' at the start or after white space.
std::string_view strip_comment(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) return s.substr(0, i);
  }
  return s;
}

std::string_view unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) s = s.substr(1, s.size() - 2);
  return s;
}

}  // namespace

std::string new_config_text(std::string_view rule) {
  return fmt::format("# draftlint configuration: see `draftlint init` for every setting.\nignore:\n  - {}\n", rule);
}

std::optional<IgnoreEdit> add_to_ignore(std::string_view text, std::string_view rule) {
  const std::string eol = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  const std::vector<Line> lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = text.substr(lines[i].start, lines[i].end - lines[i].start);
    if (line.rfind("ignore", 0) != 0) continue;
    std::string_view after = line.substr(6);
    while (!after.empty() && (after.front() == ' ' || after.front() == '\t')) after.remove_prefix(1);
    if (after.empty() || after.front() != ':') continue;
    after.remove_prefix(1);
    const std::string_view value = trim(strip_comment(after));

    if (value.empty()) {
      // A block list: find its last item.
      std::optional<std::size_t> last;
      std::string indent = "  ";
      for (std::size_t j = i + 1; j < lines.size(); ++j) {
        const std::string_view l = text.substr(lines[j].start, lines[j].end - lines[j].start);
        const std::string_view t = trim(l);
        if (t.empty() || t.front() == '#') continue;
        const bool indented = l.front() == ' ' || l.front() == '\t';
        if (!indented && l.front() != '-') break;
        if (t.front() == '-') {
          if (unquote(strip_comment(t.substr(1))) == rule) return std::nullopt;
          last = j;
          indent = std::string(l.substr(0, l.find_first_not_of(" \t")));
        } else if (!last) {
          return std::nullopt;  // a mapping or a scalar under ignore: not a list we can extend
        }
      }
      const std::size_t after_line = last ? *last : i;
      const std::string item = indent + "- " + std::string(rule);
      if (lines[after_line].next > lines[after_line].end) return IgnoreEdit{lines[after_line].next, 0, item + eol};
      return IgnoreEdit{lines[after_line].end, 0, eol + item};
    }

    if (value.front() == '[') {
      // A flow list, possibly over several lines: insert before its closing bracket.
      const std::size_t open = lines[i].start + static_cast<std::size_t>(value.data() - line.data());
      const std::size_t close = text.find(']', open);
      if (close == std::string_view::npos) return std::nullopt;
      const std::string_view inner = text.substr(open + 1, close - open - 1);
      std::size_t start = 0;
      while (start <= inner.size()) {
        const std::size_t comma = std::min(inner.find(',', start), inner.size());
        if (unquote(std::string_view(inner).substr(start, comma - start)) == rule) return std::nullopt;
        start = comma + 1;
      }
      const std::size_t last = inner.find_last_not_of(" \t\r\n");
      if (last == std::string_view::npos) return IgnoreEdit{open + 1, inner.size(), std::string(rule)};
      return IgnoreEdit{open + 1 + last + 1, 0, fmt::format(", {}", rule)};
    }
    return std::nullopt;  // ignore: <scalar> is not a list
  }
  // No ignore key: add one at the end.
  std::string prefix = text.empty() || text.back() == '\n' ? "" : eol;
  return IgnoreEdit{text.size(), 0, fmt::format("{}ignore:{}  - {}{}", prefix, eol, rule, eol)};
}

namespace {

constexpr std::string_view kNextLine = "draftlint-disable-next-line";

struct CommentSyntax {
  std::string_view open;   // "" for a bare directive line
  std::string_view close;
};

CommentSyntax comment_syntax(std::string_view file_name, InputFormat format) {
  std::string name(file_name);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".j2") || ends_with(".jinja") || ends_with(".jinja2")) return {"{#", "#}"};
  if (ends_with(".hbs") || ends_with(".handlebars") || ends_with(".mustache")) return {"{{!", "}}"};
  if (format == InputFormat::markdown || format == InputFormat::html) return {"<!--", "-->"};
  return {"", ""};
}

}  // namespace

std::string suppression_comment(std::string_view file_name, InputFormat format, std::string_view rule) {
  const CommentSyntax syntax = comment_syntax(file_name, format);
  if (syntax.open.empty()) return fmt::format("{} {}", kNextLine, rule);
  return fmt::format("{} {} {} {}", syntax.open, kNextLine, rule, syntax.close);
}

std::optional<std::size_t> suppression_extend_point(std::string_view line, std::string_view file_name, InputFormat format) {
  const CommentSyntax syntax = comment_syntax(file_name, format);
  std::size_t at = line.find_first_not_of(" \t");
  if (at == std::string_view::npos || line.substr(at).rfind(syntax.open, 0) != 0) return std::nullopt;
  at = line.find_first_not_of(" \t", at + syntax.open.size());
  if (at == std::string_view::npos || line.substr(at).rfind(kNextLine, 0) != 0) return std::nullopt;
  const std::size_t list = at + kNextLine.size();
  std::size_t end = line.size();
  if (!syntax.close.empty()) {
    end = line.rfind(syntax.close);
    if (end == std::string_view::npos || end < list || !trim(line.substr(end + syntax.close.size())).empty()) return std::nullopt;
  }
  while (end > list && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r')) --end;
  if (end == list) return std::nullopt;  // no rules listed: it already silences every rule
  return end;
}

}  // namespace draftlint::lsp
