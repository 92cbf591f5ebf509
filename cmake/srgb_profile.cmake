# The sRGB ICC profile a PDF/A file names as its output intent (ISO 19005-2, 6.2.3), taken at
# configure time from Debian's icc-profiles-free (zlib licence; docs/pdf.md) and compiled into
# the PDF writer as bytes, so that an installed galley needs no data file for it.
find_file(GALLEY_SRGB_PROFILE sRGB.icc
  PATHS /usr/share/color/icc
  DOC "sRGB ICC profile (Debian package icc-profiles-free)"
  NO_DEFAULT_PATH)
if(NOT GALLEY_SRGB_PROFILE)
  message(FATAL_ERROR "sRGB.icc not found: install the Debian package icc-profiles-free "
                      "(tools/bootstrap does), or set GALLEY_SRGB_PROFILE to an sRGB ICC profile")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${GALLEY_SRGB_PROFILE}")
file(READ "${GALLEY_SRGB_PROFILE}" profile HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," profile "${profile}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n"
       profile "${profile}")
file(CONFIGURE OUTPUT "${CMAKE_BINARY_DIR}/generated/srgb_icc.inc" CONTENT "${profile}\n")
