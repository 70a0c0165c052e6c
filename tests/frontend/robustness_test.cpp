// The parser never crashes or hangs: garbage, deep nesting and very long chains give located errors.
#include "parse_helpers.hpp"

#include <gtest/gtest.h>

#include <random>

namespace mech::test {
namespace {

TEST(Robustness, RandomBytes) {
    std::mt19937 rng(42);
    for (int i = 0; i < 200; ++i) {
        std::string text(static_cast<std::size_t>(rng() % 400), ' ');
        for (char& c : text) c = static_cast<char>(rng() % 256);
        auto p = parse_text(text);
        (void)p; // must return; errors are expected but not required for every sample
    }
    auto p = parse_text(std::string("\0\xff\xfe PARAMETER {", 15));
    EXPECT_TRUE(p.diags->has_errors());
}

TEST(Robustness, RandomTokenSoup) {
    const char* words[] = {"NEURON", "{", "}", "(", ")", "x", "=", "1", "+", "IF", "ELSE", "PARAMETER", "~",
                           "<->", ",", "CHANNEL", "GATE", "ALPHA", "SOLVE", "METHOD", "'", "[", "]", "^", "-"};
    std::mt19937 rng(7);
    for (int i = 0; i < 300; ++i) {
        std::string text;
        for (int k = 0; k < 60; ++k) text += std::string(words[rng() % std::size(words)]) + " ";
        auto p = parse_text(text);
        (void)p;
    }
}

TEST(Robustness, DeepNestingIsBounded) {
    std::string text = "INITIAL { x = " + std::string(100000, '(') + "1" + std::string(100000, ')') + " }";
    auto p = parse_text(text);
    ASSERT_TRUE(p.diags->has_errors());
    EXPECT_NE(p.messages().find("nest too deeply"), std::string::npos) << p.messages();
}

TEST(Robustness, LongOperatorChainsAreBounded) {
    std::string sum = "x";
    for (int i = 0; i < 50000; ++i) sum += " + x";
    auto p = parse_text("INITIAL { y = " + sum + " }");
    EXPECT_NE(p.messages().find("too deeply nested"), std::string::npos) << p.messages().substr(0, 300);
    std::string pow = "x";
    for (int i = 0; i < 50000; ++i) pow += "^-x";
    auto q = parse_text("INITIAL { y = " + pow + " }");
    EXPECT_TRUE(q.diags->has_errors());
    auto ok = parse_text("INITIAL { y = " + std::string(500, '-') + "x }");
    EXPECT_FALSE(ok.diags->has_errors()) << ok.messages();
}

TEST(Robustness, ManyErrorsStop) {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += "PARAMETER { = }\n";
    auto p = parse_text(text);
    EXPECT_LE(p.diags->error_count(), 60u);
    EXPECT_NE(p.messages().find("too many syntax errors"), std::string::npos);
}

} // namespace
} // namespace mech::test
