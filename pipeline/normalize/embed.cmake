# Embeds a text file into a C++ source as `const char* NAME()`.
# Run as: cmake -DIN=file.txt -DOUT=file.cc -DNAME=Symbol -P embed.cmake
file(READ "${IN}" text)
set(body "// Generated from ${IN} by pipeline/normalize/embed.cmake. Do not edit.\nnamespace newskb {\nconst char* ${NAME}() {\n  return R\"NEWSKB_TXT(${text})NEWSKB_TXT\";\n}\n}  // namespace newskb\n")
file(WRITE "${OUT}.tmp" "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
