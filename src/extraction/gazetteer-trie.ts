import type { Token } from "../text/normalize.ts";

/**
 * A token trie over normalized surface forms: the root is keyed by the first token, so a lookup at a
 * text position costs one Map access per token of the longest candidate, whatever the gazetteer's size.
 */
export interface TrieNode<H> {
  readonly hits: H[];
  readonly children: Map<string, TrieNode<H>>;
}

export type Trie<H> = Map<string, TrieNode<H>>;

/** Adds `hit` at the node for `path` (normalized tokens); `merge` decides how it joins the hits there. */
export function insertPath<H>(
  trie: Trie<H>,
  path: readonly string[],
  hit: H,
  merge: (hits: H[], hit: H) => void,
): void {
  let level = trie;
  let node: TrieNode<H> | undefined;
  for (const norm of path) {
    node = level.get(norm);
    if (!node) {
      node = { hits: [], children: new Map() };
      level.set(norm, node);
    }
    level = node.children;
  }
  if (node) merge(node.hits, hit);
}

/**
 * Every hit on the path that starts with `first` (a form of tokens[i]) and goes on with the tokens after
 * i, with the number of tokens each consumes.
 */
export function walkTrie<H>(
  trie: Trie<H>,
  first: string,
  tokens: readonly Token[],
  i: number,
): { hit: H; length: number }[] {
  const found: { hit: H; length: number }[] = [];
  let node = trie.get(first);
  let length = 1;
  while (node) {
    for (const hit of node.hits) found.push({ hit, length });
    const next = tokens[i + length];
    node = next ? node.children.get(next.norm) : undefined;
    length++;
  }
  return found;
}
