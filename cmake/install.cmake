# `cmake --install`: the galley command, the libraries with their public headers, the fonts and
# styles, a CMake package (find_package(galley) -> galley::galley), a pkg-config file and the
# man page. Included at the end of the top-level CMakeLists.txt, once every target exists.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(GALLEY_INSTALL_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}/galley")
set(GALLEY_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/galley")
set(GALLEY_INSTALL_DATADIR "${CMAKE_INSTALL_DATADIR}/galley")

# Every library of the pipeline stages, found rather than listed so that a stage adding a helper
# library does not break the export. The command line's own helpers stay private.
set(galley_library_targets "")
file(GLOB galley_stage_dirs LIST_DIRECTORIES true "${PROJECT_SOURCE_DIR}/src/*")
list(SORT galley_stage_dirs)
foreach(dir IN LISTS galley_stage_dirs)
  if(NOT IS_DIRECTORY "${dir}" OR dir STREQUAL "${PROJECT_SOURCE_DIR}/src/cli")
    continue()
  endif()
  get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
  foreach(t IN LISTS targets)
    get_target_property(type ${t} TYPE)
    if(type MATCHES "^(STATIC|SHARED|INTERFACE)_LIBRARY$")
      list(APPEND galley_library_targets ${t})
    endif()
  endforeach()
endforeach()

# The stages put the source tree's src/ on their include path; installed, the headers live in
# include/galley with the same layout ("export/render.hpp").
foreach(t IN LISTS galley_library_targets)
  get_target_property(dirs ${t} INTERFACE_INCLUDE_DIRECTORIES)
  if(NOT dirs)
    continue()
  endif()
  set(mapped "")
  foreach(d IN LISTS dirs)
    if(d STREQUAL "${PROJECT_SOURCE_DIR}/src")
      list(APPEND mapped "$<BUILD_INTERFACE:${d}>" "$<INSTALL_INTERFACE:${GALLEY_INSTALL_INCLUDEDIR}>")
    else()
      list(APPEND mapped "${d}")
    endif()
  endforeach()
  set_target_properties(${t} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${mapped}")
endforeach()
# The front door is what programs link: galley::galley.
set_target_properties(galley_export PROPERTIES EXPORT_NAME galley)

install(TARGETS galley RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS ${galley_library_targets} EXPORT galley-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${GALLEY_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/src/" DESTINATION ${GALLEY_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp"
  PATTERN "cli" EXCLUDE)
install(EXPORT galley-targets NAMESPACE galley:: DESTINATION ${GALLEY_INSTALL_CMAKEDIR})

configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/galley-config.cmake.in"
  "${PROJECT_BINARY_DIR}/galley-config.cmake" INSTALL_DESTINATION ${GALLEY_INSTALL_CMAKEDIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/galley-config-version.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/galley-config.cmake"
  "${PROJECT_BINARY_DIR}/galley-config-version.cmake" DESTINATION ${GALLEY_INSTALL_CMAKEDIR})

# pkg-config: static libraries in link order (users before what they use), the pipeline's own
# dependencies as Requires.private / Libs.private (pkg-config --static --libs galley).
set(galley_pc_libs "")
foreach(t galley_export galley_epub galley_pdf galley_layout galley_text galley_input
    galley_style galley_model galley_util)
  if(TARGET ${t})
    get_target_property(type ${t} TYPE)
    if(type STREQUAL "STATIC_LIBRARY")
      string(APPEND galley_pc_libs " -l${t}")
    endif()
  endif()
endforeach()
# Relocatable: the prefix is found from the .pc file's own place (cmake --install --prefix).
file(RELATIVE_PATH galley_pc_to_prefix "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
configure_file("${CMAKE_CURRENT_LIST_DIR}/galley.pc.in" "${PROJECT_BINARY_DIR}/galley.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/galley.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(DIRECTORY "${PROJECT_SOURCE_DIR}/fonts/" DESTINATION ${GALLEY_INSTALL_DATADIR}/fonts)
if(IS_DIRECTORY "${PROJECT_SOURCE_DIR}/styles")
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/styles/" DESTINATION ${GALLEY_INSTALL_DATADIR}/styles)
endif()
install(FILES "${PROJECT_SOURCE_DIR}/docs/galley.1" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
