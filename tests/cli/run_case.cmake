# Runs one CLI case and compares exit code, stdout and stderr with what the case expects.
#   args             one argument per line; @SOURCE@ is the repository root
#   stdin            (optional) fed to standard input
#   env              (optional) NAME=VALUE lines set for the run
#   expected.exit    the exit code
#   expected.stdout  (optional) exact standard output; @VERSION@ is the project version
#   expected.stderr  (optional) exact standard error
#   stdout.contains / stderr.contains  (optional) lines that must each appear somewhere
# The case runs in its own directory, so relative paths in args give stable output.
file(STRINGS "${CASE_DIR}/args" raw_args)
set(args "")
foreach(arg IN LISTS raw_args)
  string(REPLACE "@SOURCE@" "${SOURCE_DIR}" arg "${arg}")
  list(APPEND args "${arg}")
endforeach()
set(input_option "")
if(EXISTS "${CASE_DIR}/stdin")
  set(input_option INPUT_FILE "${CASE_DIR}/stdin")
endif()
set(env_command "")
if(EXISTS "${CASE_DIR}/env")
  file(STRINGS "${CASE_DIR}/env" env_lines)
  set(env_command "${CMAKE_COMMAND}" -E env ${env_lines})
endif()
execute_process(
  COMMAND ${env_command} "${DRAFTLINT}" ${args}
  WORKING_DIRECTORY "${CASE_DIR}"
  ${input_option}
  RESULT_VARIABLE exit_code
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)

set(failed FALSE)
file(READ "${CASE_DIR}/expected.exit" expected_exit)
string(STRIP "${expected_exit}" expected_exit)
if(NOT exit_code STREQUAL expected_exit)
  message(SEND_ERROR "exit code: expected ${expected_exit}, got ${exit_code}")
  set(failed TRUE)
endif()
foreach(stream IN ITEMS stdout stderr)
  if(stream STREQUAL "stdout")
    set(actual "${out}")
  else()
    set(actual "${err}")
  endif()
  if(EXISTS "${CASE_DIR}/expected.${stream}")
    file(READ "${CASE_DIR}/expected.${stream}" expected)
    string(REPLACE "@VERSION@" "${EXPECTED_VERSION}" expected "${expected}")
    if(NOT actual STREQUAL expected)
      message(SEND_ERROR "${stream} differs.\n--- expected\n${expected}\n--- actual\n${actual}")
      set(failed TRUE)
    endif()
  endif()
  if(EXISTS "${CASE_DIR}/${stream}.contains")
    file(STRINGS "${CASE_DIR}/${stream}.contains" needles)
    foreach(needle IN LISTS needles)
      string(FIND "${actual}" "${needle}" where)
      if(where EQUAL -1)
        message(SEND_ERROR "${stream} lacks: ${needle}\n--- actual\n${actual}")
        set(failed TRUE)
      endif()
    endforeach()
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "case ${CASE_DIR} failed")
endif()
