// Reading and changing values of a built Simulation by name (outside the step loop).
#include "simulation_impl.hpp"

#include "mech/error.hpp"

#include <cmath>
#include <fmt/format.h>

namespace mech {

namespace {

void check_section(const Simulation::Impl& s, SectionId section, double x) {
    if (section.index < 0 || section.index >= static_cast<int32_t>(s.section_names.size()))
        throw Error(fmt::format("invalid section handle {}", section.index));
    if (!(x >= 0 && x <= 1))
        throw Error(fmt::format("position x = {} is outside [0, 1]", x));
}

std::pair<int32_t, int32_t> checked_point(const Simulation::Impl& s, PointProcessId p) {
    if (p.index < 0 || p.index >= static_cast<int32_t>(s.point_instance.size()))
        throw Error(fmt::format("invalid point process handle {}", p.index));
    return s.point_instance[p.index];
}

// Sets field k of one instance now and for every later initialize().
void set_field(Simulation::Impl& s, int32_t store, int k, int32_t instance, double value,
               const std::string& where) {
    auto& st = s.stores[store];
    const mech_field_info& f = st.mech->fields[k];
    if (f.role == MECH_FIELD_PARAMETER && (value < f.lower_limit || value > f.upper_limit))
        throw Error(fmt::format("{}: {} = {} is outside its declared limits <{}, {}>", where,
                                f.name, value, f.lower_limit, f.upper_limit));
    st.field[k][instance] = value;
    s.initial_values[store][static_cast<std::size_t>(st.field[k] - st.values.data()) + instance] =
        value;
}

} // namespace

double Simulation::voltage(SectionId section, double x) const {
    return value(section, x, "v");
}

double Simulation::value(SectionId section, double x, std::string_view variable) const {
    check_section(*impl_, section, x);
    return *impl_->location_variable(section.index, x, variable);
}

double Simulation::value(PointProcessId process, std::string_view field) const {
    const auto [store, instance] = checked_point(*impl_, process);
    const int k = find_field(*impl_->stores[store].mech, field);
    if (k < 0)
        throw Error(fmt::format("point process {} has no field '{}'",
                                impl_->stores[store].mech->name, field));
    return impl_->stores[store].field[k][instance];
}

void Simulation::set(SectionId section, double x, std::string_view name, double value) {
    Impl& s = *impl_;
    check_section(s, section, x);
    const auto where = fmt::format("section '{}' at x = {}", s.section_names[section.index], x);
    if (const auto f = s.density_field(section.index, x, name); f.store >= 0) {
        set_field(s, f.store, f.field, f.instance, value, where);
        return;
    }
    const int32_t node = s.layout.segment_node(section.index, x);
    for (auto& ion : s.ions) {
        const int32_t slot = ion.slot_of(node);
        std::vector<double>* init = nullptr;
        std::vector<double>* live = nullptr;
        if (name == "e" + ion.name) {
            init = &ion.init_reversal;
            live = &ion.reversal;
        } else if (name == ion.name + "i") {
            init = &ion.init_internal;
            live = &ion.internal;
        } else if (name == ion.name + "o") {
            init = &ion.init_external;
            live = &ion.external;
        }
        if (init == nullptr)
            continue;
        if (slot < 0)
            throw Error(fmt::format("{}: no mechanism here uses ion {}", where, ion.name));
        (*init)[slot] = value;
        (*live)[slot] = value;
        return;
    }
    throw Error(fmt::format("{}: nothing called '{}' can be set here (use <field>_<mechanism> of "
                            "an inserted mechanism, or an ion value such as ena, cai)",
                            where, name));
}

void Simulation::set(PointProcessId process, std::string_view field, double value) {
    Impl& s = *impl_;
    const auto [store, instance] = checked_point(s, process);
    const int k = find_field(*s.stores[store].mech, field);
    if (k < 0)
        throw Error(
            fmt::format("point process {} has no field '{}'", s.stores[store].mech->name, field));
    set_field(s, store, k, instance, value,
              fmt::format("point process {}", s.stores[store].mech->name));
}

void Simulation::set_celsius(double celsius) {
    if (!std::isfinite(celsius))
        throw Error("set_celsius: celsius must be finite");
    Impl& s = *impl_;
    s.options.celsius = celsius;
    for (auto& store : s.stores)
        store.data.celsius = celsius;
    for (auto& part : s.partitions)
        for (auto& data : part.data)
            data.celsius = celsius;
}

void Simulation::set_dt(double dt) {
    if (!(dt > 0) || !std::isfinite(dt))
        throw Error(fmt::format("set_dt: dt must be positive (got {} ms)", dt));
    Impl& s = *impl_;
    s.options.dt = dt;
    for (std::size_t i = 0; i < s.cap.size(); ++i)
        s.cap[i] = s.cm[i] * 1e-3 / dt;
    for (auto& store : s.stores)
        store.data.dt = dt;
    for (auto& part : s.partitions)
        for (auto& data : part.data)
            data.dt = dt;
}

void Simulation::set(StimulusId stimulus, std::string_view name, double value) {
    Impl& s = *impl_;
    if (stimulus.index < 0 || static_cast<std::size_t>(stimulus.index) >= s.stimuli.size())
        throw Error(fmt::format("invalid stimulus handle {}", stimulus.index));
    if (!std::isfinite(value) || !s.stimuli.set(stimulus.index, name, value))
        throw Error(fmt::format("stimulus {}: cannot set '{}' to {} (IClamp has amp, del, dur; "
                                "SEClamp has rs > 0, dur1..3, amp1..3; VClamp has dur0..2, "
                                "amp0..2, gain, rstim > 0, tau1, tau2)",
                                stimulus.index, name, value));
}

} // namespace mech
