// Evaluation of the native stimuli, following NEURON's stim.mod and svclmp.mod.
#include "stimuli.hpp"

#include "mech/error.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <muParser.h>
#include <numbers>

namespace mech::detail {

struct Stimuli::Item {
    std::variant<IClamp, SEClamp, VClamp, CurrentWaveform> source;
    int32_t node = 0;
    double scale = 0;   // 100/area: nA -> mA/cm2
    double i = 0;       // nA, positive depolarises (an IClamp's is iclamp_.i[clamp])
    int32_t clamp = -1; // an IClamp's index in iclamp_
    double vc = 0;      // SEClamp command (mV)
    bool on = false;
    // VClamp: amplifier input e, output vo, measured vi, their values at the step start (..0),
    // the level's end time tc and the command stim.
    double e = 0, vo = 0, vi = 0, e0 = 0, vo0 = 0, vi0 = 0, tc = 0, stim = 0;
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
    if (const auto* c = std::get_if<IClamp>(&spec.source)) {
        item.clamp = static_cast<int32_t>(iclamp_.node.size());
        iclamp_.node.push_back(node);
        iclamp_.scale.push_back(item.scale);
        iclamp_.del.push_back(c->del);
        iclamp_.dur.push_back(c->dur);
        iclamp_.amp.push_back(c->amp);
        iclamp_.i.push_back(0.0);
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
        return item.clamp >= 0 ? &iclamp_.i[item.clamp] : &item.i;
    if (name == "vc" && std::holds_alternative<SEClamp>(item.source))
        return &item.vc;
    return nullptr;
}

bool Stimuli::set(std::size_t k, std::string_view name, double value) {
    Item& item = items_[k];
    double* target = nullptr;
    if (item.clamp >= 0) {
        const auto k = static_cast<std::size_t>(item.clamp);
        target = name == "amp"   ? &iclamp_.amp[k]
                 : name == "del" ? &iclamp_.del[k]
                 : name == "dur" ? &iclamp_.dur[k]
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
    } else if (auto* c = std::get_if<VClamp>(&item.source)) {
        if (name == "rstim" && !(value > 0))
            return false;
        const std::string_view levels[] = {"0", "1", "2"};
        for (int j = 0; j < 3; ++j) {
            if (name.starts_with("dur") && name.substr(3) == levels[j])
                target = &c->dur[j];
            if (name.starts_with("amp") && name.substr(3) == levels[j])
                target = &c->amp[j];
        }
        if (name == "gain")
            target = &c->gain;
        else if (name == "rstim")
            target = &c->rstim;
        else if (name == "tau1")
            target = &c->tau1;
        else if (name == "tau2")
            target = &c->tau2;
    }
    if (target == nullptr)
        return false;
    *target = value;
    return true;
}

void Stimuli::initialize(const double* v) {
    std::fill(iclamp_.i.begin(), iclamp_.i.end(), 0.0);
    for (auto& item : items_) {
        item.i = 0;
        item.vc = 0;
        item.on = false;
        item.e = item.e0 = 0;
        item.vo = item.vo0 = item.vi = item.vi0 = v[item.node];
        item.tc = item.stim = 0;
    }
}

// vclmp.mod's icur(): solves its LINEAR block
//   vi = v + fac*vo - fac*v  (fac = 0),  (1 + t2) vo - t2 vo0 = -gain e,
//   (1 + t1) vi - (2 + t1) e = stim + t1 (vi0 - e0),  t1 = tau1/dt, t2 = tau2/dt,
// for (e, vo, vi) and returns (vo - v)/rstim; off (and the memory cleared) once t > tc.
double Stimuli::vclamp_current(Item& item, double t, double dt, double v) {
    const auto& c = std::get<VClamp>(item.source);
    if (t > item.tc) {
        item.e0 = 0;
        item.vo0 = 0;
        return 0;
    }
    const double t1 = c.tau1 / dt, t2 = c.tau2 / dt;
    item.vi = v;
    item.e = ((1 + t1) * item.vi - item.stim - t1 * (item.vi0 - item.e0)) / (2 + t1);
    item.vo = (t2 * item.vo0 - c.gain * item.e) / (1 + t2);
    return (item.vo - v) / c.rstim;
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

void Stimuli::compute_currents(double t, double dt, const double* v, double* rhs, double* d,
                               std::span<const int32_t> which) {
    for (int32_t k : which) {
        Item& item = items_[k];
        double g = 0; // di/dv of the electrode current
        if (item.clamp >= 0) {
            const auto j = static_cast<std::size_t>(item.clamp);
            const double del = iclamp_.del[j];
            iclamp_.i[j] = (t < del + iclamp_.dur[j] && t >= del) ? iclamp_.amp[j] : 0.0;
            rhs[item.node] += item.scale * iclamp_.i[j];
            d[item.node] -= item.scale * g;
            continue;
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
        } else if (const auto* c = std::get_if<VClamp>(&item.source)) {
            // vstim(): the level holding t; tc is pushed past the end while the clamp is on.
            item.tc = 0;
            for (int j = 0; j < 3; ++j) {
                item.stim = c->amp[j];
                item.tc += c->dur[j];
                if (t < item.tc) {
                    item.tc += 100;
                    break;
                }
            }
            const double up = vclamp_current(item, t, dt, v[item.node] + .001);
            item.i = vclamp_current(item, t, dt, v[item.node]);
            g = (up - item.i) / .001;
        } else {
            item.i = waveform_at(item, t);
        }
        rhs[item.node] += item.scale * item.i;
        d[item.node] -= item.scale * g;
    }
}

void Stimuli::split_iclamps(std::span<const int32_t> which, std::vector<IClampRun>& iclamps,
                            std::vector<int32_t>& others) const {
    std::vector<int32_t> mixed_nodes; // nodes with an IClamp and some other stimulus
    for (int32_t k : which)
        if (items_[k].clamp < 0)
            mixed_nodes.push_back(items_[k].node);
    std::sort(mixed_nodes.begin(), mixed_nodes.end());
    iclamps.clear();
    others.clear();
    for (int32_t k : which) {
        const bool plain =
            items_[k].clamp >= 0 &&
            !std::binary_search(mixed_nodes.begin(), mixed_nodes.end(), items_[k].node);
        if (!plain) {
            others.push_back(k);
            continue;
        }
        const int32_t clamp = items_[k].clamp;
        if (!iclamps.empty()) {
            IClampRun& last = iclamps.back();
            if (clamp == last.first + last.count &&
                iclamp_.node[clamp] == iclamp_.node[last.first] + last.count) {
                ++last.count;
                continue;
            }
        }
        iclamps.push_back(IClampRun{clamp, 1});
    }
}

namespace {

// One run of IClamps. Cloned per instruction set: the baseline x86-64 target does not vectorise
// the loop (no fused multiply-add: the runtime is built with -ffp-contract=off).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx512f", "avx2", "default")))
#endif
void iclamp_run(double t, int32_t n, const double* __restrict scale, const double* __restrict del,
                const double* __restrict dur, const double* __restrict amp,
                double* __restrict current, double* __restrict rhs) {
    for (int32_t j = 0; j < n; ++j) {
        const double c = (t < del[j] + dur[j] && t >= del[j]) ? amp[j] : 0.0;
        current[j] = c;
        rhs[j] += scale[j] * c;
    }
}

} // namespace

void Stimuli::compute_iclamp_currents(double t, double* rhs,
                                      std::span<const IClampRun> iclamps) {
    // `d -= scale*0` in compute_currents leaves d unchanged bit for bit, so it is skipped here.
    for (const IClampRun& run : iclamps) {
        const auto k = static_cast<std::size_t>(run.first);
        iclamp_run(t, run.count, iclamp_.scale.data() + k, iclamp_.del.data() + k,
                   iclamp_.dur.data() + k, iclamp_.amp.data() + k, iclamp_.i.data() + k,
                   rhs + iclamp_.node[k]);
    }
}

void Stimuli::after_solve(double t, double dt, const double* v, std::span<const int32_t> which) {
    for (int32_t k : which) {
        Item& item = items_[k];
        if (const auto* c = std::get_if<SEClamp>(&item.source)) {
            item.i = item.on ? (item.vc - v[item.node]) / c->rs : 0.0;
        } else if (std::holds_alternative<VClamp>(item.source)) {
            item.i = vclamp_current(item, t, dt, v[item.node]);
            item.e0 = item.e;
            item.vo0 = item.vo;
            item.vi0 = item.vi;
        }
    }
}

} // namespace mech::detail
