// Which dialect a file is read in.
#include "ast/module.hpp"

namespace mech::ast {

Dialect dialect_for(std::string_view file_name) {
    constexpr std::string_view ext = ".mod";
    if (file_name.size() >= ext.size() && file_name.substr(file_name.size() - ext.size()) == ext)
        return Dialect::Nmodl;
    return Dialect::Mech;
}

} // namespace mech::ast
