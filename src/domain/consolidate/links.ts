/** A link that opens the unit's file at the cell (Sheets honours #gid=…&range=… in edit URLs). */
export function cellUrl(fileId: string, sheetId: number | null, cell: string): string {
  const base = `https://docs.google.com/spreadsheets/d/${fileId}/edit`;
  if (sheetId === null) return base;
  return `${base}#gid=${sheetId}${cell ? `&range=${cell}` : ''}`;
}
