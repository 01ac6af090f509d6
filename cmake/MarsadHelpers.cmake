# Project-wide compile flags and the two helpers every src/<stage>/CMakeLists.txt uses.

set(MARSAD_WARNINGS -Wall -Wextra -Werror -Wno-unused-parameter)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 at -O3 reports impossible memcpy overlaps inside libstdc++ string code
  # (GCC bug 105329); the warning is noise there, so it is not an error.
  list(APPEND MARSAD_WARNINGS -Wno-restrict)
endif()
set(MARSAD_SANITIZER_FLAGS "")
if(MARSAD_SANITIZE)
  set(MARSAD_SANITIZER_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_compile_options(${MARSAD_SANITIZER_FLAGS})
  add_link_options(${MARSAD_SANITIZER_FLAGS})
endif()

# marsad_library(<stage> SOURCES a.cc b.cc DEPS marsad_core ...)
# Defines static library marsad_<stage>; headers are included as "<stage>/<file>.h" from src/.
function(marsad_library stage)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(marsad_${stage} STATIC ${ARG_SOURCES})
  target_include_directories(marsad_${stage} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(marsad_${stage} PRIVATE ${MARSAD_WARNINGS})
  target_link_libraries(marsad_${stage} PUBLIC ${ARG_DEPS})
endfunction()

# marsad_test(<name> SOURCES x_test.cc DEPS marsad_x [LABELS slow])
# A GoogleTest executable registered with CTest (each TEST is its own CTest case).
function(marsad_test name)
  if(NOT MARSAD_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_compile_options(${name} PRIVATE ${MARSAD_WARNINGS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main Threads::Threads)
  target_compile_definitions(${name} PRIVATE
      MARSAD_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
      MARSAD_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  set(labels unit)
  if(ARG_LABELS)
    set(labels ${ARG_LABELS})
  endif()
  gtest_discover_tests(${name} PROPERTIES LABELS "${labels}" DISCOVERY_TIMEOUT 60)
endfunction()

# marsad_bench(<name> SOURCES ${PROJECT_SOURCE_DIR}/bench/x_bench.cc DEPS marsad_x)
# A Google Benchmark program (built into build/bench/<name>); never run by ctest.
function(marsad_bench name)
  if(NOT MARSAD_BUILD_BENCH)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_compile_options(${name} PRIVATE ${MARSAD_WARNINGS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} benchmark::benchmark Threads::Threads)
  target_compile_definitions(${name} PRIVATE MARSAD_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench)
endfunction()
