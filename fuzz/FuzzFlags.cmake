# Included from the root CMakeLists.txt (before the stage folders) so that, when fuzzing is
# on, every library is instrumented for libFuzzer + ASan + UBSan. Build with clang:
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DMARSAD_FUZZ=ON \
#     -DMARSAD_BUILD_TESTS=OFF -DMARSAD_BUILD_BENCH=OFF
option(MARSAD_FUZZ "Build the libFuzzer targets in fuzz/ (clang only)" OFF)
if(MARSAD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "MARSAD_FUZZ needs clang (CC=clang CXX=clang++)")
  endif()
  set(MARSAD_FUZZ_SANITIZERS -fsanitize=fuzzer-no-link,address,undefined
      -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_compile_options(${MARSAD_FUZZ_SANITIZERS})
  add_link_options(-fsanitize=address,undefined)
  # clang warns on some code g++ accepts; in the fuzz build warnings are not errors.
  list(APPEND MARSAD_WARNINGS -Wno-error)
endif()
