// The expression tree of SimpleXPath's subset (simple_xpath.h) and its parser: what an
// expression says, with nothing about pages. simple_xpath_parser.cc builds it from the
// text; simple_xpath.cc evaluates it over a NodeIndex. Immutable once built, so one tree
// is shared by every thread that evaluates the profile.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fora::extract::simple_xpath {

enum class Axis { Child, Descendant, Parent, Ancestor, Self, Attribute };

struct Expr;

struct Step {
  Axis axis = Axis::Child;
  std::string name;         // element or attribute name; "*" any element; "" any node (`..`)
  std::vector<Expr> predicates;
};

struct Path {
  bool absolute = false;    // from the document node, not the context node
  std::vector<Step> steps;  // an Attribute step can only be last
};

struct Expr {
  enum class Kind { Or, And, Not, HasWord, Equals, StartsWith, Contains, HasAttribute, Exists, Count };
  enum class Transform { None, NormalizeSpace, Translate };
  Kind kind = Kind::Exists;
  std::vector<Expr> args;    // Or, And, Not
  std::string attribute;     // the @name the test reads
  std::string literal;
  Transform transform = Transform::None;
  std::string from, to;      // translate()
  Path path;                 // Exists, Count
  char op = '=';             // Count: '=', '<', '>'
  std::size_t number = 0;    // Count
};

// The paths of `a | b | ...`, each with at least one step.
struct Union {
  std::vector<Path> paths;
};

// nullopt when `expression` reaches outside the subset (simple_xpath.h says what is in it).
std::optional<Union> parse(std::string_view expression);

}  // namespace fora::extract::simple_xpath
