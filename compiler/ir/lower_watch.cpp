// Lowering, part 7: WATCH in NET_RECEIVE. Each WATCH item gets a hidden per-instance field
// (0 inactive, 1 armed with the condition false, 2 armed with it true) and, when its flag is
// not a number, a field holding the flag given when it was armed; the check_watch kernel
// sends net_send(0, flag) on each false -> true transition, as NEURON's WatchCondition does.
#include "ir/lower_context.hpp"

#include "ast/walk.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mech::ir::detail {

namespace {

int add_hidden_field(Mechanism& m, std::string name) {
    Field f;
    f.name = std::move(name);
    f.role = FieldRole::Assigned;
    m.fields.push_back(std::move(f));
    return static_cast<int>(m.fields.size()) - 1;
}

struct WatchCollector : ast::Walker {
    std::vector<const ast::WatchItem*> items;
    using ast::Walker::enter;
    bool enter(const ast::Stmt& s) override {
        if (auto* w = s.as<ast::WatchStmt>())
            for (const auto& item : w->items)
                items.push_back(&item);
        return true;
    }
};

struct NetReceiveNames : ast::Walker {
    const Lowerer& l;
    std::vector<const ast::Expr*> bad;
    explicit NetReceiveNames(const Lowerer& lowerer) : l(lowerer) {}
    using ast::Walker::enter;
    bool enter(const ast::Expr& e) override {
        if (e.is<ast::NameExpr>()) {
            SymbolId id = l.symbol_of(e);
            if (id != sema::kNoSymbol && id < l.an.symbols.size()) {
                auto kind = l.an.symbols[id].kind;
                if (kind == sema::SymbolKind::Local || kind == sema::SymbolKind::Argument)
                    bad.push_back(&e);
            }
        }
        return true;
    }
};

} // namespace

void Lowerer::declare_watches(const ast::NetReceiveBlock& net_receive) {
    WatchCollector collector;
    collector.walk(net_receive.body);
    for (const auto* item : collector.items) {
        NetReceiveNames names(*this);
        names.walk(*item->cond);
        if (!names.bad.empty()) {
            const auto& name = names.bad.front()->as<ast::NameExpr>()->name;
            diags.error(names.bad.front()->range,
                        fmt::format("a WATCH condition is tested every step outside NET_RECEIVE, "
                                    "so it cannot read '{}' (a NET_RECEIVE argument, LOCAL or "
                                    "flag); use RANGE/GLOBAL variables, v or t",
                                    name));
            continue;
        }
        WatchSlot slot;
        slot.item = item;
        int n = static_cast<int>(watches.size()) + 1;
        slot.state = add_hidden_field(m, fmt::format("_watch{}", n));
        if (!item->flag->is<ast::NumberExpr>())
            slot.flag = add_hidden_field(m, fmt::format("_watch{}_flag", n));
        watches.push_back(slot);
    }
    // check_watch: test every armed watch of every instance once per step.
    in(m.check_watch, m.check_watch.body, Where::Watch, [&] {
        for (size_t k = 0; k < watches.size(); ++k) {
            const WatchSlot& w = watches[k];
            auto state = field(w.state);
            Block test;
            Block* saved = out;
            out = &test;
            int c = fresh_local(fmt::format("watch{}_cond", k + 1));
            emit(AssignLocal::make(c, select(expr(*w.item->cond), num(1), num(0))));
            ExprPtr flag = w.flag >= 0 ? field(w.flag) : expr(*w.item->flag);
            Block fire{If::make(compare(BinaryOp::Eq, state, num(1)),
                                {NetSend::make(num(0), flag)}),
                       Store::make(Var::field(w.state), num(2), false, w.item->range)};
            emit(If::make(compare(BinaryOp::Ne, local(c), num(0)), std::move(fire),
                          {Store::make(Var::field(w.state), num(1), false, w.item->range)}));
            out = saved;
            emit(If::make(compare(BinaryOp::Ne, state, num(0)), std::move(test)));
        }
    });
}

void Lowerer::watch(const ast::WatchStmt& w, const ast::Stmt& s) {
    if (where != Where::NetReceive && where != Where::NetReceiveInit) {
        diags.error(s.range, "WATCH belongs in NET_RECEIVE (or its INITIAL block)");
        return;
    }
    // The first WATCH run by one event disarms the instance's watches (NEURON's _watch_rm).
    int& rm = watch_disarmed[kernel];
    if (rm == 0)
        rm = fresh_local("watch_rm") + 1;
    Block disarm;
    for (const auto& slot : watches)
        disarm.push_back(Store::make(Var::field(slot.state), num(0)));
    emit(If::make(compare(BinaryOp::Eq, local(rm - 1), num(0)), std::move(disarm)));
    emit(AssignLocal::make(rm - 1, num(1)));
    for (const auto& item : w.items) {
        auto slot = std::find_if(watches.begin(), watches.end(),
                                 [&](const WatchSlot& x) { return x.item == &item; });
        if (slot == watches.end())
            continue; // reported by declare_watches
        // Armed with the condition's present value: an already-true condition fires only
        // after it has become false and true again.
        emit(Store::make(Var::field(slot->state), select(expr(*item.cond), num(2), num(1)), false,
                         item.range));
        if (slot->flag >= 0)
            emit(Store::make(Var::field(slot->flag), expr(*item.flag), false, item.range));
    }
}

} // namespace mech::ir::detail
