#pragma once
// What test programs of every stage share, from the test main library (galley_test_main).
#include <filesystem>
#include <string>

namespace galley::test {

/// This test process's scratch folder under the temporary folder, made when first asked for,
/// removed when the run ends with every test passed and kept when one failed. Test programs run
/// at once each have their own.
std::filesystem::path scratch_root();

/// An empty folder `name` in the scratch folder, emptied when it was there.
std::filesystem::path fresh_folder(const std::string& name);

} // namespace galley::test
