#pragma once
// Content hashes: SHA-256 (FIPS 180-4) for reports and identifiers, FNV-1a for cheap keys.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace galley {

/// SHA-256 by OpenSSL's libcrypto, which uses the CPU's SHA extensions where there are some.
class Sha256 {
public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  std::array<std::uint8_t, 32> finish();

private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Lowercase hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

/// 64-bit FNV-1a.
std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = 0xcbf29ce484222325ull);

/// A name-based UUID (RFC 4122 section 4.3 layout, version 5 bits) from SHA-256 of `data`:
/// "urn:uuid:xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx". Stable for identical input.
std::string content_uuid_urn(std::string_view data);

} // namespace galley
