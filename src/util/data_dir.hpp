#pragma once
// Where galley's bundled data (fonts/, styles/) is, for the program and for programs linking the
// library: found at run time, so that an installed tree works wherever it is moved.
#include <filesystem>

namespace galley::util {

/// The folder that holds fonts/ and styles/, the first of:
///  1. GALLEY_DATA_DIR, when set (an error if it lacks fonts/);
///  2. share/galley of the installed tree that holds the running code: found from the file
///     the code is in, the program (bin/galley) or the shared library (lib/libgalley.so),
///     through the install layout's relative paths, never the prefix given at configure time;
///  3. the source tree, for the programs of a build tree;
///  4. share/galley under the prefix given at configure time, for programs linking libgalley.a.
/// Throws galley::Error naming the places it looked when none has fonts/.
const std::filesystem::path& data_dir();

} // namespace galley::util
