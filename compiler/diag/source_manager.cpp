// File texts and line lookup for diagnostics.
#include "diag/source_manager.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace mech::diag {

SourceRange merge(SourceRange a, SourceRange b) {
    if (!a.valid()) return b;
    if (!b.valid()) return a;
    auto before = [](SourceLocation x, SourceLocation y) {
        return x.line < y.line || (x.line == y.line && x.column < y.column);
    };
    SourceRange r = a;
    if (before(b.begin, a.begin)) r.begin = b.begin;
    if (before(a.end, b.end)) r.end = b.end;
    return r;
}

FileId SourceManager::add_file(std::string name, std::string text) {
    auto f = std::make_unique<File>();
    f->name = std::move(name);
    f->text = std::move(text);
    f->line_starts.push_back(0);
    for (std::size_t i = 0; i < f->text.size(); ++i) {
        if (f->text[i] == '\n') f->line_starts.push_back(i + 1);
    }
    files_.push_back(std::move(f));
    return static_cast<FileId>(files_.size());
}

std::optional<FileId> SourceManager::load_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return add_file(path, buf.str());
}

const SourceManager::File* SourceManager::find(FileId id) const {
    if (id == 0 || id > files_.size()) return nullptr;
    return files_[id - 1].get();
}

std::string_view SourceManager::name(FileId id) const {
    const File* f = find(id);
    return f ? std::string_view(f->name) : std::string_view("<unknown>");
}

std::string_view SourceManager::text(FileId id) const {
    const File* f = find(id);
    return f ? std::string_view(f->text) : std::string_view();
}

std::string_view SourceManager::line_text(FileId id, std::uint32_t line) const {
    const File* f = find(id);
    if (!f || line == 0 || line > f->line_starts.size()) return {};
    std::size_t begin = f->line_starts[line - 1];
    std::size_t end = line < f->line_starts.size() ? f->line_starts[line] - 1 : f->text.size();
    std::string_view s(f->text);
    s = s.substr(begin, end - begin);
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return s;
}

} // namespace mech::diag
