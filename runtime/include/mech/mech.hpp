// The whole public runtime API in one include.
#pragma once

#include "mech/catalogue.hpp"
#include "mech/error.hpp"
#include "mech/ids.hpp"
#include "mech/model.hpp"
#include "mech/simulation.hpp"
#include "mech/stimulus.hpp"
