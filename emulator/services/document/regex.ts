/**
 * findText / replaceText patterns. The reference: "The search pattern is passed as a string, not a
 * JavaScript regular expression object. Because of this you'll need to escape any backslashes in
 * the pattern. This methods uses Google's RE2 regular expression library, which limits the
 * supported syntax. The provided regular expression pattern is independently matched against each
 * text block contained in the current element." and (findText) "A subset of the JavaScript regular
 * expression features are not fully supported, such as capture groups and mode modifiers."
 * https://developers.google.com/apps-script/reference/document/body#replaceText(String,String)
 *
 * RE2 and JavaScript agree on the common syntax; what RE2 lacks (lookaround, backreferences) and
 * what the reference says is unsupported (mode modifiers such as "(?i)") is refused here, the
 * stricter choice: a pattern that works in the emulator works in Apps Script.
 */
import { gasError } from '../../core/errors';
import { MSG } from './messages';

/** Constructs checked on the pattern text; an escaped "(" ("\\(") is a literal, not a group. */
const UNSUPPORTED: readonly [RegExp, string][] = [
  [/(?<!\\)\(\?<?[=!]/, 'lookaround'],
  [/(?<!\\)\\[1-9]|\\k</, 'backreferences'],
  [/(?<!\\)\(\?[a-zA-Z-]+[:)]/, 'mode modifiers'],
];

export function compilePattern(pattern: string): RegExp {
  for (const [re] of UNSUPPORTED) if (re.test(pattern)) gasError(MSG.invalid('searchPattern'));
  try {
    return new RegExp(pattern, 'g');
  } catch {
    return gasError(MSG.invalid('searchPattern'));
  }
}

export interface Match {
  start: number;
  /** Exclusive. */
  end: number;
}

/** Non-empty matches, left to right (an empty match finds nothing to highlight or replace). */
export function matchesIn(text: string, re: RegExp): Match[] {
  const out: Match[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The replacement is inserted as it is. Apps Script's handling of "$" and "\" in it is not
 * documented (and differs between Java-style and literal readings), so the emulator refuses them
 * instead of guessing: escape such text yourself or replace with findText + Text edits.
 */
export function checkReplacement(replacement: string): string {
  if (/[$\\]/.test(replacement)) {
    throw new Error(
      'Emulator: replaceText with "$" or "\\" in the replacement is not modeled (Apps Script does not ' +
        'document how it treats them); use findText and Text.deleteText/insertText instead',
    );
  }
  return replacement;
}
