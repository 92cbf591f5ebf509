#include "util/hash.hpp"

#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <xxhash.h>

#include <new>

namespace galley {

// The one-call SHA256_* functions, deprecated in OpenSSL 3 in favour of EVP: the first EVP
// digest of a process sets up OpenSSL's providers, about 1 ms, more than hashing a whole PDF.
struct Sha256::State {
  SHA256_CTX ctx;
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
  SHA256_Init(&state_->ctx);
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view data) {
  SHA256_Update(&state_->ctx, data.data(), data.size());
}

std::array<std::uint8_t, 32> Sha256::finish() {
  std::array<std::uint8_t, 32> out{};
  SHA256_Final(out.data(), &state_->ctx);
  return out;
}

std::string sha256_hex(std::string_view data) {
  Sha256 s;
  s.update(data);
  return hex_of(s.finish());
}

std::string hex_of(const std::array<std::uint8_t, 32>& digest) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (auto b : digest) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

Digest128 fast_digest(std::string_view data) {
  const XXH128_hash_t h = XXH3_128bits(data.data(), data.size());
  return {h.low64, h.high64};
}

std::array<std::uint8_t, 16> bytes_of(const Digest128& d) {
  std::array<std::uint8_t, 16> out{};
  for (std::size_t i = 0; i < 8; ++i) {
    out[i] = static_cast<std::uint8_t>(d.low >> (8 * i));
    out[8 + i] = static_cast<std::uint8_t>(d.high >> (8 * i));
  }
  return out;
}

struct FastDigest::State {
  XXH3_state_t* xxh = XXH3_createState();
  ~State() { XXH3_freeState(xxh); }
};

FastDigest::FastDigest() : state_(std::make_unique<State>()) {
  if (!state_->xxh)
    throw std::bad_alloc();
  XXH3_128bits_reset(state_->xxh);
}

FastDigest::~FastDigest() = default;

void FastDigest::reset() {
  XXH3_128bits_reset(state_->xxh);
}

void FastDigest::update(std::string_view data) {
  XXH3_128bits_update(state_->xxh, data.data(), data.size());
}

Digest128 FastDigest::finish() {
  const XXH128_hash_t h = XXH3_128bits_digest(state_->xxh);
  return {h.low64, h.high64};
}

std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

std::string content_uuid_urn(std::string_view data) {
  std::string hex = sha256_hex(data).substr(0, 32);
  hex[12] = '5';
  static const char* variant = "89ab";
  hex[16] = variant[(hex[16] >= 'a' ? hex[16] - 'a' + 10 : hex[16] - '0') & 3];
  return "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

} // namespace galley
