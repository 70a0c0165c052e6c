// Template part of derivative.hpp: a predicate walk over the variables an expression reads.
#pragma once

#include "ir/visitor.hpp"

namespace mech::passes::symbolic {

template <class Pred>
bool depends_on_any(const ir::ExprPtr& e, Pred pred) {
    struct Finder : ir::Visitor {
        Pred& pred;
        bool found = false;
        explicit Finder(Pred& p) : pred(p) {}
        void on(const ir::VarRef& r) override { found |= pred(r.var); }
    } finder(pred);
    finder.visit(e);
    return finder.found;
}

} // namespace mech::passes::symbolic
