import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../../emulator';

export const OWNER = 'vanphong@vinhlinh.gov.vn';

/** An emulator as the demo has it: Asia/Ho_Chi_Minh, locale vi, run by the office. */
export function emulator(): Emulator {
  return new Emulator({ user: OWNER, start: new Date(Date.UTC(2025, 0, 2, 1, 0, 0)) });
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-export-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The XML of the cell `ref` ("B7") in a worksheet part, or undefined. */
export function cellXml(sheetXml: string, ref: string): string | undefined {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(sheetXml);
  return m?.[0];
}
