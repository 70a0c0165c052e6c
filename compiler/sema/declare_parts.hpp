// Declaration helpers shared by declare_symbols.cpp, declare_ions.cpp and declare_channels.cpp.
#pragma once

#include "sema/context.hpp"

namespace mech::sema {

// USEION x READ ... WRITE ... VALENCE n.
void declare_useion(Context& cx, const ast::UseIonStmt& use, diag::SourceRange range);
// The Ion entry for `ion` (made implicit if new) and its variable `name` read or written.
SymbolId use_ion_variable(Context& cx, const std::string& ion, IonRole role, bool write,
                          diag::SourceRange where);
// RANGE, GLOBAL, POINTER, NONSPECIFIC_CURRENT, ELECTRODE_CURRENT, EXTERNAL; default visibility.
void apply_name_lists(Context& cx);
// CHANNEL blocks: gates, implied ions and currents.
void declare_channels(Context& cx);
// POOL blocks: the concentration and the current it integrates.
void declare_pools(Context& cx);

} // namespace mech::sema
