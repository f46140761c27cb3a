// Parse functions of the built-in kinds, listed in registry.cpp.
#pragma once

#include <memory>

#include "kinds/kind.h"

namespace draftlint::detail {

std::shared_ptr<const KindSpec> parse_existence(RuleParser& parser, Rule& rule);
std::shared_ptr<const KindSpec> parse_substitution(RuleParser& parser, Rule& rule);
std::shared_ptr<const KindSpec> parse_required(RuleParser& parser, Rule& rule);
std::shared_ptr<const KindSpec> parse_occurrence(RuleParser& parser, Rule& rule);
std::shared_ptr<const KindSpec> parse_conditional(RuleParser& parser, Rule& rule);
std::shared_ptr<const KindSpec> parse_position(RuleParser& parser, Rule& rule);
std::shared_ptr<const KindSpec> parse_metric(RuleParser& parser, Rule& rule);

}  // namespace draftlint::detail
