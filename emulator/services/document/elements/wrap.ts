/**
 * Which emulated class wraps which model node. Element modules register themselves here instead of
 * importing each other, which keeps the class hierarchy free of import cycles (a getParent() in the
 * base class needs to build a Body, a Body builds Paragraphs, …).
 */
import type { DocHandle } from '../handle';
import type { AnyNode, SectionNode } from '../model';
import type { ElementBase } from './base';

type Kind = (AnyNode | SectionNode)['kind'];
type Factory = (handle: DocHandle, node: AnyNode | SectionNode) => ElementBase<unknown>;

const FACTORIES = new Map<Kind, Factory>();

export function registerWrapper(kinds: readonly Kind[], factory: Factory): void {
  for (const kind of kinds) FACTORIES.set(kind, factory);
}

export function wrap(handle: DocHandle, node: AnyNode | SectionNode): ElementBase<unknown> {
  const factory = FACTORIES.get(node.kind);
  if (!factory) throw new Error(`Emulator: no DocumentApp class registered for ${node.kind} nodes`);
  return factory(handle, node);
}
