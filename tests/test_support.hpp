#pragma once
// What test programs of every stage share, from the test main library (galley_test_main).
#include <filesystem>
#include <string>

namespace galley::test {

/// An empty folder `name` under the temporary folder, emptied when it was there: each test names
/// its own, so that test programs run at once do not share one.
std::filesystem::path fresh_folder(const std::string& name);

} // namespace galley::test
