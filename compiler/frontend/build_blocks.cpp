// Parse tree to AST: top-level blocks, including the structural rules of CHANNEL, GATE and POOL.
#include "frontend/build_ast.hpp"

#include <fmt/format.h>

namespace mech::frontend {

using diag::SourceRange;

namespace {

std::string trimmed(std::string s) {
    std::size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    std::size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

ast::Block block(ast::BlockNode node, SourceRange r) { return ast::Block{std::move(node), r}; }

} // namespace

bool AstBuilder::first_time(bool seen, const char* what, SourceRange here, SourceRange first) {
    if (!seen) return true;
    diags_.error(here, fmt::format("{} is given twice", what));
    diags_.note(first, "first given here");
    return false;
}

std::optional<ast::Block> AstBuilder::top_item(P::TopItemContext* ctx) {
    if (!ctx) return std::nullopt;
    SourceRange r = range(ctx);
    if (auto* c = dynamic_cast<P::TitleItemContext*>(ctx))
        return block(ast::TitleBlock{trimmed(c->TITLE_LINE()->getText().substr(5))}, r);
    if (auto* c = dynamic_cast<P::DefineItemContext*>(ctx))
        return block(ast::DefineBlock{ident(c->ident()), number(c->NUMBER(), nullptr, range(c->NUMBER()))}, r);
    if (auto* c = dynamic_cast<P::NeuronItemContext*>(ctx)) return neuron_block(c);
    if (auto* c = dynamic_cast<P::UnitsBlockItemContext*>(ctx)) return units_block(c);
    if (auto* c = dynamic_cast<P::DeclItemContext*>(ctx)) return decl_block(c);
    if (auto* c = dynamic_cast<P::BodyItemContext*>(ctx)) {
        ast::BodyKind k = c->INITIAL()       ? ast::BodyKind::Initial
                          : c->BREAKPOINT()  ? ast::BodyKind::Breakpoint
                          : c->CONSTRUCTOR() ? ast::BodyKind::Constructor
                                             : ast::BodyKind::Destructor;
        return block(ast::BodyBlock{k, std::nullopt, stmt_block(c->stmtBlock())}, r);
    }
    if (auto* c = dynamic_cast<P::BeforeAfterItemContext*>(ctx)) {
        ast::BodyKind k = c->BEFORE() ? ast::BodyKind::Before : ast::BodyKind::After;
        std::optional<ast::Ident> when;
        if (c->when) when = ast::Ident{c->when->getText(), range(c->when)};
        return block(ast::BodyBlock{k, std::move(when), stmt_block(c->stmtBlock())}, r);
    }
    if (auto* c = dynamic_cast<P::EquationItemContext*>(ctx)) {
        ast::EquationKind k = c->DERIVATIVE() ? ast::EquationKind::Derivative
                              : c->KINETIC()  ? ast::EquationKind::Kinetic
                              : c->LINEAR()   ? ast::EquationKind::Linear
                                              : ast::EquationKind::Nonlinear;
        return block(ast::EquationBlock{k, ident(c->ident()), stmt_block(c->stmtBlock())}, r);
    }
    if (auto* c = dynamic_cast<P::FunctionItemContext*>(ctx)) {
        ast::FunctionBlock f{c->PROCEDURE() != nullptr, ident(c->ident()), params(c->paramList()), unit(c->unit()),
                             stmt_block(c->stmtBlock())};
        return block(std::move(f), r);
    }
    if (auto* c = dynamic_cast<P::FunctionTableItemContext*>(ctx))
        return block(ast::FunctionTableBlock{ident(c->ident()), params(c->paramList()), unit(c->unit())}, r);
    if (auto* c = dynamic_cast<P::NetReceiveItemContext*>(ctx))
        return block(ast::NetReceiveBlock{params(c->paramList()), stmt_block(c->stmtBlock())}, r);
    if (auto* c = dynamic_cast<P::UnitsToggleItemContext*>(ctx))
        return block(ast::UnitsToggleBlock{c->UNITSON() != nullptr}, r);
    if (auto* c = dynamic_cast<P::TopLocalItemContext*>(ctx)) {
        ast::DeclBlock b{ast::DeclKind::Local, {}};
        for (auto* v : c->localVar()) {
            ast::VarDecl d;
            d.name = ident(v->ident());
            d.range = range(v);
            array_size(v->arraySize(), d.array_size, d.array_size_name);
            b.decls.push_back(std::move(d));
        }
        return block(std::move(b), r);
    }
    if (auto* c = dynamic_cast<P::ChannelItemBlockContext*>(ctx)) return channel_block(c);
    if (auto* c = dynamic_cast<P::PoolItemBlockContext*>(ctx)) return pool_block(c);
    if (dynamic_cast<P::IncludeItemContext*>(ctx)) {
        diags_.error(r, "INCLUDE is not supported by mech; put the included declarations in this file");
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<ast::Block> AstBuilder::neuron_block(P::NeuronItemContext* ctx) {
    ast::NeuronBlock n;
    for (auto* s : ctx->neuronStmt()) {
        SourceRange r = range(s);
        if (auto* c = dynamic_cast<P::SuffixStmtContext*>(s)) {
            ast::MechanismKind k = c->SUFFIX()          ? ast::MechanismKind::Density
                                   : c->POINT_PROCESS() ? ast::MechanismKind::PointProcess
                                                        : ast::MechanismKind::ArtificialCell;
            n.stmts.push_back({ast::SuffixStmt{k, ident(c->ident())}, r});
        } else if (auto* c = dynamic_cast<P::UseIonStmtContext*>(s)) {
            ast::UseIonStmt u{ident(c->ident()), idents(c->readList), idents(c->writeList),
                              signed_number(c->signedNumber())};
            n.stmts.push_back({std::move(u), r});
        } else if (auto* c = dynamic_cast<P::NameListStmtContext*>(s)) {
            ast::NameListKind k = c->RANGE()                 ? ast::NameListKind::Range
                                  : c->GLOBAL()              ? ast::NameListKind::Global
                                  : c->POINTER()             ? ast::NameListKind::Pointer
                                  : c->BBCOREPOINTER()       ? ast::NameListKind::BbcorePointer
                                  : c->NONSPECIFIC_CURRENT() ? ast::NameListKind::Nonspecific
                                  : c->ELECTRODE_CURRENT()   ? ast::NameListKind::Electrode
                                                             : ast::NameListKind::External;
            n.stmts.push_back({ast::NameListStmt{k, idents(c->identList())}, r});
        } else if (auto* c = dynamic_cast<P::ThreadsafeStmtContext*>(s)) {
            n.stmts.push_back({ast::NameListStmt{ast::NameListKind::Threadsafe, idents(c->identList())}, r});
        }
    }
    return block(std::move(n), range(ctx));
}

std::optional<ast::Block> AstBuilder::units_block(P::UnitsBlockItemContext* ctx) {
    ast::UnitsBlock u;
    for (auto* item : ctx->unitsItem()) {
        SourceRange r = range(item);
        if (auto* c = dynamic_cast<P::UnitAliasItemContext*>(item)) {
            auto a = unit(c->unit(0));
            auto b = unit(c->unit().size() > 1 ? c->unit(1) : nullptr);
            if (a && b) u.items.push_back({ast::UnitAlias{*a, *b}, r});
        } else if (auto* c = dynamic_cast<P::UnitRatioItemContext*>(item)) {
            ast::UnitConstant k{ident(c->ident()), nullptr, unit(c->unit(0)),
                                unit(c->unit().size() > 1 ? c->unit(1) : nullptr)};
            u.items.push_back({std::move(k), r});
        } else if (auto* c = dynamic_cast<P::UnitValueItemContext*>(item)) {
            ast::UnitConstant k{ident(c->ident()), signed_number(c->signedNumber()), unit(c->unit()), std::nullopt};
            u.items.push_back({std::move(k), r});
        }
    }
    return block(std::move(u), range(ctx));
}

ast::VarDecl AstBuilder::var_decl(P::VarDeclContext* c, ast::DeclKind kind) {
    ast::VarDecl d;
    d.name = ident(c->ident());
    d.range = range(c);
    array_size(c->arraySize(), d.array_size, d.array_size_name);
    d.value = c->value ? signed_number(c->value) : nullptr;
    d.unit = unit(c->u1);
    if (c->unit2) {
        if (d.unit) diags_.error(range(c->unit2), fmt::format("'{}' is given units twice", d.name.name));
        else d.unit = unit(c->unit2);
    }
    if (auto* l = c->limits()) d.limits = ast::Limits{signed_number(l->lo), signed_number(l->hi), range(l)};
    if (auto* t = c->tolerance()) d.tolerance = signed_number(t->signedNumber());
    d.from = c->from ? signed_number(c->from) : nullptr;
    d.to = c->to ? signed_number(c->to) : nullptr;
    d.with = c->with ? signed_number(c->with) : nullptr;
    d.start = c->start ? signed_number(c->start) : nullptr;
    if (d.value && kind != ast::DeclKind::Parameter && kind != ast::DeclKind::Constant && kind != ast::DeclKind::Assigned)
        diags_.error(range(c->value), fmt::format("'{}' cannot be given a value here: only PARAMETER and CONSTANT "
                                                  "declarations take '= value' (set states in INITIAL)",
                                                  d.name.name));
    return d;
}

std::optional<ast::Block> AstBuilder::decl_block(P::DeclItemContext* ctx) {
    ast::DeclKind k = ctx->PARAMETER()  ? ast::DeclKind::Parameter
                      : ctx->CONSTANT() ? ast::DeclKind::Constant
                      : ctx->STATE()    ? ast::DeclKind::State
                      : ctx->ASSIGNED() ? ast::DeclKind::Assigned
                                        : ast::DeclKind::Independent;
    ast::DeclBlock b{k, {}};
    for (auto* v : ctx->varDecl()) b.decls.push_back(var_decl(v, k));
    return block(std::move(b), range(ctx));
}

} // namespace mech::frontend
