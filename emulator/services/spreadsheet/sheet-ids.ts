/**
 * Sheet ids (gids) as Google hands them out. A new spreadsheet's first sheet is gid 0; a sheet
 * added later without an id gets a random one — Sheets API AddSheetRequest, SheetProperties
 * .sheetId: "If not set, an ID is randomly generated"
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#AddSheetRequest).
 * So two files built by the same code do not share gids, and a template rebuilt has new ones
 * (copies keep their source's gids: the model's clone()).
 *
 * The emulator draws them from one seeded stream per emulator instance: every run of a test is
 * the same, yet no two inserted sheets, in any file, get the same id by construction of the code
 * that made them (sequential ids would hide a script that assumes a gid it never read).
 */
import { EmulatorContext } from '../../core/context';

/** Google's gids are non-negative 32-bit signed integers; 0 is the first sheet's. */
const GID_RANGE = 2_147_483_647;

export type SheetIdStream = () => number;

/** SplitMix32-style generator: a fixed seed, well-mixed outputs in 1 … 2^31 − 1. */
function seededStream(seed: number): SheetIdStream {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return 1 + (z % (GID_RANGE - 1));
  };
}

const STREAMS = new WeakMap<EmulatorContext, SheetIdStream>();

/** The sheet-id stream of an emulator context (one per instance, same seed every run). */
export function sheetIdStream(ctx: EmulatorContext): SheetIdStream {
  let stream = STREAMS.get(ctx);
  if (!stream) STREAMS.set(ctx, (stream = seededStream(0x5eed_61d5)));
  return stream;
}
