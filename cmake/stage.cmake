# galley_stage_includes(<target>): the include path of a stage library. include/ holds the
# public headers (<galley/render.hpp> and what it needs), the only ones installed; src/ holds
# the stages' internal headers ("layout/frame.hpp"), which the stages and the tests share in the
# build tree. Both are build-only here: installed, the exported targets name the install's
# include folder alone (INCLUDES DESTINATION in cmake/install.cmake), never the source tree.
function(galley_stage_includes target)
  get_target_property(type ${target} TYPE)
  set(scope PUBLIC)
  if(type STREQUAL "INTERFACE_LIBRARY")
    set(scope INTERFACE)
  endif()
  target_include_directories(${target} ${scope}
    "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>"
    "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>")
endfunction()
