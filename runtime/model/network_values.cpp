// Model-file network values as the runtime's types (see network_values.hpp).
#include "network_values.hpp"

#include <limits>

namespace mech::model {

Distribution to_distribution(const DistributionDesc& d) {
    Distribution out = Distribution::constant(d.p1);
    switch (d.kind) {
        case DistributionDesc::Kind::Constant: break;
        case DistributionDesc::Kind::Uniform: out = Distribution::uniform(d.p1, d.p2); break;
        case DistributionDesc::Kind::Normal: out = Distribution::normal(d.p1, d.p2); break;
        case DistributionDesc::Kind::Exponential: out = Distribution::exponential(d.p1); break;
    }
    if (d.min || d.max)
        out = out.truncated(d.min.value_or(-std::numeric_limits<double>::infinity()),
                            d.max.value_or(std::numeric_limits<double>::infinity()));
    return out;
}

NetStim to_netstim(double interval, double number, double start, double noise) {
    NetStim s;
    s.interval = interval;
    s.number = number;
    s.start = start;
    s.noise = noise;
    return s;
}

}  // namespace mech::model
