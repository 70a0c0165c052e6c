// Model-file network values as the runtime's types: distributions of weights and delays, and
// NetStim settings.
#pragma once

#include <mech/distribution.hpp>
#include <mech/spike_source.hpp>

#include "model_description.hpp"

namespace mech::model {

// The distribution, truncated to [min, max] when either is given.
Distribution to_distribution(const DistributionDesc& d);

// A NetStim with these settings; seed and stream are set by the Network.
NetStim to_netstim(double interval, double number, double start, double noise);

}  // namespace mech::model
