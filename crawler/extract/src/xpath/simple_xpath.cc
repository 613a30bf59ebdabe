#include "xpath/simple_xpath.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "xpath/simple_xpath_tree.h"

namespace fora::extract {

namespace simple_xpath {
namespace {

// The tree (simple_xpath_tree.h) evaluated over a page's NodeIndex.

using Position = NodeIndex::Position;

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
}  // namespace simple_xpath

std::optional<SimpleXPath> SimpleXPath::parse(std::string_view expression) {
  auto parsed = simple_xpath::parse(expression);
  if (!parsed) return std::nullopt;
  return SimpleXPath(std::make_shared<const simple_xpath::Union>(std::move(*parsed)));
}

std::optional<std::vector<xmlNode*>> SimpleXPath::select(const NodeIndex& index,
                                                          xmlNode* context) const {
  using simple_xpath::Path;
  simple_xpath::NodeSet start;
  if (context == nullptr || context == reinterpret_cast<xmlNode*>(index.doc())) {
    start.document = true;
  } else if (auto p = index.position(context)) {
    start.elements.push_back(*p);
  } else {
    return std::nullopt;
  }
  simple_xpath::Evaluator eval(index);
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
    return simple_xpath::order_of(index, a) < simple_xpath::order_of(index, b);
  });
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

}  // namespace fora::extract
