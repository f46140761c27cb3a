# The package test: installs the build tree into a scratch prefix, checks the installed files,
# then configures, builds and tests tests/package/consumer against that prefix with
# `ctest --build-and-test` (find_package(draftlint) and pkg-config draftlint).
# Run by ctest as package.find_package; every -D is set in tests/CMakeLists.txt.
set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${WORK_DIR}")

execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}" --config "${CONFIG}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${result}):\n${output}")
endif()

foreach(file IN ITEMS
    "bin/draftlint"
    "include/draftlint/draftlint.h"
    "include/draftlint/draftlint.hpp"
    "${LIBDIR}/libdraftlint.a"
    "${LIBDIR}/libdraftlint.so"
    "${LIBDIR}/pkgconfig/draftlint.pc"
    "${LIBDIR}/cmake/draftlint/draftlintConfig.cmake"
    "${LIBDIR}/cmake/draftlint/draftlintConfigVersion.cmake"
    "${LIBDIR}/cmake/draftlint/draftlintTargets.cmake")
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "not installed: ${file}\n${output}")
  endif()
endforeach()
file(GLOB sonames "${prefix}/${LIBDIR}/libdraftlint.so.*")
if(NOT sonames)
  message(FATAL_ERROR "no versioned libdraftlint.so.* installed")
endif()

# pkg-config must find draftlint.pc in the scratch prefix (the rest from the system).
set(ENV{PKG_CONFIG_PATH} "${prefix}/${LIBDIR}/pkgconfig")
set(build_options
  "-DCMAKE_PREFIX_PATH=${prefix}"
  "-DCMAKE_BUILD_TYPE=${CONFIG}"
  "-DCMAKE_C_COMPILER=${C_COMPILER}"
  "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
  "-DEXPECTED_VERSION=${EXPECTED_VERSION}")
set(make_program)
if(MAKE_PROGRAM)
  set(make_program --build-makeprogram "${MAKE_PROGRAM}")
endif()
execute_process(
  COMMAND "${CTEST}" --build-and-test "${CONSUMER_DIR}" "${WORK_DIR}/consumer"
          --build-generator "${GENERATOR}" ${make_program} --build-config "${CONFIG}"
          --build-options ${build_options}
          --test-command "${CTEST}" --output-on-failure -C "${CONFIG}"
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the consumer project failed against the installed package (${result})")
endif()
