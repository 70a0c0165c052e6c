// Lowering of NMODL arrays of constant size: each element is its own scalar (field `ca[0]`, ...,
// global or local), FROM loops with constant bounds are unrolled so every index is a constant.
#include "ir/lower_context.hpp"

#include <fmt/format.h>

#include <cmath>

namespace mech::ir::detail {

namespace {

// Loops longer than this stay loops: their bodies cannot index arrays (an index must be a
// constant), and unrolling them would only bloat the kernels.
constexpr double kMaxUnroll = 4096;

} // namespace

std::optional<double> Lowerer::constant_of(const ast::Expr& e) const {
    if (auto* n = e.as<ast::NumberExpr>())
        return n->value;
    if (auto* n = e.as<ast::NameExpr>()) {
        if (n->index || n->primes)
            return std::nullopt;
        SymbolId id = symbol_of(e);
        if (auto l = loop_values.find(id); l != loop_values.end())
            return l->second;
        if (auto c = constants.find(id); c != constants.end())
            return c->second;
        return std::nullopt;
    }
    if (auto* u = e.as<ast::UnaryExpr>()) {
        auto a = constant_of(*u->operand);
        if (!a || u->op == ast::UnaryOp::Not)
            return std::nullopt;
        return u->op == ast::UnaryOp::Neg ? -*a : *a;
    }
    if (auto* b = e.as<ast::BinaryExpr>()) {
        auto l = constant_of(*b->lhs);
        auto r = constant_of(*b->rhs);
        if (!l || !r)
            return std::nullopt;
        switch (b->op) {
        case ast::BinaryOp::Add: return *l + *r;
        case ast::BinaryOp::Sub: return *l - *r;
        case ast::BinaryOp::Mul: return *l * *r;
        case ast::BinaryOp::Div: return *r == 0 ? std::nullopt : std::optional(*l / *r);
        case ast::BinaryOp::Pow: return std::pow(*l, *r);
        default: return std::nullopt;
        }
    }
    return std::nullopt;
}

std::int64_t Lowerer::array_length(SymbolId id) const {
    if (auto a = local_arrays.find(id); a != local_arrays.end())
        return a->second;
    if (id < an.symbols.size() && an.symbols[id].array_size)
        return *an.symbols[id].array_size;
    return 0;
}

std::optional<Var> Lowerer::place(const ast::Expr& e) {
    auto* n = e.as<ast::NameExpr>();
    if (!n)
        return std::nullopt;
    SymbolId id = symbol_of(e);
    auto base = lookup(id);
    std::int64_t size = array_length(id);
    if (!n->index) {
        if (base && size > 0) {
            diags.error(e.range, fmt::format("'{}' is an array of {}: name one element, e.g. "
                                             "{}[0]",
                                             n->name, size, n->name));
            return std::nullopt;
        }
        return base;
    }
    if (size == 0) {
        diags.error(e.range, fmt::format("'{}' is not an array, so it cannot be indexed", n->name));
        return std::nullopt;
    }
    auto k = constant_of(*n->index);
    if (!k) {
        diags.error(n->index->range,
                    fmt::format("the index of '{}' must be a constant: a number, a DEFINE'd "
                                "name or the variable of a FROM loop with constant bounds",
                                n->name));
        return std::nullopt;
    }
    if (*k != std::floor(*k) || *k < 0 || *k >= static_cast<double>(size)) {
        diags.error(n->index->range,
                    fmt::format("index {} is out of range for '{}[{}]' (valid: 0 to {})", *k,
                                n->name, size, size - 1));
        return std::nullopt;
    }
    if (!base)
        return std::nullopt;
    Var v = *base;
    v.index += static_cast<std::int32_t>(*k);
    return v;
}

void Lowerer::local_array(const ast::LocalVar& v) {
    SymbolId id = symbol_of(v.name);
    std::int64_t size = array_length(id);
    if (size <= 0 && v.array_size)
        size = *v.array_size;
    if (size <= 0) {
        diags.error(v.name.range, fmt::format("the size of LOCAL array '{}' is not a positive "
                                              "constant",
                                              v.name.name));
        return;
    }
    local_arrays[id] = size;
    int first = -1;
    for (std::int64_t k = 0; k < size; ++k) {
        int l = fresh_local(fmt::format("{}[{}]", v.name.name, k));
        emit(AssignLocal::make(l, num(0)));
        if (k == 0)
            first = l;
    }
    scopes.back()[id] = Var::local(first);
}

bool Lowerer::unrolled_from(const ast::FromStmt& f) {
    auto from = constant_of(*f.from);
    auto to = constant_of(*f.to);
    auto by = f.by ? constant_of(*f.by) : std::optional<double>(1.0);
    if (!from || !to || !by || *by == 0)
        return false;
    double count = std::floor((*to - *from) / *by) + 1;
    if (count > kMaxUnroll)
        return false;
    SymbolId id = symbol_of(f.var);
    auto saved = loop_values.find(id) == loop_values.end()
                     ? std::nullopt
                     : std::optional<double>(loop_values[id]);
    for (double i = *from; *by > 0 ? i <= *to : i >= *to; i += *by) {
        loop_values[id] = i;
        block(f.body);
    }
    if (saved)
        loop_values[id] = *saved;
    else
        loop_values.erase(id);
    return true;
}

} // namespace mech::ir::detail
