// Evaluation of the native stimuli, following NEURON's stim.mod and svclmp.mod.
#include "stimuli.hpp"

#include "mech/error.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <muParser.h>
#include <numbers>

namespace mech::detail {

struct Stimuli::Item {
    std::variant<IClamp, SEClamp, CurrentWaveform> source;
    int32_t node = 0;
    double scale = 0; // 100/area: nA -> mA/cm2
    double i = 0;     // nA, positive depolarises
    double vc = 0;    // SEClamp command (mV)
    bool on = false;
    std::unique_ptr<double> t_param; // muParser reads t from here (a stable address)
    std::unique_ptr<mu::Parser> parser;
};

Stimuli::Stimuli() = default;
Stimuli::~Stimuli() = default;
Stimuli::Stimuli(Stimuli&&) noexcept = default;
Stimuli& Stimuli::operator=(Stimuli&&) noexcept = default;

void Stimuli::add(const StimulusSpec& spec, int32_t node, double area, const std::string& where) {
    Item item;
    item.source = spec.source;
    item.node = node;
    item.scale = 100.0 / area;
    if (auto* w = std::get_if<CurrentWaveform>(&spec.source); w && !w->expression.empty()) {
        item.parser = std::make_unique<mu::Parser>();
        item.t_param = std::make_unique<double>(0.0);
        try {
            item.parser->DefineConst("pi", std::numbers::pi);
            item.parser->DefineConst("e", std::numbers::e);
            item.parser->DefineVar("t", item.t_param.get());
            item.parser->SetExpr(w->expression);
            item.parser->Eval(); // compiles and reports unknown names now, not mid-run
        } catch (const mu::Parser::exception_type& e) {
            throw Error(fmt::format("{}: cannot use expression \"{}\": {} (at position {})", where,
                                    w->expression, e.GetMsg(), e.GetPos()));
        }
    }
    items_.push_back(std::move(item));
}

int32_t Stimuli::node(std::size_t k) const {
    return items_[k].node;
}
std::size_t Stimuli::size() const {
    return items_.size();
}

const double* Stimuli::variable(std::size_t k, std::string_view name) const {
    const Item& item = items_[k];
    if (name == "i")
        return &item.i;
    if (name == "vc" && std::holds_alternative<SEClamp>(item.source))
        return &item.vc;
    return nullptr;
}

bool Stimuli::set(std::size_t k, std::string_view name, double value) {
    Item& item = items_[k];
    double* target = nullptr;
    if (auto* c = std::get_if<IClamp>(&item.source)) {
        target = name == "amp"   ? &c->amp
                 : name == "del" ? &c->del
                 : name == "dur" ? &c->dur
                                 : nullptr;
    } else if (auto* c = std::get_if<SEClamp>(&item.source)) {
        if (name == "rs" && !(value > 0))
            return false;
        target = name == "rs"     ? &c->rs
                 : name == "dur1" ? &c->dur1
                 : name == "amp1" ? &c->amp1
                 : name == "dur2" ? &c->dur2
                 : name == "amp2" ? &c->amp2
                 : name == "dur3" ? &c->dur3
                 : name == "amp3" ? &c->amp3
                                  : nullptr;
    }
    if (target == nullptr)
        return false;
    *target = value;
    return true;
}

void Stimuli::initialize() {
    for (auto& item : items_) {
        item.i = 0;
        item.vc = 0;
        item.on = false;
    }
}

double Stimuli::waveform_at(Item& item, double t) {
    const auto& w = std::get<CurrentWaveform>(item.source);
    if (item.parser) {
        *item.t_param = t;
        return item.parser->Eval();
    }
    if (t <= w.times.front())
        return w.currents.front();
    if (t >= w.times.back())
        return w.currents.back();
    const auto k = static_cast<std::size_t>(std::upper_bound(w.times.begin(), w.times.end(), t) -
                                            w.times.begin());
    const double t0 = w.times[k - 1], t1 = w.times[k];
    return w.currents[k - 1] + (t - t0) / (t1 - t0) * (w.currents[k] - w.currents[k - 1]);
}

void Stimuli::compute_currents(double t, const double* v, double* rhs, double* d) {
    for (auto& item : items_) {
        double g = 0; // di/dv of the electrode current
        if (const auto* c = std::get_if<IClamp>(&item.source)) {
            item.i = (t < c->del + c->dur && t >= c->del) ? c->amp : 0.0;
        } else if (const auto* c = std::get_if<SEClamp>(&item.source)) {
            const double tc2 = c->dur1 + c->dur2, tc3 = tc2 + c->dur3;
            item.on = true;
            if (t < c->dur1)
                item.vc = c->amp1;
            else if (t < tc2)
                item.vc = c->amp2;
            else if (t < tc3)
                item.vc = c->amp3;
            else {
                item.vc = 0;
                item.on = false;
            }
            item.i = item.on ? (item.vc - v[item.node]) / c->rs : 0.0;
            g = item.on ? -1.0 / c->rs : 0.0;
        } else {
            item.i = waveform_at(item, t);
        }
        rhs[item.node] += item.scale * item.i;
        d[item.node] -= item.scale * g;
    }
}

void Stimuli::after_solve(const double* v) {
    for (auto& item : items_)
        if (const auto* c = std::get_if<SEClamp>(&item.source))
            item.i = item.on ? (item.vc - v[item.node]) / c->rs : 0.0;
}

} // namespace mech::detail
