/** The kinds of unit the letter addresses ("Kính gửi: …"). */
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
  readonly kind: UnitKind;
  /** The focal points: the only people the unit's file is shared with. Lower-cased. */
  readonly focalEmails: readonly string[];
  /** The unit head, copied on overdue reminders; may be empty. */
  readonly headEmail: string;
  /** 1-based row in the registry sheet. */
  readonly row: number;
  /** The unit's spreadsheet, once provisioned. */
  readonly fileId: string;
}

/** Specialized agencies also propose new tasks for the local plan (the "Đề xuất" round). */
export function proposesTasks(unit: Pick<Unit, 'kind'>): boolean {
  return unit.kind === 'agency';
}
