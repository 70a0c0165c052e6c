// Physical constants with NEURON 8.2's values (2019 SI / CODATA 2018), as the UNITS block
// `FARADAY = (faraday) (coulomb)` and `R = (k-mole) (joule/degC)` produce them.
#pragma once

namespace mech::units::constants {

inline constexpr double kFaraday = 96485.3321233100184;        // coulomb/mol
inline constexpr double kGasConstant = 8.31446261815324;       // joule/(kelvin·mol)
inline constexpr double kAvogadro = 6.02214076e23;             // 1/mol
inline constexpr double kElementaryCharge = 1.602176634e-19;   // coulomb
inline constexpr double kBoltzmann = 1.380649e-23;             // joule/kelvin
inline constexpr double kPlanck = 6.62607015e-34;              // joule·second
inline constexpr double kSpeedOfLight = 2.99792458e8;          // meter/second
inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kZeroCelsius = 273.15;                 // kelvin, for celsius → T

} // namespace mech::units::constants
