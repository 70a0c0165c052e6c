// An artificial cell firing `number` spikes every `interval` ms from `start` (NetStim with
// noise = 0), driven by self-events: INITIAL sends one at `start`; each one emits a spike and
// sends the next.
#include "test_mechanisms.hpp"

#include <cmath>

namespace mech::testing {

namespace {

enum Field { interval, number, start, count };

const mech_field_info fields[] = {
    {"interval", "ms", 10, 1e-9, 1e9, MECH_FIELD_PARAMETER},
    {"number", "", 10, 0, 1e9, MECH_FIELD_PARAMETER},
    {"start", "ms", 50, 0, 1e9, MECH_FIELD_PARAMETER},
    {"count", "", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
};

void init(mech_instance_data* d) {
    for (int k = 0; k < d->width; ++k) {
        d->field[count][k] = 0;
        if (d->field[number][k] > 0)
            d->net_send(d->runtime, k, d->field[start][k], 1);
    }
}

void net_receive(mech_instance_data* d, mech_index_t k, mech_value_t*, mech_value_t flag) {
    if (flag != 1)
        return;
    d->net_event(d->runtime, k, d->t);
    d->field[count][k] += 1;
    if (d->field[count][k] < d->field[number][k])
        d->net_send(d->runtime, k, d->field[interval][k], 1);
}

const mech_mechanism mechanism = [] {
    mech_mechanism m{}; // value-initialised: members appended to the ABI later stay null
    m.abi_version = MECH_ABI_VERSION;
    m.name = "RegularStim";
    m.kind = MECH_KIND_ARTIFICIAL;
    m.n_fields = static_cast<int32_t>(std::size(fields));
    m.fields = fields;
    m.n_net_receive_args = 1;
    m.init = init;
    m.net_receive = net_receive;
    return m;
}();

} // namespace

const mech_mechanism* regular_stim() {
    return &mechanism;
}

} // namespace mech::testing
