#pragma once
// Lengths. Layout and PDF work in PostScript points (1/72 in, PDF 32000-1 8.3.2.3).
namespace galley {

constexpr double kPointsPerInch = 72.0;
constexpr double kPointsPerMm = 72.0 / 25.4;

constexpr double mm_to_pt(double mm) { return mm * kPointsPerMm; }
constexpr double in_to_pt(double in) { return in * kPointsPerInch; }

} // namespace galley
