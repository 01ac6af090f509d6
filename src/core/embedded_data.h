// Linguistic data files (data/**) compiled into the binary, so `marsad` needs no
// files at run time. Setting the environment variable MARSAD_DATA_DIR to a folder
// makes DataFile() read <dir>/<name> from disk instead (for editing data without
// rebuilding). Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace marsad {

// Contents of data/<name> (e.g. "wires.tsv"); empty string if there is no such file.
std::string DataFile(std::string_view name);

// Splits a data file into lines, dropping blank lines and lines starting with '#'
// (the header that says where the data came from). Fields stay as written.
std::vector<std::string> DataLines(std::string_view name);

}  // namespace marsad
