// eliminate_dead_locals: drop AssignLocal statements whose local is never read.
#include "passes/eliminate_dead_locals.hpp"

#include "ir/visitor.hpp"

#include <set>

namespace mech::passes {

using namespace ir;

namespace {

std::set<int> read_locals(const Block& body) {
    struct Reader : Visitor {
        std::set<int> read;
        void on(const VarRef& r) override {
            if (r.var.kind == VarKind::Local)
                read.insert(r.var.index);
        }
    } reader;
    reader.visit(body);
    return std::move(reader.read);
}

class Remover : public Mutator {
public:
    explicit Remover(std::set<int> live) : live_(std::move(live)) {}
    bool removed = false;
    using Mutator::on;
    Block on(const StmtPtr& self, const AssignLocal& a) override {
        if (live_.count(a.local))
            return {self};
        removed = true;
        return {};
    }

private:
    std::set<int> live_;
};

} // namespace

void eliminate_dead_locals(Mechanism& mechanism) {
    for (Kernel* kernel : mechanism.kernels()) {
        for (;;) {
            Remover remover(read_locals(kernel->body));
            kernel->body = remover.mutate(kernel->body);
            if (!remover.removed)
                break;
        }
    }
}

} // namespace mech::passes
