/**
 * Character-level formatting: a text is a list of runs (text + TextStyle). These pure functions
 * are the only place runs are cut and joined, so partly formatted text (a bold word in a line)
 * survives every edit. Offsets are UTF-16 indices, as Apps Script's are.
 */
import { Run, TEXT_STYLE_KEYS, TextStyle, TextStylePatch } from './model';

export function textOfRuns(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

export function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return TEXT_STYLE_KEYS.every((k) => a[k] === b[k]);
}

/** Adjacent runs of equal style merged, empty runs dropped. */
export function normalizeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last.style, run.style)) last.text += run.text;
    else out.push({ text: run.text, style: { ...run.style } });
  }
  return out;
}

/** The runs split so that `offset` falls on a run boundary. */
function splitAt(runs: readonly Run[], offset: number): Run[] {
  const out: Run[] = [];
  let pos = 0;
  for (const run of runs) {
    const end = pos + run.text.length;
    if (offset > pos && offset < end) {
      out.push({ text: run.text.slice(0, offset - pos), style: run.style });
      out.push({ text: run.text.slice(offset - pos), style: run.style });
    } else out.push(run);
    pos = end;
  }
  return out;
}

export function patchStyle(style: TextStyle, patch: TextStylePatch): TextStyle {
  const next: Record<string, unknown> = { ...style };
  for (const key of TEXT_STYLE_KEYS) {
    if (!(key in patch)) continue;
    const value = patch[key];
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next as TextStyle;
}

/** Applies `patch` to characters [start, end). */
export function styleRange(runs: readonly Run[], start: number, end: number, patch: TextStylePatch): Run[] {
  const cut = splitAt(splitAt(runs, start), end);
  let pos = 0;
  const out = cut.map((run) => {
    const from = pos;
    pos += run.text.length;
    return from >= start && pos <= end ? { text: run.text, style: patchStyle(run.style, patch) } : run;
  });
  return normalizeRuns(out);
}

/** Inserts `text` at `offset`, in `style`. */
export function insertInRuns(runs: readonly Run[], offset: number, text: string, style: TextStyle): Run[] {
  const cut = splitAt(runs, offset);
  const out: Run[] = [];
  let pos = 0;
  let done = false;
  for (const run of cut) {
    if (!done && pos === offset) {
      out.push({ text, style: { ...style } });
      done = true;
    }
    out.push(run);
    pos += run.text.length;
  }
  if (!done) out.push({ text, style: { ...style } });
  return normalizeRuns(out);
}

/** Deletes characters [start, end). */
export function deleteFromRuns(runs: readonly Run[], start: number, end: number): Run[] {
  const cut = splitAt(splitAt(runs, start), end);
  let pos = 0;
  const out = cut.filter((run) => {
    const from = pos;
    pos += run.text.length;
    return !(from >= start && pos <= end);
  });
  return normalizeRuns(out);
}

/** The style of the character at `offset` (which must exist). */
export function styleAt(runs: readonly Run[], offset: number): TextStyle {
  let pos = 0;
  for (const run of runs) {
    if (offset < pos + run.text.length) return run.style;
    pos += run.text.length;
  }
  return runs.length > 0 ? runs[runs.length - 1].style : {};
}

/**
 * The style text inserted at `offset` takes: that of the character before it, as the Docs API
 * says of its InsertTextRequest ("In most cases, the text style for the inserted text will match
 * the text immediately before the insertion index",
 * https://developers.google.com/docs/api/reference/rest/v1/documents/request#inserttextrequest).
 * Text.insertText's reference says nothing; with no character before it (offset 0, or a Text
 * emptied by deleteText) the new text gets no attributes of its own — guess, the stricter case
 * taken: code that wants a placeholder's formatting kept must insert after one of its characters.
 */
export function insertionStyle(runs: readonly Run[], offset: number): TextStyle {
  if (offset === 0 || textOfRuns(runs) === '') return {};
  return styleAt(runs, offset - 1);
}

/** Offsets where the style changes (the first is 0): Text.getTextAttributeIndices. */
export function runStarts(runs: readonly Run[]): number[] {
  const starts: number[] = [];
  let pos = 0;
  for (const run of normalizeRuns(runs)) {
    starts.push(pos);
    pos += run.text.length;
  }
  return starts;
}
