# One options target that every Secretdesk target links: language level, warnings, Qt strictness.
add_library(secretdesk_options INTERFACE)
target_compile_features(secretdesk_options INTERFACE cxx_std_20)
target_compile_definitions(secretdesk_options INTERFACE
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_STRICT_ITERATORS
    SECRETDESK_VERSION="${PROJECT_VERSION}")
target_compile_options(secretdesk_options INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)

option(SECRETDESK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(SECRETDESK_SANITIZE)
    target_compile_options(secretdesk_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                        -fno-sanitize-recover=undefined)
    target_link_options(secretdesk_options INTERFACE -fsanitize=address,undefined)
endif()

# A core module: a static library under core/<dir>, linking the model and whatever else it names.
function(secretdesk_core_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${name} PUBLIC secretdesk_options Qt6::Core ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
endfunction()

# A QtTest unit: one executable, registered with ctest, run offscreen.
function(secretdesk_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;ENV;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE secretdesk_options Qt6::Test ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;SECRETDESK_SOURCE_DIR=${PROJECT_SOURCE_DIR};${ARG_ENV}"
        LABELS "${ARG_LABELS}")
endfunction()
