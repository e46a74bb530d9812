import { progressText } from '../domain/jobs/progress';
import { MasterWorkbook } from '../gas/master';
import { readDocumentJson, writeDocumentJson } from '../gas/properties';
import { addMenu, toast } from '../gas/ui';
import { formatTimestamp } from '../gas/values';
import { stalledJobs } from './jobs/runner';
import { CONSOLE_MENU_PATH, MENU, MENU_TITLE } from './menu';
import { loadConfig } from './config';
import { activeUserEmail } from '../gas/session';
import { CONSOLE_TITLE } from './console';

/**
 * On open: the menu, then a word about any long operation that stopped continuing (its last step
 * is old: the continuation trigger did not run — deleted, quota, authorization lost). A simple
 * trigger may read properties, toast and write the bound sheet, so this needs no authorization.
 * Nothing here may stop the menu from appearing.
 */
export function openMaster(): void {
  addMenu(MENU_TITLE, MENU);
  offerConsole();
  try {
    const now = new Date().getTime();
    const stalled = stalledJobs(now);
    if (stalled.length === 0) return;
    const master = MasterWorkbook.active();
    for (const job of stalled) {
      const since = formatTimestamp(new Date(job.updatedMs), master.timeZone());
      const line = `${progressText(job.label, job.done, job.total)} — dừng từ ${since}. Chọn "Chạy tiếp thao tác đang dở" để làm tiếp.`;
      toast(master.ss, line, 'Thao tác đang dở');
      // Logged once per stall, not at every open.
      const key = `cchc.stalled.${job.name}`;
      if (readDocumentJson<number>(key) === job.updatedMs) continue;
      writeDocumentJson(key, job.updatedMs);
      master.appendLog([
        formatTimestamp(new Date(now), master.timeZone()),
        '',
        `${job.label} (bị dừng)`,
        'Chưa xong',
        `${job.done}/${job.total}`,
        line,
      ]);
    }
  } catch {
    // the menu is there; the check runs again at the next open
  }
}

/**
 * An admin opening the master is offered the sidebar. A simple trigger may not show it (showing a
 * sidebar needs the person's authorization, which onOpen does not have): a toast says where it is.
 * Session.getActiveUser() may be blank here (another domain): then nothing is offered.
 */
function offerConsole(): void {
  try {
    const master = MasterWorkbook.active();
    const user = activeUserEmail().toLowerCase();
    if (!user || !loadConfig(master).admins.includes(user)) return;
    toast(
      master.ss,
      `Mở "${CONSOLE_TITLE}" (menu ${MENU_TITLE} › ${CONSOLE_MENU_PATH}) để xem mọi đơn vị và xử lý ngay bên cạnh bảng tính.`,
      CONSOLE_TITLE,
    );
  } catch {
    // before setup, or settings not valid yet: the menu is enough
  }
}
