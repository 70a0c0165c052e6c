// The whole public runtime API in one include.
#pragma once

#include "mech/catalogue.hpp"
#include "mech/distribution.hpp"
#include "mech/error.hpp"
#include "mech/ids.hpp"
#include "mech/model.hpp"
#include "mech/network.hpp"
#include "mech/gap_junction.hpp"
#include "mech/simulation.hpp"
#include "mech/spike_source.hpp"
#include "mech/stimulus.hpp"
