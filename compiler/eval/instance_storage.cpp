// InstanceStorage: structure-of-arrays storage laid out as the runtime lays it out.
#include "eval/instance_storage.hpp"

#include <numbers>

namespace mech::eval {

namespace {
struct IonDefaults {
    double reversal, internal, external;
};
// NEURON's defaults (nrn's ion initialisation at celsius 6.3).
IonDefaults defaults_for(const std::string& ion) {
    if (ion == "na")
        return {50.0, 10.0, 140.0};
    if (ion == "k")
        return {-77.0, 54.4, 2.5};
    if (ion == "ca")
        return {132.4579341637009, 5e-5, 2.0};
    return {0.0, 1.0, 1.0};
}
} // namespace

InstanceStorage::InstanceStorage(const ir::Mechanism& m, int width) {
    fields_.resize(m.fields.size());
    for (size_t k = 0; k < m.fields.size(); ++k) {
        fields_[k].assign(width, m.fields[k].default_value);
        field_ptrs_.push_back(fields_[k].data());
    }
    for (const auto& g : m.globals)
        globals_.push_back(g.default_value);
    v_.assign(width, -65.0);
    rhs_.assign(width, 0.0);
    d_.assign(width, 0.0);
    scale_.assign(width, 1.0);
    diam_.assign(width, 1.0);
    area_.assign(width, 100.0 * std::numbers::pi);
    for (int i = 0; i < width; ++i)
        index_.push_back(i);
    ion_arrays_.resize(m.ions.size());
    for (size_t j = 0; j < m.ions.size(); ++j) {
        auto def = defaults_for(m.ions[j].name);
        IonArrays& a = ion_arrays_[j];
        a.current.assign(width, 0.0);
        a.conductance.assign(width, 0.0);
        a.reversal.assign(width, def.reversal);
        a.internal.assign(width, def.internal);
        a.external.assign(width, def.external);
        views_.push_back({index_.data(), a.current.data(), a.conductance.data(),
                          a.reversal.data(), a.internal.data(), a.external.data()});
    }
    data.width = width;
    data.t = 0;
    data.dt = 0.025;
    data.celsius = 6.3;
    data.node_index = index_.data();
    data.vec_v = v_.data();
    data.vec_rhs = rhs_.data();
    data.vec_d = d_.data();
    data.scale = scale_.data();
    data.field = field_ptrs_.data();
    data.global = globals_.data();
    data.ion = views_.data();
    data.node_area = area_.data();
    data.node_diam = diam_.data();
}

double& InstanceStorage::ion(int j, ir::IonQuantity q, int i) {
    IonArrays& a = ion_arrays_[j];
    switch (q) {
    case ir::IonQuantity::Current: return a.current[i];
    case ir::IonQuantity::Conductance: return a.conductance[i];
    case ir::IonQuantity::Reversal: return a.reversal[i];
    case ir::IonQuantity::Internal: return a.internal[i];
    case ir::IonQuantity::External: break;
    }
    return a.external[i];
}

void InstanceStorage::clear_accumulators() {
    std::fill(rhs_.begin(), rhs_.end(), 0.0);
    std::fill(d_.begin(), d_.end(), 0.0);
    for (auto& a : ion_arrays_) {
        std::fill(a.current.begin(), a.current.end(), 0.0);
        std::fill(a.conductance.begin(), a.conductance.end(), 0.0);
    }
}

} // namespace mech::eval
