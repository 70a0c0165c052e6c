// Parser unit tests: each construct of the language lands in the AST as written.
#include "parse_helpers.hpp"

#include "ast/print.hpp"

#include <gtest/gtest.h>

namespace mech::test {
namespace {

TEST(Parse, NeuronBlockStatements) {
    auto p = parse_text("NEURON { SUFFIX hh USEION na READ ena WRITE ina VALENCE 1 RANGE a, b NONSPECIFIC_CURRENT il THREADSAFE }");
    ASSERT_FALSE(p.diags->has_errors()) << p.messages();
    auto* n = p.module.find<ast::NeuronBlock>();
    ASSERT_NE(n, nullptr);
    ASSERT_EQ(n->stmts.size(), 5u);
    auto& suffix = std::get<ast::SuffixStmt>(n->stmts[0].node);
    EXPECT_EQ(suffix.kind, ast::MechanismKind::Density);
    EXPECT_EQ(suffix.name.name, "hh");
    auto& ion = std::get<ast::UseIonStmt>(n->stmts[1].node);
    EXPECT_EQ(ion.ion.name, "na");
    ASSERT_EQ(ion.read.size(), 1u);
    EXPECT_EQ(ion.write[0].name, "ina");
    ASSERT_TRUE(ion.valence);
    EXPECT_EQ(ion.valence->as<ast::NumberExpr>()->value, 1);
    EXPECT_EQ(std::get<ast::NameListStmt>(n->stmts[2].node).names.size(), 2u);
    EXPECT_EQ(std::get<ast::NameListStmt>(n->stmts[3].node).kind, ast::NameListKind::Nonspecific);
    EXPECT_EQ(std::get<ast::NameListStmt>(n->stmts[4].node).kind, ast::NameListKind::Threadsafe);
}

TEST(Parse, DeclarationsKeepUnitsLimitsAndLocations) {
    auto p = parse_text("PARAMETER {\n    gnabar = .12 (S/cm2) <0, 1e9>\n    el = -54.3 (mV)\n    v (mV)\n}\n"
                        "STATE { m FROM 0 TO 1 ca[4] (mM) <1e-6> }\n");
    ASSERT_FALSE(p.diags->has_errors()) << p.messages();
    auto* params = p.module.find<ast::DeclBlock>();
    ASSERT_NE(params, nullptr);
    ASSERT_EQ(params->decls.size(), 3u);
    const auto& g = params->decls[0];
    EXPECT_EQ(g.name.name, "gnabar");
    EXPECT_EQ(g.value->as<ast::NumberExpr>()->value, 0.12);
    EXPECT_EQ(g.unit->text, "S/cm2");
    ASSERT_TRUE(g.limits);
    EXPECT_EQ(g.limits->hi->as<ast::NumberExpr>()->value, 1e9);
    EXPECT_EQ(g.name.range.begin.line, 2u);
    EXPECT_EQ(g.name.range.begin.column, 5u);
    EXPECT_EQ(g.name.range.end.column, 10u);
    EXPECT_EQ(params->decls[1].value->as<ast::NumberExpr>()->value, -54.3);
    EXPECT_FALSE(params->decls[2].value);
    const auto& state = p.module.blocks[1].as<ast::DeclBlock>()->decls;
    ASSERT_EQ(state.size(), 2u);
    EXPECT_EQ(state[0].to->as<ast::NumberExpr>()->value, 1);
    EXPECT_EQ(state[1].array_size, 4);
    EXPECT_EQ(state[1].tolerance->as<ast::NumberExpr>()->value, 1e-6);
}

TEST(Parse, ExpressionPrecedenceAndAssociativity) {
    auto p = parse_text("INITIAL { x = -a^2 + b*c/d - 2^-3^2 }");
    ASSERT_FALSE(p.diags->has_errors()) << p.messages();
    auto* body = p.module.find<ast::BodyBlock>();
    auto* assign = body->body.stmts[0]->as<ast::AssignStmt>();
    // -(a^2) + ((b*c)/d) - (2^(-(3^2)))
    EXPECT_EQ(ast::print(*assign->rhs), "-a^2 + b * c / d - 2^-3^2");
    auto* sub = assign->rhs->as<ast::BinaryExpr>();
    ASSERT_EQ(sub->op, ast::BinaryOp::Sub);
    auto* pow = sub->rhs->as<ast::BinaryExpr>();
    ASSERT_EQ(pow->op, ast::BinaryOp::Pow);
    ASSERT_TRUE(pow->rhs->is<ast::UnaryExpr>());
    auto* add = sub->lhs->as<ast::BinaryExpr>();
    ASSERT_EQ(add->op, ast::BinaryOp::Add);
    ASSERT_TRUE(add->lhs->is<ast::UnaryExpr>()); // unary minus binds looser than ^
    EXPECT_TRUE(add->lhs->as<ast::UnaryExpr>()->operand->is<ast::BinaryExpr>());
}

TEST(Parse, NumbersWithUnitsAndDerivatives) {
    auto p = parse_text("DERIVATIVE states { m' = 0.1 (/ms) * (minf - m) }");
    ASSERT_FALSE(p.diags->has_errors()) << p.messages();
    auto* eq = p.module.find<ast::EquationBlock>();
    ASSERT_NE(eq, nullptr);
    EXPECT_EQ(eq->kind, ast::EquationKind::Derivative);
    auto* a = eq->body.stmts[0]->as<ast::AssignStmt>();
    EXPECT_EQ(a->lhs->as<ast::NameExpr>()->primes, 1);
    auto* mul = a->rhs->as<ast::BinaryExpr>();
    EXPECT_EQ(mul->lhs->as<ast::NumberExpr>()->unit->text, "/ms");
}

TEST(Parse, KineticReactionsConserveCompartment) {
    auto p = parse_text("KINETIC kin {\n COMPARTMENT vol { A B }\n ~ A + 2 B <-> C (kf, kb)\n ~ A << (flux)\n"
                        " ~ C -> (kd)\n CONSERVE A + B + C = 1\n}");
    ASSERT_FALSE(p.diags->has_errors()) << p.messages();
    auto& stmts = p.module.find<ast::EquationBlock>()->body.stmts;
    ASSERT_EQ(stmts.size(), 5u);
    EXPECT_EQ(stmts[0]->as<ast::CompartmentStmt>()->species.size(), 2u);
    auto* r = stmts[1]->as<ast::ReactionStmt>();
    EXPECT_EQ(r->kind, ast::ReactionKind::Reversible);
    EXPECT_EQ(r->lhs[1].coefficient, 2);
    EXPECT_EQ(r->rhs.size(), 1u);
    EXPECT_EQ(stmts[2]->as<ast::ReactionStmt>()->kind, ast::ReactionKind::Flux);
    EXPECT_EQ(stmts[3]->as<ast::ReactionStmt>()->kind, ast::ReactionKind::Decay);
    EXPECT_TRUE(stmts[4]->is<ast::ConserveStmt>());
}

TEST(Parse, IfElseIfChainNests) {
    auto p = parse_text("FUNCTION f(x) { if (x < 0) { f = 0 } ELSE IF (x < 1) { f = x } else { f = 1 } }");
    ASSERT_FALSE(p.diags->has_errors()) << p.messages();
    auto* f = p.module.find<ast::FunctionBlock>();
    auto* top = f->body.stmts[0]->as<ast::IfStmt>();
    ASSERT_TRUE(top->else_body);
    ASSERT_EQ(top->else_body->stmts.size(), 1u);
    auto* inner = top->else_body->stmts[0]->as<ast::IfStmt>();
    ASSERT_NE(inner, nullptr);
    EXPECT_TRUE(inner->else_body);
}

TEST(Parse, NetReceiveWatchAndTable) {
    auto p = parse_text("NET_RECEIVE(w (uS), tsyn (ms)) {\n INITIAL { tsyn = t }\n net_send(0, 1)\n WATCH (v > thresh) 2\n}\n"
                        "PROCEDURE rates(v (mV)) { TABLE minf DEPEND celsius FROM -100 TO 100 WITH 200 }");
    ASSERT_FALSE(p.diags->has_errors()) << p.messages();
    auto* n = p.module.find<ast::NetReceiveBlock>();
    ASSERT_EQ(n->params.size(), 2u);
    EXPECT_EQ(n->params[0].unit->text, "uS");
    EXPECT_TRUE(n->body.stmts[0]->is<ast::InitialStmt>());
    EXPECT_TRUE(n->body.stmts[1]->is<ast::ExprStmt>());
    EXPECT_EQ(n->body.stmts[2]->as<ast::WatchStmt>()->items.size(), 1u);
    auto* t = p.module.find<ast::FunctionBlock>()->body.stmts[0]->as<ast::TableStmt>();
    EXPECT_EQ(t->depend[0].name, "celsius");
}

TEST(Parse, UnitsBlockForms) {
    auto p = parse_text("UNITS { (mV) = (millivolt) FARADAY = (faraday) (coulomb) R = 8.314 (joule/degC) }");
    ASSERT_FALSE(p.diags->has_errors()) << p.messages();
    auto& items = p.module.find<ast::UnitsBlock>()->items;
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(std::get<ast::UnitAlias>(items[0].node).definition.text, "millivolt");
    auto& f = std::get<ast::UnitConstant>(items[1].node);
    EXPECT_EQ(f.unit->text, "faraday");
    EXPECT_EQ(f.in_unit->text, "coulomb");
    EXPECT_EQ(std::get<ast::UnitConstant>(items[2].node).value->as<ast::NumberExpr>()->value, 8.314);
}

TEST(Parse, ChannelAndPool) {
    auto p = parse_text("CHANNEL na { ION na GMAX gnabar GATE m POWER 3 { ALPHA = a(v) BETA = b(v) } "
                        "GATE h { INF = hinf TAU = 0 (ms) } }\n"
                        "CHANNEL nmda { NONSPECIFIC i CARRIER ca FRACTION 0.1 GMAX g REVERSAL 0 (mV) }\n"
                        "POOL cai { CURRENT ica DEPTH = 0.1 (um) TAU = 200 (ms) MIN = 5e-5 (mM) }");
    ASSERT_FALSE(p.diags->has_errors()) << p.messages();
    auto* na = p.module.blocks[0].as<ast::ChannelBlock>();
    ASSERT_NE(na, nullptr);
    EXPECT_EQ(na->ion->name, "na");
    ASSERT_EQ(na->gates.size(), 2u);
    EXPECT_EQ(na->gates[0].power, 3);
    EXPECT_TRUE(na->gates[0].alpha && na->gates[0].beta);
    EXPECT_FALSE(na->gates[1].power);
    EXPECT_TRUE(na->gates[1].inf && na->gates[1].tau);
    auto* nmda = p.module.blocks[1].as<ast::ChannelBlock>();
    EXPECT_EQ(nmda->carrier_ion->name, "ca");
    EXPECT_EQ(nmda->carrier_fraction->as<ast::NumberExpr>()->value, 0.1);
    auto* pool = p.module.find<ast::PoolBlock>();
    EXPECT_EQ(pool->current->name, "ica");
    EXPECT_TRUE(pool->depth && pool->tau && pool->min && !pool->factor);
}

TEST(Parse, MechKeywordsAreNamesInNmodlCode) {
    auto p = parse_text("PARAMETER { TAU = 2 (ms) MIN = 1 DEPTH = 0.1 (um) }\nINITIAL { TAU = MIN * DEPTH }", "x.mod");
    ASSERT_FALSE(p.diags->has_errors()) << p.messages();
    EXPECT_EQ(p.module.dialect, ast::Dialect::Nmodl);
    EXPECT_EQ(p.module.find<ast::DeclBlock>()->decls[0].name.name, "TAU");
}

TEST(Parse, CommentsTitleAndUnitsToggles) {
    auto p = parse_text("TITLE  a test  \nCOMMENT\n anything { ( \nENDCOMMENT\n: line\n? line\nUNITSOFF\nINITIAL { UNITSON }\n");
    ASSERT_FALSE(p.diags->has_errors()) << p.messages();
    ASSERT_EQ(p.module.blocks.size(), 3u);
    EXPECT_EQ(p.module.blocks[0].as<ast::TitleBlock>()->text, "a test");
    EXPECT_FALSE(p.module.blocks[1].as<ast::UnitsToggleBlock>()->on);
}

} // namespace
} // namespace mech::test
