// A mechanism file taken through parse, sema, lowering and the passes, for evaluator tests.
#pragma once

#include "ir/mechanism.hpp"

#include <string>

namespace mech::test {

// Which diagnostics fail the calling test.
enum class FailOn { Errors, AnyDiagnostic };

// The solved IR of the file at `path`; every diagnostic at or above `fail_on` is a test failure.
ir::Mechanism lower_source_file(const std::string& path, FailOn fail_on);

} // namespace mech::test
