/**
 * Parent links of the document tree, kept beside the model (WeakMaps) so the model stays plain data
 * that structuredClone can copy and tests can compare. Every structural change goes through
 * insertChild/removeChild here, which keep the links right.
 */
import type { AnyNode, ContainerNode, DocumentContent, SectionNode } from './model';

const PARENT = new WeakMap<object, ContainerNode>();
const OWNER = new WeakMap<SectionNode, DocumentContent>();

/** The node's children, in order (inline elements for a paragraph, rows for a table…). */
export function childrenOf(node: ContainerNode): readonly AnyNode[] {
  switch (node.kind) {
    case 'body':
    case 'header':
    case 'footer':
    case 'tableCell':
      return node.children;
    case 'paragraph':
    case 'listItem':
      return node.inlines;
    case 'table':
      return node.rows;
    case 'tableRow':
      return node.cells;
  }
}

export function isContainer(node: AnyNode | SectionNode): node is ContainerNode {
  return node.kind !== 'text' && node.kind !== 'pageBreak' && node.kind !== 'horizontalRule';
}

function link(node: AnyNode, parent: ContainerNode): void {
  PARENT.set(node, parent);
  if (isContainer(node)) for (const child of childrenOf(node)) link(child, node);
}

export function registerTree(section: SectionNode, owner: DocumentContent): void {
  OWNER.set(section, owner);
  for (const child of section.children) link(child, section);
}

export function unregisterSection(section: SectionNode): void {
  OWNER.delete(section);
}

export function parentOf(node: AnyNode | SectionNode): ContainerNode | undefined {
  return PARENT.get(node);
}

/** The section (body, header, footer) the node is in, or undefined for a detached node. */
export function sectionOf(node: AnyNode | SectionNode): SectionNode | undefined {
  let current: AnyNode | SectionNode = node;
  for (;;) {
    const parent = PARENT.get(current);
    if (!parent) break;
    current = parent;
  }
  const kind = current.kind;
  return kind === 'body' || kind === 'header' || kind === 'footer' ? (current as SectionNode) : undefined;
}

/** The document content holding the node, or undefined when it is detached (e.g. a copy()). */
export function ownerOf(node: AnyNode | SectionNode): DocumentContent | undefined {
  const section = sectionOf(node);
  return section && OWNER.get(section);
}

export function insertChild(parent: ContainerNode, index: number, child: AnyNode): void {
  const list = childrenOf(parent) as AnyNode[];
  list.splice(index, 0, child);
  link(child, parent);
}

export function removeChild(parent: ContainerNode, child: AnyNode): void {
  const list = childrenOf(parent) as AnyNode[];
  const index = list.indexOf(child);
  if (index >= 0) list.splice(index, 1);
  PARENT.delete(child);
}

export function indexInParent(node: AnyNode): number {
  const parent = PARENT.get(node);
  return parent ? childrenOf(parent).indexOf(node) : -1;
}
