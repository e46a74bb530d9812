/**
 * The kinds of unit the 2025 district letter addresses ("Kính gửi: …"). Kinds are configuration
 * now (OfficeConfig.unitKinds); these legacy names are still read as aliases of the configured
 * kinds ("CCM", "xã, thị trấn"…).
 */
export type UnitKind = 'agency' | 'service' | 'commune';

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  agency: 'Cơ quan chuyên môn',
  service: 'Đơn vị sự nghiệp',
  commune: 'UBND xã, thị trấn',
};

/** A unit of the registry, as validated. */
export interface Unit {
  readonly code: string;
  readonly name: string;
  /** The configured kind's label, as "Loại đơn vị" lists it. */
  readonly kind: string;
  /** Whether the unit proposes tasks for the office's plan (its kind's setting). */
  readonly proposes: boolean;
  /** Place name of its documents' date line (registry override, else its kind's, else the office's). */
  readonly placeName: string;
  /** Parent authority line of its documents (registry override, else its kind's); '' for none. */
  readonly parentLine: string;
  /** The focal points: the only people the unit's file is shared with. Lower-cased. */
  readonly focalEmails: readonly string[];
  /** The unit head, copied on overdue reminders; may be empty. */
  readonly headEmail: string;
  /** 1-based row in the registry sheet. */
  readonly row: number;
  /** The unit's spreadsheet, once provisioned. */
  readonly fileId: string;
}

/** Units of a proposing kind also propose new tasks for the office's plan (the "Đề xuất" round). */
export function proposesTasks(unit: Pick<Unit, 'proposes'>): boolean {
  return unit.proposes;
}
