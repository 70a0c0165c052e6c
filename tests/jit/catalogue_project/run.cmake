# Configures, builds and runs the downstream catalogue project (cmake -P, from ctest).
# Inputs: SOURCE_DIR BINARY_DIR MECHC CMAKE_DIR INCLUDE_DIR FILES EXPECT (lists use '|').
string(REPLACE "|" ";" files "${FILES}")
string(REPLACE "|" ";" expect "${EXPECT}")
file(REMOVE_RECURSE ${BINARY_DIR})
execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR} -DMECH_MECHC=${MECHC}
          -DMECH_CMAKE_DIR=${CMAKE_DIR} -DMECH_INCLUDE_DIR=${INCLUDE_DIR} "-DMECH_FILES=${files}"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "configuring the catalogue project failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY_DIR} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "building the catalogue failed")
endif()
execute_process(COMMAND ${BINARY_DIR}/check_catalogue ${expect} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the built catalogue is not what was asked for")
endif()
