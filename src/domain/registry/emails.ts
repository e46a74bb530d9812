/** Emails as people type them in one cell: separated by commas, semicolons, spaces or lines. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * A pragmatic address check: one "@", a dot in the domain, no spaces or Vietnamese letters.
 * Drive rejects what this lets through anyway; this catches typos before anything is shared.
 */
export function isEmail(text: string): boolean {
  return /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(text);
}
