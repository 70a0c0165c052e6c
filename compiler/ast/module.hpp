// The AST of one source file.
#pragma once

#include "ast/block.hpp"

#include <string_view>

namespace mech::ast {

// .mod files are NMODL compatibility input (unit problems are warnings); .mech files are strict.
enum class Dialect { Nmodl, Mech };

// Dialect from a file name: ".mod" is Nmodl, anything else Mech.
Dialect dialect_for(std::string_view file_name);

struct Module {
    std::string file_name;
    diag::FileId file = 0;
    Dialect dialect = Dialect::Mech;
    std::vector<Block> blocks;

    // The first block of type T, or null.
    template <class T> const T* find() const {
        for (const auto& b : blocks)
            if (auto* p = b.as<T>()) return p;
        return nullptr;
    }
};

} // namespace mech::ast
