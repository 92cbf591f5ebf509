#pragma once
// What the process's scan of font files read (FreeType: each face's family, weight, style and
// metrics), for a later process. Opening the bundled fonts to read them costs a rebuild some
// milliseconds of processor time; the build cache keeps the scans and the next build starts
// with them, each trusted while stat says the same of its file (docs/ci.md, "Incremental
// builds").
#include "text/engine.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace galley::text {

struct ScannedFont {
  std::string path;
  /// What stat said of the file when it was scanned.
  std::uint64_t device = 0, inode = 0, size = 0;
  std::int64_t modified_ns = 0;
  std::vector<FaceInfo> faces;
  friend bool operator==(const ScannedFont&, const ScannedFont&) = default;
};

/// Every font file this process scanned, or was given (seed_scanned_fonts) and did not find
/// changed or did not ask for, by path.
std::vector<ScannedFont> scanned_fonts();

/// Gives the scan what an earlier process read of font files: a file asked for is taken from
/// here, without being opened, while stat says the same of it; one the scan holds already is
/// kept as it is.
void seed_scanned_fonts(const std::vector<ScannedFont>& fonts);

} // namespace galley::text
