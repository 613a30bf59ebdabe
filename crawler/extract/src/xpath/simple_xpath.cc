#include "xpath/simple_xpath.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace fora::extract {

// ---- The parsed form -----------------------------------------------------------------

namespace {

using Position = NodeIndex::Position;

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

}  // namespace

struct SimpleXPath::Union {
  std::vector<Path> paths;
};

// ---- Parsing ---------------------------------------------------------------------------

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

  std::optional<SimpleXPath::Union> parse_union() {
    SimpleXPath::Union u;
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

  std::optional<Expr> parse_or() {
    auto left = parse_and();
    if (!left) return std::nullopt;
    if (!peek("or")) return left;
    Expr e;
    e.kind = Expr::Kind::Or;
    e.args.push_back(std::move(*left));
    while (eat_word("or")) {
      auto right = parse_and();
      if (!right) return std::nullopt;
      e.args.push_back(std::move(*right));
    }
    return e;
  }

  std::optional<Expr> parse_and() {
    auto left = parse_unary();
    if (!left) return std::nullopt;
    if (!peek("and")) return left;
    Expr e;
    e.kind = Expr::Kind::And;
    e.args.push_back(std::move(*left));
    while (eat_word("and")) {
      auto right = parse_unary();
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

// ---- Evaluation ------------------------------------------------------------------------

// A node set: the document node and/or elements, by position, sorted, no duplicates.
struct NodeSet {
  bool document = false;
  std::vector<Position> elements;
  bool empty() const { return !document && elements.empty(); }
};

std::string normalize_space(std::string_view s) {
  std::string out;
  bool blank = false;
  for (char c : s) {
    if (is_xpath_blank(c)) {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

std::string translate(std::string_view s, const std::string& from, const std::string& to) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const std::size_t k = from.find(c);
    if (k == std::string::npos) out += c;
    else if (k < to.size()) out += to[k];  // beyond `to`: the character is removed
  }
  return out;
}

class Evaluator {
 public:
  explicit Evaluator(const NodeIndex& index) : index_(index) {}

  NodeSet path(const Path& p, const NodeSet& context) {
    NodeSet set;
    if (p.absolute) set.document = true;
    else set = context;
    for (const Step& s : p.steps) {
      if (s.axis == Axis::Attribute) return set;  // the caller reads the attributes
      set = step(s, set);
      if (set.empty()) break;
    }
    return set;
  }

  bool test(const Expr& e, Position p) {
    switch (e.kind) {
      case Expr::Kind::Or:
        return std::any_of(e.args.begin(), e.args.end(), [&](const Expr& a) { return test(a, p); });
      case Expr::Kind::And:
        return std::all_of(e.args.begin(), e.args.end(), [&](const Expr& a) { return test(a, p); });
      case Expr::Kind::Not:
        return !test(e.args.front(), p);
      case Expr::Kind::HasAttribute:
        return attribute_value(index_.node(p), e.attribute, scratch_).has_value();
      case Expr::Kind::HasWord: {
        auto v = attribute_value(index_.node(p), e.attribute, scratch_);
        return v && has_word(*v, e.literal);
      }
      case Expr::Kind::StartsWith: {
        auto v = attribute_value(index_.node(p), e.attribute, scratch_).value_or("");
        return v.substr(0, e.literal.size()) == e.literal;
      }
      case Expr::Kind::Contains: {
        auto v = attribute_value(index_.node(p), e.attribute, scratch_).value_or("");
        return v.find(e.literal) != std::string_view::npos;
      }
      case Expr::Kind::Equals: {
        auto v = attribute_value(index_.node(p), e.attribute, scratch_);
        switch (e.transform) {
          case Expr::Transform::None:  // a missing attribute is an empty node set: never equal
            return v && *v == e.literal;
          case Expr::Transform::NormalizeSpace:
            return normalize_space(v.value_or("")) == e.literal;
          case Expr::Transform::Translate:
            return translate(v.value_or(""), e.from, e.to) == e.literal;
        }
        return false;
      }
      case Expr::Kind::Exists:
        return !selected(e.path, p).empty();
      case Expr::Kind::Count: {
        const std::size_t n = selected(e.path, p).size();
        return e.op == '=' ? n == e.number : e.op == '<' ? n < e.number : n > e.number;
      }
    }
    return false;
  }

  // What `p` selects from element `from`, attributes included, counted as nodes.
  std::vector<xmlNode*> selected(const Path& p, Position from) {
    NodeSet context;
    context.elements.push_back(from);
    return nodes(p, path(p, context));
  }

  // The nodes of `set` as the path's result: the attributes its last step names, else the
  // nodes themselves.
  std::vector<xmlNode*> nodes(const Path& p, const NodeSet& set) {
    std::vector<xmlNode*> out;
    const Step& last = p.steps.back();
    if (last.axis == Axis::Attribute) {
      for (Position e : set.elements)
        for (xmlAttr* a = index_.node(e)->properties; a != nullptr; a = a->next)
          if (a->ns == nullptr && last.name == reinterpret_cast<const char*>(a->name)) {
            out.push_back(reinterpret_cast<xmlNode*>(a));
            break;
          }
      return out;
    }
    if (set.document) out.push_back(reinterpret_cast<xmlNode*>(index_.doc()));
    for (Position e : set.elements) out.push_back(index_.node(e));
    return out;
  }

 private:
  bool matches(const Step& s, Position p) {
    const xmlNode* n = index_.node(p);
    if (s.name != "*" && !s.name.empty() &&
        (n->ns != nullptr || s.name != reinterpret_cast<const char*>(n->name)))
      return false;
    for (const Expr& e : s.predicates)
      if (!test(e, p)) return false;
    return true;
  }

  // The shortest list of elements the step can select from: those of a class word it
  // requires, or of its name; null means every element, and `none` that nothing can match.
  const NodeIndex::List* candidates(const Step& s, bool& none) {
    const NodeIndex::List* best = nullptr;
    auto consider = [&](const NodeIndex::List* list) {
      if (list == nullptr) none = true;
      else if (best == nullptr || list->size() < best->size()) best = list;
    };
    if (s.name != "*") consider(index_.named(s.name));
    std::vector<const Expr*> required;
    for (const Expr& e : s.predicates) required.push_back(&e);
    while (!required.empty()) {
      const Expr* e = required.back();
      required.pop_back();
      if (e->kind == Expr::Kind::And)
        for (const Expr& a : e->args) required.push_back(&a);
      else if (e->kind == Expr::Kind::HasWord && e->attribute == "class")
        consider(index_.with_class(e->literal));
    }
    return best;
  }

  NodeSet step(const Step& s, const NodeSet& in) {
    NodeSet out;
    switch (s.axis) {
      case Axis::Child: {
        auto children_of = [&](const xmlNode* parent) {
          for (const xmlNode* c = parent->children; c != nullptr; c = c->next)
            if (auto p = index_.position(c); p && matches(s, *p)) out.elements.push_back(*p);
        };
        if (in.document) children_of(reinterpret_cast<const xmlNode*>(index_.doc()));
        for (Position e : in.elements) children_of(index_.node(e));
        sort_unique(out.elements);
        break;
      }
      case Axis::Descendant: {
        bool none = false;
        const NodeIndex::List* list = candidates(s, none);
        if (none) break;
        auto scan = [&](Position lo, Position hi) {  // the elements in [lo, hi)
          if (list == nullptr) {
            for (Position p = lo; p < hi; ++p)
              if (matches(s, p)) out.elements.push_back(p);
            return;
          }
          for (auto it = std::lower_bound(list->begin(), list->end(), lo);
               it != list->end() && *it < hi; ++it)
            if (matches(s, *it)) out.elements.push_back(*it);
        };
        if (in.document) {
          scan(0, static_cast<Position>(index_.size()));
          break;
        }
        Position covered = 0;  // elements inside an earlier range are already done
        for (Position e : in.elements) {
          if (e < covered) continue;
          scan(e + 1, index_.end(e));
          covered = index_.end(e);
        }
        break;
      }
      case Axis::Parent:
        for (Position e : in.elements) {
          const xmlNode* parent = index_.node(e)->parent;
          if (auto p = index_.position(parent)) {
            if (matches(s, *p)) out.elements.push_back(*p);
          } else if (parent == reinterpret_cast<const xmlNode*>(index_.doc()) && s.name.empty()) {
            out.document = true;
          }
        }
        sort_unique(out.elements);
        break;
      case Axis::Ancestor:
        for (Position e : in.elements)
          for (const xmlNode* a = index_.node(e)->parent; a != nullptr; a = a->parent)
            if (auto p = index_.position(a); p && matches(s, *p)) out.elements.push_back(*p);
        sort_unique(out.elements);
        break;
      case Axis::Self:
        for (Position e : in.elements)
          if (matches(s, e)) out.elements.push_back(e);
        break;
      case Axis::Attribute:
        break;
    }
    return out;
  }

  static void sort_unique(std::vector<Position>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }

  const NodeIndex& index_;
  std::string scratch_;
};

// Document order of a result node: the document first, then each element followed by its
// attributes in their order.
std::pair<std::int64_t, std::int64_t> order_of(const NodeIndex& index, xmlNode* n) {
  if (n->type == XML_ATTRIBUTE_NODE) {
    std::int64_t k = 1;
    for (xmlAttr* a = n->parent->properties; a != nullptr && reinterpret_cast<xmlNode*>(a) != n; a = a->next) ++k;
    return {index.position(n->parent).value_or(0), k};
  }
  if (auto p = index.position(n)) return {*p, 0};
  return {-1, 0};
}

}  // namespace

std::optional<SimpleXPath> SimpleXPath::parse(std::string_view expression) {
  auto parsed = Parser(expression).parse_union();
  if (!parsed) return std::nullopt;
  return SimpleXPath(std::make_shared<const Union>(std::move(*parsed)));
}

std::optional<std::vector<xmlNode*>> SimpleXPath::select(const NodeIndex& index,
                                                          xmlNode* context) const {
  NodeSet start;
  if (context == nullptr || context == reinterpret_cast<xmlNode*>(index.doc())) {
    start.document = true;
  } else if (auto p = index.position(context)) {
    start.elements.push_back(*p);
  } else {
    return std::nullopt;
  }
  Evaluator eval(index);
  if (expr_->paths.size() == 1) {
    const Path& p = expr_->paths.front();
    return eval.nodes(p, eval.path(p, start));
  }
  std::vector<xmlNode*> all;
  for (const Path& p : expr_->paths) {
    std::vector<xmlNode*> some = eval.nodes(p, eval.path(p, start));
    all.insert(all.end(), some.begin(), some.end());
  }
  std::sort(all.begin(), all.end(), [&](xmlNode* a, xmlNode* b) {
    return order_of(index, a) < order_of(index, b);
  });
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

}  // namespace fora::extract
