import { ActionContext } from '../action';

const memos = new WeakMap<ActionContext, Map<string, unknown>>();

/**
 * Computes a value once per execution (per action context): settings and the registry are read
 * once, however many steps a job takes in that execution.
 */
export function memo<T>(ctx: ActionContext, key: string, compute: () => T): T {
  let values = memos.get(ctx);
  if (!values) memos.set(ctx, (values = new Map()));
  if (!values.has(key)) values.set(key, compute());
  return values.get(key) as T;
}
