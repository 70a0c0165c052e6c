// The catalogue of all hand-written test mechanisms.
#include "test_mechanisms.hpp"

namespace mech::testing {

Catalogue catalogue() {
    Catalogue c;
    c.add(pas());
    c.add(hh());
    c.add(expsyn());
    c.add(exp2syn());
    c.add(cadecay());
    c.add(regular_stim());
    return c;
}

} // namespace mech::testing
