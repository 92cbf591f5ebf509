#pragma once
// Deflate (RFC 1951) for both outputs: the PDF's Flate streams in the zlib wrapper (RFC 1950,
// PDF 32000-1 7.4.4) and the EPUB's zip entries bare (EPUB 3.3 4.2, the ZIP format's method 8).
// libdeflate rather than zlib: it compresses the same text about twice as fast at a level, and
// its compressors keep nothing from one buffer to the next, so the bytes never depend on what a
// thread compressed before.
#include <cstdint>
#include <string>
#include <string_view>

namespace galley {

enum class DeflateWrapper { Zlib, None };

/// `data` deflated at `level` (1 to 12). Thread-safe: each thread keeps one compressor for each
/// level it uses (setting one up allocates its tables). Throws galley::Error when libdeflate
/// cannot set one up.
std::string deflate_bytes(std::string_view data, int level, DeflateWrapper wrapper);

/// The CRC-32 of `data` (ISO 3309, as zip entries carry it).
std::uint32_t crc32_of(std::string_view data);

} // namespace galley
