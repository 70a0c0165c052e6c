// Typed handles returned by Model when things are added; they stay valid for the Model's life.
#pragma once

#include <cstdint>

namespace mech {

// Distinct types so that a section handle cannot be passed where a point process is expected.
struct SectionId {
    int32_t index = -1;
    friend bool operator==(SectionId, SectionId) = default;
};
struct PointProcessId {
    int32_t index = -1;
    friend bool operator==(PointProcessId, PointProcessId) = default;
};
struct StimulusId {
    int32_t index = -1;
    friend bool operator==(StimulusId, StimulusId) = default;
};
struct GapJunctionId {
    int32_t index = -1;
    friend bool operator==(GapJunctionId, GapJunctionId) = default;
};

} // namespace mech
