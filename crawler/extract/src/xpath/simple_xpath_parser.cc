#include "xpath/simple_xpath_tree.h"

#include <algorithm>

#include "xpath/node_index.h"  // is_xpath_blank

namespace fora::extract::simple_xpath {

namespace {

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// Recursive descent over the expression; any failure means "not in the subset".
class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  std::optional<Union> parse_union() {
    Union u;
    do {
      auto path = parse_path();
      if (!path || path->steps.empty()) return std::nullopt;
      u.paths.push_back(std::move(*path));
    } while (eat("|"));
    skip();
    if (i_ != s_.size()) return std::nullopt;
    return u;
  }

 private:
  void skip() {
    while (i_ < s_.size() && is_xpath_blank(s_[i_])) ++i_;
  }
  bool peek(std::string_view t) {
    skip();
    return s_.substr(i_, t.size()) == t;
  }
  bool eat(std::string_view t) {
    if (!peek(t)) return false;
    i_ += t.size();
    return true;
  }
  // A keyword (and, or, not...) only when no name character follows it.
  bool eat_word(std::string_view w) {
    if (!peek(w)) return false;
    const std::size_t after = i_ + w.size();
    if (after < s_.size() && is_name_char(s_[after])) return false;
    i_ = after;
    return true;
  }
  std::optional<std::string> name() {
    skip();
    if (i_ >= s_.size() || !is_name_start(s_[i_])) return std::nullopt;
    const std::size_t start = i_;
    while (i_ < s_.size() && is_name_char(s_[i_])) ++i_;
    // A prefix (xml:lang) or a function call (text()) is outside the subset; an axis is
    // read by the caller.
    if (i_ < s_.size() && s_[i_] == ':' && s_.substr(i_, 2) != "::") return std::nullopt;
    return std::string(s_.substr(start, i_ - start));
  }
  std::optional<std::string> literal() {
    skip();
    if (i_ >= s_.size() || (s_[i_] != '\'' && s_[i_] != '"')) return std::nullopt;
    const char quote = s_[i_];
    const std::size_t end = s_.find(quote, i_ + 1);
    if (end == std::string_view::npos) return std::nullopt;
    std::string out(s_.substr(i_ + 1, end - i_ - 1));
    i_ = end + 1;
    return out;
  }
  std::optional<std::size_t> number() {
    skip();
    const std::size_t start = i_;
    std::size_t n = 0;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9' && i_ - start < 9)
      n = n * 10 + static_cast<std::size_t>(s_[i_++] - '0');
    if (i_ == start || (i_ < s_.size() && (s_[i_] == '.' || (s_[i_] >= '0' && s_[i_] <= '9'))))
      return std::nullopt;
    return n;
  }
  std::optional<std::string> attribute_name() {
    if (!eat("@")) return std::nullopt;
    return name();
  }

  std::optional<Path> parse_path() {
    Path path;
    Axis next = Axis::Child;
    if (eat("//")) {
      path.absolute = true;
      next = Axis::Descendant;
    } else if (eat("/")) {
      path.absolute = true;
    } else if (eat(".//")) {
      next = Axis::Descendant;
    } else if (peek("./")) {
      eat(".");
      eat("/");
    }
    for (;;) {
      auto step = parse_step(next);
      if (!step) return std::nullopt;
      path.steps.push_back(std::move(*step));
      if (eat("//")) next = Axis::Descendant;
      else if (eat("/")) next = Axis::Child;
      else break;
      if (path.steps.back().axis == Axis::Attribute) return std::nullopt;
    }
    return path;
  }

  std::optional<Step> parse_step(Axis axis) {
    Step step;
    if (eat("..")) {
      if (axis != Axis::Child) return std::nullopt;
      step.axis = Axis::Parent;
      return step;  // name "": any node, the document included
    }
    if (auto attribute = attribute_name()) {
      if (axis != Axis::Child || *attribute == "") return std::nullopt;
      step.axis = Axis::Attribute;
      step.name = *attribute;
      return step;
    }
    step.axis = axis;
    std::optional<std::string> test;
    if (eat("*")) {
      test = "*";
    } else {
      test = name();
      if (!test) return std::nullopt;
      if (eat("::")) {
        if (axis != Axis::Child) return std::nullopt;
        if (*test == "child") step.axis = Axis::Child;
        else if (*test == "descendant") step.axis = Axis::Descendant;
        else if (*test == "ancestor") step.axis = Axis::Ancestor;
        else if (*test == "self") step.axis = Axis::Self;
        else return std::nullopt;
        test = eat("*") ? std::optional<std::string>("*") : name();
        if (!test) return std::nullopt;
      }
    }
    if (peek("(") || peek("::")) return std::nullopt;  // text(), node(), another axis
    step.name = *test;
    while (eat("[")) {
      auto predicate = parse_or();
      if (!predicate || !eat("]")) return std::nullopt;
      step.predicates.push_back(std::move(*predicate));
    }
    return step;
  }

  std::optional<Expr> parse_or() { return parse_chain("or", Expr::Kind::Or, &Parser::parse_and); }
  std::optional<Expr> parse_and() { return parse_chain("and", Expr::Kind::And, &Parser::parse_unary); }

  // `operand (word operand)*`: the operand alone when `word` does not follow it, else one
  // node of `kind` over all the operands.
  std::optional<Expr> parse_chain(std::string_view word, Expr::Kind kind,
                                  std::optional<Expr> (Parser::*operand)()) {
    auto left = (this->*operand)();
    if (!left) return std::nullopt;
    if (!peek(word)) return left;
    Expr e;
    e.kind = kind;
    e.args.push_back(std::move(*left));
    while (eat_word(word)) {
      auto right = (this->*operand)();
      if (!right) return std::nullopt;
      e.args.push_back(std::move(*right));
    }
    return e;
  }

  // f(@a, 'x') for the two-argument string tests.
  std::optional<Expr> attribute_and_literal(Expr::Kind kind) {
    Expr e;
    e.kind = kind;
    auto attribute = attribute_name();
    if (!attribute || !eat(",")) return std::nullopt;
    auto lit = literal();
    if (!lit || !eat(")")) return std::nullopt;
    e.attribute = *attribute;
    e.literal = *lit;
    return e;
  }

  std::optional<Expr> equals_literal(Expr e) {
    if (!eat("=")) return std::nullopt;
    auto lit = literal();
    if (!lit) return std::nullopt;
    e.kind = Expr::Kind::Equals;
    e.literal = *lit;
    return e;
  }

  std::optional<Expr> parse_unary() {
    if (eat_word("not")) {
      if (!eat("(")) return std::nullopt;
      auto inner = parse_or();
      if (!inner || !eat(")")) return std::nullopt;
      Expr e;
      e.kind = Expr::Kind::Not;
      e.args.push_back(std::move(*inner));
      return e;
    }
    if (eat("(")) {
      auto inner = parse_or();
      if (!inner || !eat(")")) return std::nullopt;
      return inner;
    }
    if (eat("has-token(")) return attribute_and_literal(Expr::Kind::HasWord);
    if (eat("starts-with(")) return attribute_and_literal(Expr::Kind::StartsWith);
    if (eat("contains(")) return attribute_and_literal(Expr::Kind::Contains);
    if (eat("normalize-space(")) {
      Expr e;
      auto attribute = attribute_name();
      if (!attribute || !eat(")")) return std::nullopt;
      e.attribute = *attribute;
      e.transform = Expr::Transform::NormalizeSpace;
      return equals_literal(std::move(e));
    }
    if (eat("translate(")) {
      Expr e;
      auto attribute = attribute_name();
      if (!attribute || !eat(",")) return std::nullopt;
      auto from = literal();
      if (!from || !eat(",")) return std::nullopt;
      auto to = literal();
      if (!to || !eat(")")) return std::nullopt;
      // Byte for byte is character for character only in ASCII.
      auto ascii = [](const std::string& s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      };
      if (!ascii(*from) || !ascii(*to)) return std::nullopt;
      e.attribute = *attribute;
      e.transform = Expr::Transform::Translate;
      e.from = *from;
      e.to = *to;
      return equals_literal(std::move(e));
    }
    if (eat("count(")) {
      Expr e;
      e.kind = Expr::Kind::Count;
      auto path = parse_path();
      if (!path || !eat(")")) return std::nullopt;
      e.path = std::move(*path);
      if (eat("=")) e.op = '=';
      else if (eat("<")) e.op = '<';
      else if (eat(">")) e.op = '>';
      else return std::nullopt;
      if (peek("=")) return std::nullopt;  // <=, >=: not needed yet
      auto n = number();
      if (!n) return std::nullopt;
      e.number = *n;
      return e;
    }
    if (peek("@")) {
      const std::size_t at = i_;
      auto attribute = attribute_name();
      if (!attribute) return std::nullopt;
      if (peek("!=")) return std::nullopt;
      if (peek("=")) {
        Expr e;
        e.attribute = *attribute;
        return equals_literal(std::move(e));
      }
      if (peek("/") || peek("[")) {  // @a/..: a path after all
        i_ = at;
      } else {
        Expr e;
        e.kind = Expr::Kind::HasAttribute;
        e.attribute = *attribute;
        return e;
      }
    }
    // Anything else must be a path whose existence is the test; a name followed by "(" is
    // a function outside the subset, and parse_step refuses it.
    auto path = parse_path();
    if (!path) return std::nullopt;
    if (peek("=") || peek("!=") || peek("<") || peek(">")) return std::nullopt;  // a comparison of node sets
    Expr e;
    e.kind = Expr::Kind::Exists;
    e.path = std::move(*path);
    return e;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<Union> parse(std::string_view expression) {
  return Parser(expression).parse_union();
}

}  // namespace fora::extract::simple_xpath
