// Writing mechc's output safely: never over an input file, and through a temporary beside the
// target that is renamed over it only when everything succeeded (no half-written outputs).
#pragma once

#include "diag/diagnostic_engine.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mech::driver {

class OutputFile {
public:
    // Reports an error and returns null when `path` names one of `inputs` (or a directory).
    static std::unique_ptr<OutputFile> open(const std::string& path,
                                            const std::vector<std::string>& inputs,
                                            diag::DiagnosticEngine& diags);
    ~OutputFile(); // removes the temporary unless commit() succeeded
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // Where to write (a fresh name in the target's folder, so the rename stays on one disk).
    const std::string& temporary() const { return temporary_; }
    const std::string& path() const { return path_; }

    // Writes `bytes` to the temporary; false after reporting an error.
    bool write(std::string_view bytes, diag::DiagnosticEngine& diags);
    // Renames the temporary over the target; false after reporting an error.
    bool commit(diag::DiagnosticEngine& diags);

private:
    OutputFile(std::string path, std::string temporary);
    std::string path_;
    std::string temporary_;
    bool committed_ = false;
};

} // namespace mech::driver
