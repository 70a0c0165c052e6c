// OutputFile: the input-overwrite guard and the write-to-temporary-then-rename discipline.
#include "driver/output_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <system_error>

namespace mech::driver {

namespace fs = std::filesystem;

namespace {

// The same file, also through links or different spellings of its path.
bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec))
        return fs::equivalent(a, b, ec);
    return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

} // namespace

OutputFile::OutputFile(std::string path, std::string temporary)
    : path_(std::move(path)), temporary_(std::move(temporary)) {}

std::unique_ptr<OutputFile> OutputFile::open(const std::string& path,
                                             const std::vector<std::string>& inputs,
                                             diag::DiagnosticEngine& diags) {
    for (const auto& input : inputs) {
        if (same_file(path, input)) {
            diags.error({}, "refusing to write the output over the input file '" + input +
                                "'; choose another name with -o");
            return nullptr;
        }
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        diags.error({}, "the output '" + path + "' is a directory; give a file name with -o");
        return nullptr;
    }
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec)) {
        diags.error({}, "cannot write '" + path + "': the folder '" + folder.string() +
                            "' does not exist");
        return nullptr;
    }
    // The process id keeps two mechc runs writing the same target from sharing a temporary.
    const std::string temporary =
        (folder / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid())))
            .string();
    return std::unique_ptr<OutputFile>(new OutputFile(path, temporary));
}

OutputFile::~OutputFile() {
    if (!committed_) {
        std::error_code ec;
        fs::remove(temporary_, ec);
    }
}

bool OutputFile::write(std::string_view bytes, diag::DiagnosticEngine& diags) {
    std::ofstream out(temporary_, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        diags.error({}, "cannot write '" + temporary_ + "' (for '" + path_ + "')");
        return false;
    }
    return true;
}

bool OutputFile::commit(diag::DiagnosticEngine& diags) {
    std::error_code ec;
    fs::rename(temporary_, path_, ec);
    if (ec) {
        diags.error({}, "cannot write '" + path_ + "': " + ec.message());
        return false;
    }
    committed_ = true;
    return true;
}

} // namespace mech::driver
