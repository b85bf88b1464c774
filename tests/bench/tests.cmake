# Benchmarks measure and print; they are labelled bench and kept out of the CI test run.
include(${CMAKE_CURRENT_LIST_DIR}/archive/tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/held/tests.cmake)
