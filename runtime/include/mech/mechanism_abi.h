/* The one boundary between compiled mechanisms and the runtime.
 *
 * A compiled mechanism (JIT-compiled at load time, or inside an ahead-of-time
 * catalogue) is a `mech_mechanism`: metadata that says what the mechanism
 * stores, plus kernel entry points. Every kernel loops over all instances of
 * the mechanism held in one `mech_instance_data` (structure-of-arrays layout).
 * Plain C so that catalogues can be produced by any code generator and loaded
 * with dlopen; nothing here allocates.
 *
 * Units at this boundary are NEURON's: v in mV, t and dt in ms, celsius in degC,
 * density currents in mA/cm2, conductances dI/dv in S/cm2, concentrations in mM.
 */
#ifndef MECH_MECHANISM_ABI_H
#define MECH_MECHANISM_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version 1. Members added since are appended at the end of their struct so that earlier
 * offsets stay valid: mech_mechanism.check_watch, mech_instance_data.net_move, and
 * mech_instance_data.node_area / node_diam. */
#define MECH_ABI_VERSION 1

typedef double mech_value_t;
typedef int32_t mech_index_t;

/* What kind of thing a mechanism is. */
typedef enum mech_kind {
    MECH_KIND_DENSITY = 0,    /* distributed over membrane area (SUFFIX) */
    MECH_KIND_POINT = 1,      /* located at one point, current in nA (POINT_PROCESS) */
    MECH_KIND_ARTIFICIAL = 2, /* an event-driven cell with no membrane (ARTIFICIAL_CELL) */
} mech_kind;

/* The role of a per-instance field. */
typedef enum mech_field_role {
    MECH_FIELD_PARAMETER = 0, /* set by the user; the kernels only read it */
    MECH_FIELD_STATE = 1,     /* integrated by advance_state */
    MECH_FIELD_ASSIGNED = 2,  /* computed by the kernels; recordable */
} mech_field_role;

/* One per-instance (RANGE) quantity: the runtime allocates `width` values for it. */
typedef struct mech_field_info {
    const char* name;           /* as declared, e.g. "gnabar" */
    const char* units;          /* as declared, e.g. "S/cm2"; "" when dimensionless */
    mech_value_t default_value; /* value the runtime fills in before init */
    mech_value_t lower_limit;   /* declared <lo, hi> limits; -HUGE_VAL/HUGE_VAL if none */
    mech_value_t upper_limit;
    int32_t role;               /* a mech_field_role */
} mech_field_info;

/* One GLOBAL quantity: a single value shared by all instances. */
typedef struct mech_global_info {
    const char* name;
    const char* units;
    mech_value_t default_value;
} mech_global_info;

/* Bits of mech_ion_info.reads / .writes. */
enum {
    MECH_ION_REVERSAL = 1,      /* e<ion>, e.g. ena */
    MECH_ION_CURRENT = 2,       /* i<ion>, e.g. ina (mA/cm2) */
    MECH_ION_INTERNAL = 4,      /* <ion>i, e.g. cai (mM) */
    MECH_ION_EXTERNAL = 8,      /* <ion>o, e.g. cao (mM) */
};

/* One ion the mechanism uses (USEION). */
typedef struct mech_ion_info {
    const char* name; /* "na", "k", "ca", ... */
    int32_t valence;  /* charge number; 0 means "the runtime's default for this ion" */
    int32_t reads;    /* mask of MECH_ION_* the mechanism reads */
    int32_t writes;   /* mask of MECH_ION_* the mechanism writes */
} mech_ion_info;

/* The runtime's storage for one ion, as seen by one mechanism's instances.
 * Arrays are indexed by ion slot (one slot per node where the ion exists);
 * `index` maps instance -> slot. Pointers for quantities the mechanism neither
 * reads nor writes may be null. */
typedef struct mech_ion_view {
    const mech_index_t* index;   /* instance -> ion slot */
    mech_value_t* current;       /* i<ion>: current kernels ADD their ionic current density */
    mech_value_t* conductance;   /* di<ion>/dv: current kernels ADD their derivative */
    mech_value_t* reversal;      /* e<ion> */
    mech_value_t* internal;      /* <ion>i */
    mech_value_t* external;      /* <ion>o */
} mech_ion_view;

/* Everything the kernels of one mechanism need, for all its instances on one
 * thread. The runtime owns every array; the kernels read and write them.
 *
 * Guarantees the code generator relies on (the runtime must keep them):
 *  - distinct arrays never overlap: each field[k], vec_v / vec_rhs / vec_d, every ion
 *    array and every index array is its own block of memory;
 *  - for density mechanisms node_index and each ion view's index are one-to-one (at most
 *    one instance per node), so their scatters can be vectorised; point processes may
 *    share a node and are accumulated in instance order;
 *  - for density mechanisms `scale` is not read and may be null. */
typedef struct mech_instance_data {
    mech_index_t width;             /* number of instances */
    mech_value_t t;                 /* time at which the kernel is called (ms) */
    mech_value_t dt;                /* time step (ms) */
    mech_value_t celsius;           /* temperature (degC) */

    const mech_index_t* node_index; /* instance -> node in vec_v/vec_rhs/vec_d */
    const mech_value_t* vec_v;      /* node membrane potential (mV) */
    mech_value_t* vec_rhs;          /* node current accumulator: current kernels SUBTRACT
                                       scale*i for membrane currents (outward positive) and
                                       ADD scale*i for electrode currents */
    mech_value_t* vec_d;            /* node diagonal accumulator: current kernels ADD scale*di/dv
                                       (electrode currents: SUBTRACT) */
    const mech_value_t* scale;      /* per instance: converts the mechanism's current to node
                                       density. 1 for density mechanisms; 100/area(um2) for point
                                       processes (nA -> mA/cm2) */

    mech_value_t** field;           /* field[k] points to `width` values of fields[k] */
    mech_value_t* global;           /* one value per globals[k] */
    mech_ion_view* ion;             /* one view per ions[k] */

    /* Event output, for NET_RECEIVE / event kernels. `runtime` is passed back unchanged. */
    void* runtime;
    /* net_send(delay, flag): a self-event to `instance` after `delay` ms. */
    void (*net_send)(void* runtime, mech_index_t instance, mech_value_t delay, mech_value_t flag);
    /* net_event(t): `instance` emits a spike at time `t` (artificial cells, WATCH). */
    void (*net_event)(void* runtime, mech_index_t instance, mech_value_t time);
    /* net_move(t): `instance`'s outstanding self-event (the one its net_send queued and that
       has not been delivered yet) is delivered at time `t` instead, with its flag unchanged;
       nothing happens when it has none. Called from NET_RECEIVE only. Added after net_event so
       that older offsets stay valid. */
    void (*net_move)(void* runtime, mech_index_t instance, mech_value_t time);

    /* Geometry of the nodes, indexed like vec_v (through node_index). Read-only: density
       mechanisms read NEURON's `area` and `diam` here. Added after net_move so that older
       offsets stay valid. */
    const mech_value_t* node_area;  /* membrane area of the node's segment (um2); NEURON's
                                       nominal 100 at the zero-area end nodes */
    const mech_value_t* node_diam;  /* diameter of the node's segment (um) */
} mech_instance_data;

/* A compiled mechanism: metadata and kernels. All strings and arrays are static. */
typedef struct mech_mechanism {
    uint32_t abi_version;             /* MECH_ABI_VERSION at compile time */
    const char* name;                 /* SUFFIX / POINT_PROCESS name, e.g. "hh" */
    int32_t kind;                     /* a mech_kind */
    int32_t has_electrode_current;    /* 1 if the current is ELECTRODE_CURRENT (positive inward) */

    int32_t n_fields;
    const mech_field_info* fields;    /* parameters, then states, then assigned */
    int32_t n_globals;
    const mech_global_info* globals;
    int32_t n_ions;
    const mech_ion_info* ions;
    int32_t n_net_receive_args;       /* length of the weight vector NET_RECEIVE takes; 0 if none */

    /* Called once by finitialize, after v is set to v_init, fields to their defaults
     * (or user values) and ion concentrations/reversals to their initial values. */
    void (*init)(mech_instance_data* data);
    /* Called every step with data->t = t_n + dt/2 and v(t_n): computes the currents,
     * accumulates them into vec_rhs, vec_d and the ion views. May be null (no current). */
    void (*compute_currents)(mech_instance_data* data);
    /* Called every step after the voltage update, with data->t = t_{n+1} and v(t_{n+1}):
     * advances states from t_n to t_{n+1}. May be null (no states). */
    void (*advance_state)(mech_instance_data* data);
    /* Delivers one event to one instance: `weight` is the connection's weight vector
     * (n_net_receive_args values; NET_RECEIVE may modify entries past the first),
     * `flag` is 0 for network events and the net_send flag for self-events.
     * data->t is the delivery time. May be null (no NET_RECEIVE). */
    void (*net_receive)(mech_instance_data* data, mech_index_t instance, mech_value_t* weight,
                        mech_value_t flag);
    /* Runs NET_RECEIVE's INITIAL block for one connection's weight vector at finitialize.
     * May be null. */
    void (*net_receive_init)(mech_instance_data* data, mech_index_t instance, mech_value_t* weight);

    /* Added after ABI version 1 (appended; earlier members unchanged). */

    /* Tests the WATCH conditions NET_RECEIVE armed, for every instance. Call it once per step
     * for all instances, after every mechanism's advance_state, with data->t = t_{n+1} and
     * v(t_{n+1}) (NEURON checks its WATCH conditions at that point of the step). For each armed
     * WATCH whose condition went from false to true since it was last tested it calls
     * data->net_send(runtime, instance, 0, flag): deliver that self-event at t_{n+1} like any
     * net_send with delay 0 (before the next step's currents). The armed/disarmed state lives in
     * hidden per-instance fields named _watch<k> (and _watch<k>_flag), which the runtime
     * allocates and fills with their defaults (0 = not armed) like any other field. May be
     * null (no WATCH). */
    void (*check_watch)(mech_instance_data* data);
} mech_mechanism;

/* An ahead-of-time catalogue (a shared library built by `mechc compile`) exports
 * this one symbol. It returns the mechanisms it holds and stores their number. */
typedef const mech_mechanism* const* (*mech_catalogue_fn)(int32_t* count);
#define MECH_CATALOGUE_SYMBOL "mech_catalogue"

#ifdef __cplusplus
}
#endif

#endif /* MECH_MECHANISM_ABI_H */
