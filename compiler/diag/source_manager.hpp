// Owns the text of every file the compiler reads, so diagnostics can quote source lines.
#pragma once

#include "diag/source_location.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mech::diag {

class SourceManager {
public:
    // Registers a file's text; the returned id is stable for the manager's lifetime.
    FileId add_file(std::string name, std::string text);
    // Reads a file from disk; nullopt if it cannot be read.
    std::optional<FileId> load_file(const std::string& path);

    std::string_view name(FileId id) const;
    std::string_view text(FileId id) const;
    // The text of a 1-based line without its line terminator ("" if out of range).
    std::string_view line_text(FileId id, std::uint32_t line) const;
    std::size_t file_count() const { return files_.size(); }

private:
    struct File {
        std::string name;
        std::string text;
        std::vector<std::size_t> line_starts; // byte offset of each line
    };
    const File* find(FileId id) const;
    std::vector<std::unique_ptr<File>> files_;
};

} // namespace mech::diag
