import { OfficeConfig } from '../domain/config/fields';
import { DEFAULT_TASK_COLUMNS } from '../domain/plan/columns';
import { unitWorkbookSpecs, WorkbookVariant } from '../domain/unit-file/layout';
import { fingerprint } from '../domain/util/hash';
import { commitSpreadsheetWrites } from '../gas/commit-writes';
import { fileById, fileState, trashFile } from '../gas/drive';
import { readDocumentJson, writeDocumentJson } from '../gas/properties';
import { createRenderedSpreadsheet, rerenderLeftoverSpreadsheet } from '../gas/render-sheet';

type Folder = GoogleAppsScript.Drive.Folder;
type File = GoogleAppsScript.Drive.File;

const TEMPLATES_KEY = 'cchc.templates';

interface TemplateRecord {
  readonly id: string;
  readonly fingerprint: string;
  /** Sheet name → gid. Copies keep their template's gids, which the CSV export needs. */
  readonly sheetIds: Readonly<Record<string, number>>;
}

type TemplateRecords = Partial<Record<WorkbookVariant, TemplateRecord>>;

export function templateName(config: OfficeConfig, variant: WorkbookVariant): string {
  // The variants are by role, not by kind: kinds are the office's own (Sở, Phòng, UBND xã…).
  const who = variant === 'agency' ? 'đơn vị có đề xuất' : 'đơn vị khác';
  return `[Mẫu] Kế hoạch CCHC ${config.planYear} - ${who} (không sửa)`;
}

/**
 * The unit layout is rendered once into a template file per variant, then copied for each unit:
 * a copy costs one Drive call where rendering costs a hundred (provisioning's call budget).
 * A template is rebuilt when what it is made of (settings, columns, unit names) changed; the old
 * one is trashed, never deleted. One a stopped run left half-built is found by name and rebuilt.
 */
export class TemplateCache {
  private records: TemplateRecords;
  private readonly files: Partial<Record<WorkbookVariant, File>> = {};
  /** A template rendered in this execution whose writes Drive's copy would not see yet. */
  private unflushed = false;

  constructor(
    private readonly config: OfficeConfig,
    private readonly unitNames: readonly string[],
    private readonly folder: Folder,
    private readonly editors: readonly string[],
  ) {
    this.records = readDocumentJson<TemplateRecords>(TEMPLATES_KEY) ?? {};
  }

  /**
   * Drive copies what is applied (SpreadsheetApp bundles writes): a template rendered in this
   * execution is flushed once before its first copy — and only then, one flush saved per step.
   */
  readyToCopy(): void {
    if (!this.unflushed) return;
    commitSpreadsheetWrites();
    this.unflushed = false;
  }

  get(variant: WorkbookVariant): File {
    const cached = this.files[variant];
    if (cached) return cached;
    const specs = unitWorkbookSpecs({
      config: this.config,
      columns: DEFAULT_TASK_COLUMNS,
      unitNames: this.unitNames,
      variant,
    });
    const print = fingerprint(JSON.stringify(specs));
    const record = this.records[variant];
    if (record && record.fingerprint === print) {
      const { state, file } = fileState(record.id);
      if (state === 'ok' && file) return (this.files[variant] = file);
    }
    if (record) trashFile(record.id);
    // A template a stopped run was building (its id never stored) is rebuilt in place, not left
    // beside a second one: a retry ends with one template, as an uninterrupted run does.
    const name = templateName(this.config, variant);
    const { id, sheetIds } =
      rerenderLeftoverSpreadsheet(name, specs, this.editors, this.folder) ??
      createRenderedSpreadsheet(name, specs, this.editors, this.folder);
    this.unflushed = true;
    this.records = { ...this.records, [variant]: { id, fingerprint: print, sheetIds } };
    writeDocumentJson(TEMPLATES_KEY, this.records);
    return (this.files[variant] = fileById(id));
  }

  /** The gids of the variant's template (`get` first), which every copy of it keeps. */
  sheetIds(variant: WorkbookVariant): Readonly<Record<string, number>> {
    this.get(variant);
    return this.records[variant]?.sheetIds ?? {};
  }
}

/**
 * The gids of unit-file sheets, as the latest templates had them (null when unknown), read once:
 * a guess for a file whose own gids were never recorded (sheet-ids.ts). A unit made from an
 * older template has others: readers check the sheet they got and find it by name.
 */
export function sheetIdLookup(): (sheetName: string, variant: WorkbookVariant) => number | null {
  const records = readDocumentJson<TemplateRecords>(TEMPLATES_KEY) ?? {};
  return (sheetName, variant) => records[variant]?.sheetIds?.[sheetName] ?? null;
}
