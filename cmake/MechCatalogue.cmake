# mech_add_catalogue: compile .mech/.mod files into a mechanism catalogue (a shared library
# exporting mech_catalogue, loaded at run time with dlopen) while a CMake project builds.
#
#   mech_add_catalogue(<name> FILES <file>... [OUTPUT_DIRECTORY <dir>] [CPU <cpu>]
#                      [STRICT_UNITS] [MECHC <path>])
#
# Creates the target <name> (built by default) producing <dir>/lib<name>.so (dir defaults to
# CMAKE_CURRENT_BINARY_DIR), sets <name>_CATALOGUE in the caller's scope to that path and the
# target property MECH_CATALOGUE_FILE to the same. CPU is the target CPU (default: the machine
# that builds; name one, e.g. x86-64-v3, for catalogues that ship to other machines).
# The compiler is the `mechc` target when the project builds it, else MECHC, else mechc on PATH.
include_guard(GLOBAL)

function(mech_add_catalogue name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "STRICT_UNITS" "OUTPUT_DIRECTORY;CPU;MECHC" "FILES")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "mech_add_catalogue(${name}): unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_FILES)
    message(FATAL_ERROR "mech_add_catalogue(${name}): FILES is required")
  endif()

  if(TARGET mechc)
    set(mechc $<TARGET_FILE:mechc>)
    set(mechc_dependency mechc)
  elseif(ARG_MECHC)
    set(mechc ${ARG_MECHC})
    set(mechc_dependency ${ARG_MECHC})
  else()
    find_program(MECH_MECHC_EXECUTABLE mechc REQUIRED)
    set(mechc ${MECH_MECHC_EXECUTABLE})
    set(mechc_dependency ${MECH_MECHC_EXECUTABLE})
  endif()

  set(dir ${CMAKE_CURRENT_BINARY_DIR})
  if(ARG_OUTPUT_DIRECTORY)
    set(dir ${ARG_OUTPUT_DIRECTORY})
  endif()
  set(output ${dir}/lib${name}.so)

  set(sources)
  foreach(file IN LISTS ARG_FILES)
    get_filename_component(absolute ${file} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    list(APPEND sources ${absolute})
  endforeach()

  set(flags)
  if(ARG_STRICT_UNITS)
    list(APPEND flags --strict-units)
  endif()
  if(ARG_CPU)
    list(APPEND flags --cpu ${ARG_CPU})
  endif()

  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND ${mechc} compile ${sources} -o ${output} ${flags}
    DEPENDS ${sources} ${mechc_dependency}
    COMMENT "Compiling mechanism catalogue ${name}"
    VERBATIM)
  add_custom_target(${name} ALL DEPENDS ${output})
  set_target_properties(${name} PROPERTIES MECH_CATALOGUE_FILE ${output})
  set(${name}_CATALOGUE ${output} PARENT_SCOPE)
endfunction()
