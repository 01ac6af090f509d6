# web/dist (committed, embedded into marsad) must be what `node web/build.mjs` builds from
# web/src. Skipped (with a message) when node is not installed.
find_program(NODE node)
if(NOT NODE)
  message("SKIPPED: node is not installed; cannot check web/dist against web/src")
  return()
endif()
execute_process(COMMAND ${NODE} ${REPO}/web/build.mjs --check RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "web/dist is stale: run node web/build.mjs and commit web/dist")
endif()
