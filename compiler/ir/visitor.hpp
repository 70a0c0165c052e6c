// Walking and rewriting IR: a visitor that visits children by default, a mutator that
// returns the very same node when nothing below it changed.
#pragma once

#include "ir/mechanism.hpp"

namespace mech::ir {

/// Override the kinds you care about; call the base to keep walking into children.
class Visitor {
public:
    virtual ~Visitor() = default;
    void visit(const ExprPtr& e);
    void visit(const StmtPtr& s);
    void visit(const Block& b);

    virtual void on(const Constant&) {}
    virtual void on(const VarRef&) {}
    virtual void on(const Unary& e) { visit(e.operand); }
    virtual void on(const Binary& e);
    virtual void on(const Call& e);
    virtual void on(const Select& e);

    virtual void on(const AssignLocal& s) { visit(s.value); }
    virtual void on(const Store& s) { visit(s.value); }
    virtual void on(const If& s);
    virtual void on(const While& s);
    virtual void on(const AccumulateCurrent& s);
    virtual void on(const NetSend& s);
    virtual void on(const NetEvent& s) { visit(s.time); }
    virtual void on(const NetMove& s) { visit(s.time); }
    virtual void on(const Derivative& s) { visit(s.rhs); }
    virtual void on(const Conserve& s);
    virtual void on(const Solve& s) { visit(s.body); }
};

/// Each `mutate` returns a replacement; the defaults rebuild a node only when a child changed.
/// Statement mutation returns a Block so one statement may become several (or none).
class Mutator {
public:
    virtual ~Mutator() = default;
    ExprPtr mutate(const ExprPtr& e);
    Block mutate(const StmtPtr& s);
    Block mutate(const Block& b);

    virtual ExprPtr on(const ExprPtr& self, const Constant&) { return self; }
    virtual ExprPtr on(const ExprPtr& self, const VarRef&) { return self; }
    virtual ExprPtr on(const ExprPtr& self, const Unary& e);
    virtual ExprPtr on(const ExprPtr& self, const Binary& e);
    virtual ExprPtr on(const ExprPtr& self, const Call& e);
    virtual ExprPtr on(const ExprPtr& self, const Select& e);

    virtual Block on(const StmtPtr& self, const AssignLocal& s);
    virtual Block on(const StmtPtr& self, const Store& s);
    virtual Block on(const StmtPtr& self, const If& s);
    virtual Block on(const StmtPtr& self, const While& s);
    virtual Block on(const StmtPtr& self, const AccumulateCurrent& s);
    virtual Block on(const StmtPtr& self, const NetSend& s);
    virtual Block on(const StmtPtr& self, const NetEvent& s);
    virtual Block on(const StmtPtr& self, const NetMove& s);
    virtual Block on(const StmtPtr& self, const Derivative& s);
    virtual Block on(const StmtPtr& self, const Conserve& s);
    virtual Block on(const StmtPtr& self, const Solve& s);
};

/// True when `b` holds the same statements (by pointer) as `a`.
bool same_block(const Block& a, const Block& b);

} // namespace mech::ir
