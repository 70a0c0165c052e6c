// A read-only visitor over the AST: override enter/leave for the nodes you care about;
// children are visited by default (return false from enter to skip them).
#pragma once

#include "ast/module.hpp"

namespace mech::ast {

class Walker {
public:
    virtual ~Walker() = default;

    virtual bool enter(const Block&) { return true; }
    virtual void leave(const Block&) {}
    virtual bool enter(const Stmt&) { return true; }
    virtual void leave(const Stmt&) {}
    virtual bool enter(const Expr&) { return true; }
    virtual void leave(const Expr&) {}

    void walk(const Module& m);
    void walk(const Block& b);
    void walk(const StmtBlock& b);
    void walk(const Stmt& s);
    void walk(const Expr& e);

protected:
    void walk_opt(const ExprPtr& e) {
        if (e) walk(*e);
    }
};

} // namespace mech::ast
