// Atomic writes and the ownership manifest of mechsim's output folders.
#include "output_folder.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace mech::mechsim {

namespace fs = std::filesystem;

namespace {

const char* const manifest_name = ".mechsim-outputs";

void write_file_atomically(const fs::path& target, const std::string& content) {
    const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot write " + tmp.string() + ": " + std::strerror(errno));
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            fs::remove(tmp, ignored);
            throw std::runtime_error("cannot write " + target.string() + " (disk full?)");
        }
    }
    std::error_code ec;
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw std::runtime_error("cannot replace " + target.string() + ": " + ec.message());
    }
}

}  // namespace

OutputFolder::OutputFolder(std::string path) : path_(std::move(path)) {
    std::error_code ec;
    fs::create_directories(path_, ec);
    if (ec || !fs::is_directory(path_))
        throw std::runtime_error("cannot create the output folder " + path_ + (ec ? ": " + ec.message() : ""));
    std::ifstream manifest(fs::path(path_) / manifest_name);
    for (std::string line; std::getline(manifest, line);)
        if (!line.empty()) ours_.insert(line);
}

std::string OutputFolder::path_of(const std::string& name) const { return (fs::path(path_) / name).string(); }

void OutputFolder::check_ours(const std::string& name) const {
    if (fs::exists(fs::path(path_) / name) && !ours_.count(name))
        throw std::runtime_error(path_of(name) + " exists and was not written by mechsim; not overwriting it "
                                 "(choose another output folder with -o, or move the file)");
}

void OutputFolder::remember(const std::string& name) {
    if (!ours_.insert(name).second) return;
    std::string manifest;
    for (const auto& n : ours_) manifest += n + "\n";
    write_file_atomically(fs::path(path_) / manifest_name, manifest);
}

void OutputFolder::write(const std::string& name, const std::string& content) {
    check_ours(name);
    remember(name);  // first, so that an interrupted run still owns the file next time
    const fs::path target = fs::path(path_) / name;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    write_file_atomically(target, content);
}

void OutputFolder::claim(const std::string& name) {
    check_ours(name);
    remember(name);
}

}  // namespace mech::mechsim
