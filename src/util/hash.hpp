#pragma once
// Content hashes: SHA-256 (FIPS 180-4) for reports, identifiers and cache keys, XXH3 for keys
// taken often over much data, FNV-1a for cheap short keys.
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

/// `digest` in lowercase hex.
std::string hex_of(const std::array<std::uint8_t, 32>& digest);

/// A 128-bit XXH3 digest (xxHash): for keys of data a build digests in bulk, a page's glyphs
/// (pdf/content_key.hpp), at about twenty times the speed of SHA-256. Not for identifiers.
struct Digest128 {
  std::uint64_t low = 0, high = 0;
  friend auto operator<=>(const Digest128&, const Digest128&) = default;
};
Digest128 fast_digest(std::string_view data);

/// `d` as 16 bytes, `low` then `high`, each least significant byte first.
std::array<std::uint8_t, 16> bytes_of(const Digest128& d);

/// fast_digest() of the concatenation of what update() is given, without concatenating: a
/// page's glyphs are digested where they lie.
class FastDigest {
public:
  FastDigest();
  ~FastDigest();
  FastDigest(const FastDigest&) = delete;
  FastDigest& operator=(const FastDigest&) = delete;
  /// Starts again, as if just made.
  void reset();
  void update(std::string_view data);
  /// `v` as its 8 bytes: a number among the parts of a key.
  void number(std::uint64_t v) {
    update(std::string_view(reinterpret_cast<const char*>(&v), sizeof v));
  }
  /// `s` after its length, so that no two sequences of texts digest alike.
  void text(std::string_view s) {
    number(s.size());
    update(s);
  }
  Digest128 finish();

private:
  struct State;
  std::unique_ptr<State> state_;
};

/// 64-bit FNV-1a.
std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = 0xcbf29ce484222325ull);

/// A name-based UUID (RFC 4122 section 4.3 layout, version 5 bits) from SHA-256 of `data`:
/// "urn:uuid:xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx". Stable for identical input.
std::string content_uuid_urn(std::string_view data);

} // namespace galley
