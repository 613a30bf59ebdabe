// walk_tree(): a depth-first walk over a libxml2 subtree without recursion. Pages nest
// elements as deep as they like (ten thousand levels cost a hostile page 50 KB), and a
// recursive walk would run out of stack long before libxml2 runs out of memory.
#pragma once

#include <libxml/tree.h>

namespace fora::extract {

// What enter() decides about a node.
enum class Walk {
  Into,  // visit its children, then call leave() on it
  Over,  // go on with its next sibling
  Stop,  // end the walk
};

// Visits the descendants of `root` (not `root` itself) in document order: enter(node) for
// each, and leave(node) after the children of each node entered with Walk::Into (also when
// it has none). `Node` is xmlNode or const xmlNode.
template <typename Node, typename Enter, typename Leave>
void walk_tree(Node* root, Enter&& enter, Leave&& leave) {
  Node* node = root->children;
  while (node != nullptr) {
    const Walk step = enter(node);
    if (step == Walk::Stop) return;
    if (step == Walk::Into) {
      if (node->children != nullptr) {
        node = node->children;
        continue;
      }
      leave(node);
    }
    while (node->next == nullptr) {
      node = node->parent;
      if (node == nullptr || node == root) return;
      leave(node);
    }
    node = node->next;
  }
}

// The same without leave().
template <typename Node, typename Enter>
void walk_tree(Node* root, Enter&& enter) {
  walk_tree(root, enter, [](Node*) {});
}

}  // namespace fora::extract
