/**
 * Modeled latency of Apps Script service calls, in milliseconds.
 *
 * Every emulated call is counted by the ledger and advances the modeled clock by its row here.
 * Sources (tags as in ../shared/reference/apps-script-platform.md, "Latency model"):
 *   D = Google documentation, M = measured by others and published,
 *   P = figures in developers' public code comments, E = estimate (replace when a source is found).
 */
export interface LatencyRow {
  /** Fixed cost of one call. */
  readonly ms: number;
  /** Extra cost per unit (cell, row, request…) passed by the caller. */
  readonly perUnitMs?: number;
  readonly source: string;
}

export const DEFAULT_LATENCY: LatencyRow = {
  ms: 5,
  source: 'E: any call not listed below (getValue in a loop is ~3 ms after the first, M)',
};

/** Where the measured rows below come from (tag M unless said). */
const SRC = {
  /** 4,000-cell setValues < 50 ms, 610 ms with flush(); 400 one-row writes 164 ms, ~12 s with a flush each. */
  flushTimings:
    'https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp',
  /** Sheets API updateCells of 10,000 cells: about 3 s. */
  sheetsCells: 'https://qiita.com/howdy39/items/2fb95bb7b52cb0bb00ab',
  /** 100 samples: setProperty avg 62 ms (43–231), getProperty avg 30 ms (20–84). */
  properties: 'https://ziritione.org/post/apps_script_performance',
  /** 3 Books API fetches: 1.769 s one by one, 0.929 s with fetchAll. */
  fetchAllSmall: 'https://www.pre-practice.net/2020/03/urlfetchappfetchallfetch.html',
} as const;

export const LATENCY: Readonly<Record<string, LatencyRow>> = {
  'SpreadsheetApp.openById': { ms: 800, source: 'P: developers’ code comments (0.3–1.5 s seen)' },
  'SpreadsheetApp.openByUrl': { ms: 800, source: 'P: as openById' },
  'SpreadsheetApp.create': { ms: 1500, source: 'E' },
  // SpreadsheetApp buffers writes (core/pending-writes.ts): a write call is cheap, its server work is
  // paid when the writes are committed — by flush(), by a read of the file, or at the end of the
  // execution: ms per commit, perUnitMs per pending operation, plus the cells row below.
  'SpreadsheetApp.flush': {
    ms: 25,
    perUnitMs: 5,
    source:
      `M: a flush after each of 400 one-row writes ≈ 30 ms a flush (${SRC.flushTimings}); ` +
      'E: its split between the round trip (25 ms) and each bundled operation (5 ms)',
  },
  'SpreadsheetApp.flush.cells': {
    ms: 0,
    perUnitMs: 0.13,
    source: `M: flush() of one 4,000-cell write ≈ 560 ms (${SRC.flushTimings}); ~0.3 ms a cell through the Sheets API (${SRC.sheetsCells})`,
  },
  'Spreadsheet.getSheetByName': { ms: 50, source: 'E' },
  'Spreadsheet.insertSheet': { ms: 150, source: 'E' },
  'Range.getValues': { ms: 250, source: 'E: small range' },
  'Range.getDisplayValues': { ms: 250, source: 'E: as getValues' },
  'Range.getFormulas': { ms: 250, source: 'E: as getValues' },
  'Range.getValue': { ms: 3, source: 'M: ~3 ms per call after the first (cached)' },
  'Range.setValues': {
    ms: 0.4,
    perUnitMs: 0.012,
    source: `M: buffered — 400 one-row setValues took 164 ms, one of 4,000 cells < 50 ms (${SRC.flushTimings})`,
  },
  'Range.setValue': { ms: 0.4, source: 'M: buffered, as a one-row setValues' },
  // Protections are read back at once (protect() returns the new protection): E, one Sheets round
  // trip, as a small Sheets API batchUpdate (0.5–1 s, qiita above) minus the HTTP overhead.
  'Range.protect': { ms: 300, source: 'E: one Sheets round trip' },
  'Sheet.protect': { ms: 300, source: 'E: one Sheets round trip' },
  'Sheet.getProtections': { ms: 200, source: 'E: a server read' },
  'Spreadsheet.getProtections': { ms: 200, source: 'E: a server read' },
  'Protection.addEditor': { ms: 300, source: 'E: one Sheets round trip' },
  'Protection.addEditors': { ms: 300, source: 'E: one Sheets round trip' },
  'Protection.removeEditor': { ms: 300, source: 'E: one Sheets round trip' },
  'Protection.removeEditors': { ms: 300, source: 'E: one Sheets round trip' },
  'Protection.getEditors': { ms: 200, source: 'E: a server read' },
  'Protection.setDescription': { ms: 200, source: 'E: a small server write' },
  'Protection.setWarningOnly': { ms: 200, source: 'E: a small server write' },
  'Protection.setDomainEdit': { ms: 200, source: 'E: a small server write' },
  'Protection.setUnprotectedRanges': { ms: 200, source: 'E: a small server write' },
  'Protection.remove': { ms: 200, source: 'E: a small server write' },
  // Data validation and formats are buffered range writes: they pay the flush per operation above.
  'DriveApp.getFileById': { ms: 300, source: 'E' },
  'DriveApp.getFolderById': { ms: 300, source: 'E: as getFileById' },
  'DriveApp.createFolder': { ms: 600, source: 'E: one Drive API call (~0.6 s to a Google API, M)' },
  'Folder.createFolder': { ms: 600, source: 'E: one Drive API call (~0.6 s to a Google API, M)' },
  'DriveApp.getFoldersByName': { ms: 500, source: 'E: one Drive files.list query' },
  'Folder.getFoldersByName': { ms: 500, source: 'E: one Drive files.list query' },
  'DriveApp.getFilesByName': { ms: 500, source: 'E: one Drive files.list query' },
  'Folder.getFilesByName': { ms: 500, source: 'E: one Drive files.list query' },
  'Folder.getFiles': { ms: 500, source: 'E: one Drive files.list query' },
  'Folder.getFolders': { ms: 500, source: 'E: one Drive files.list query' },
  'File.moveTo': { ms: 500, source: 'E: one Drive files.update' },
  'Folder.moveTo': { ms: 500, source: 'E: one Drive files.update' },
  'File.setTrashed': { ms: 500, source: 'E: one Drive files.update' },
  'Folder.setTrashed': { ms: 500, source: 'E: one Drive files.update' },
  'File.makeCopy': { ms: 2500, source: 'E: makeCopy of a spreadsheet' },
  'File.addEditor': { ms: 1000, source: 'E' },
  'File.addEditors': { ms: 1000, source: 'E: per call' },
  'Spreadsheet.addEditor': { ms: 1000, source: 'E' },
  'Spreadsheet.addEditors': { ms: 1000, source: 'E: per call' },
  'Properties.getProperty': { ms: 30, source: `M: average of 100 calls (${SRC.properties})` },
  'Properties.getProperties': { ms: 30, source: 'E: as getProperty' },
  'Properties.getKeys': { ms: 30, source: 'E: as getProperty' },
  'Properties.setProperty': { ms: 62, source: `M: average of 100 calls (${SRC.properties})` },
  'Properties.setProperties': { ms: 62, source: 'E: as setProperty' },
  'Properties.deleteProperty': { ms: 62, source: 'E: as setProperty' },
  'Properties.deleteAllProperties': { ms: 62, source: 'E: as setProperty' },
  'ClockTriggerBuilder.create': { ms: 500, source: 'E: one Apps Script API write' },
  'SpreadsheetTriggerBuilder.create': { ms: 500, source: 'E: one Apps Script API write' },
  'ScriptApp.getProjectTriggers': { ms: 200, source: 'E: one server read' },
  'ScriptApp.deleteTrigger': { ms: 300, source: 'E: one server write' },
  'DocumentApp.create': { ms: 1500, source: 'E' },
  'DocumentApp.openById': { ms: 1000, source: 'E' },
  'Body.appendParagraph': { ms: 50, source: 'E' },
  'Body.appendTable': { ms: 1000, perUnitMs: 1.5, source: 'E: 1,000 × 9 cells ≈ 15 s' },
  'Body.insertTable': { ms: 1000, perUnitMs: 1.5, source: 'E: as appendTable (the same table, at an index)' },
  'Document.saveAndClose': { ms: 1000, source: 'E' },
  'DocumentApp.openByUrl': { ms: 1000, source: 'E: as openById' },
  'Document.getAs': { ms: 2000, source: 'E: PDF conversion of a Doc' },
  'File.getAs': { ms: 2000, source: 'E: PDF conversion through Drive' },
  'UrlFetchApp.fetch': { ms: 500, source: 'M: ~0.6 s to a Google API' },
  // fetchAll of n requests is charged by UrlFetchApp itself (fetchAllMs below).
  'UrlFetchApp.fetchAll': {
    ms: 180,
    perUnitMs: 8,
    source:
      'M: 2–88 parallel 1-s jobs took 1.2–1.9 s (reference "Latency model"): overhead ≈ 0.18 s + 8 ms a request; ' +
      `3 API calls: 0.93 s together vs 0.59 s each (${SRC.fetchAllSmall})`,
  },
  'UrlFetchApp.fetchAll.tail': {
    ms: 0,
    perUnitMs: 0.05,
    source:
      'E: the slowest of n requests grows with n (spread 0.3–1.5 s seen for one call, P): ' +
      'slowest × (1 + 0.05 × log2 n); the 1-s jobs above had no spread',
  },
  'ScriptApp.continuationHop': { ms: 60000, source: 'E: docs promise only a minimum delay' },
  'MailApp.sendEmail': { ms: 300, source: 'E' },
  'Utilities.sleep': { ms: 0, perUnitMs: 1, source: 'D: sleeps the given milliseconds' },
};

/**
 * Modeled time of a fetchAll whose requests would each take `latencies` ms alone: they run in
 * parallel, so the slowest counts, stretched by the tail of a larger batch, plus UrlFetchApp's
 * own overhead per call and per request.
 */
export function fetchAllMs(latencies: readonly number[]): number {
  const n = latencies.length;
  if (n === 0) return 0;
  const slowest = Math.max(0, ...latencies);
  const overhead = LATENCY['UrlFetchApp.fetchAll'];
  const tail = LATENCY['UrlFetchApp.fetchAll.tail'].perUnitMs ?? 0;
  return slowest * (1 + tail * Math.log2(n)) + overhead.ms + (overhead.perUnitMs ?? 0) * n;
}

export function latencyOf(key: string): LatencyRow {
  return LATENCY[key] ?? DEFAULT_LATENCY;
}
