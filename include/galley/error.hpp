#pragma once
// The one exception type: a fatal failure that is not the input's fault (I/O, internal).
// Caught only by the command line, which maps it to exit code 3.
#include <stdexcept>
#include <string>

namespace galley {

class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

} // namespace galley
