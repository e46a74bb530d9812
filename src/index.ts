/**
 * The functions Apps Script calls: the menu's callbacks and triggers. Each export becomes a
 * top-level `function` in dist/Code.js (scripts/build.mjs). Nothing else lives here: every
 * function hands over to a use case in src/app/.
 */
import { runAction, runLockedAction } from './app/action';
import { checkRegistry } from './app/check-registry';
import { consolidate } from './app/consolidate';
import { disableAutomation, enableAutomation } from './app/automation';
import { acceptFromMenu, returnFromMenu } from './app/decisions';
import { previewReminders, sendReminders } from './app/reminders';
import { generateLocalPlan, generateUnitPlansFromMenu } from './app/generate';
import { refreshStatus } from './app/tracking';
import { MENU, MENU_TITLE } from './app/menu';
import { provisionJob } from './app/provision';
import { continueJobs, startJob } from './app/jobs/registry';
import { pushTemplate } from './app/push-template';
import { setupWorkspace } from './app/setup';
import { todayInScriptZone } from './app/today';
import { addMenu } from './gas/ui';
import { defaultPlanYear } from './domain/dates';

export function onOpen(): void {
  addMenu(MENU_TITLE, MENU);
}

export function menuSetup(): void {
  runLockedAction('Thiết lập ban đầu', (ctx) => setupWorkspace(ctx, defaultPlanYear(todayInScriptZone())));
}

export function menuCheckRegistry(): void {
  runAction('Kiểm tra danh sách đơn vị', checkRegistry);
}

export function menuProvisionUnits(): void {
  startJob(provisionJob);
}

export function menuPushTemplate(): void {
  runLockedAction('Cập nhật mẫu cho các đơn vị', pushTemplate);
}

export function menuConsolidate(): void {
  runLockedAction('Tổng hợp dữ liệu', consolidate);
}

export function menuRefreshStatus(): void {
  runLockedAction('Cập nhật trạng thái', refreshStatus);
}

export function menuPreviewReminders(): void {
  runAction('Xem trước nhắc nhở', previewReminders);
}

export function menuSendReminders(): void {
  runLockedAction('Gửi nhắc nhở', sendReminders);
}

export function menuAccept(): void {
  acceptFromMenu();
}

export function menuReturn(): void {
  returnFromMenu();
}

export function menuEnableAutomation(): void {
  runLockedAction('Bật cập nhật tự động', enableAutomation);
}

export function menuDisableAutomation(): void {
  runLockedAction('Tắt cập nhật tự động', disableAutomation);
}

export function autoRefreshStatus(): void {
  runLockedAction('Cập nhật trạng thái (tự động)', refreshStatus, { interactive: false });
}

export function autoSendReminders(): void {
  runLockedAction('Gửi nhắc nhở (tự động)', sendReminders, { interactive: false });
}

export function menuGenerateUnitPlans(): void {
  generateUnitPlansFromMenu();
}

export function menuGenerateLocalPlan(): void {
  runLockedAction('Tạo dự thảo kế hoạch chung', generateLocalPlan);
}

export function menuContinueJobs(): void {
  continueJobs(true);
}

/** The one-off trigger that resumes paused long operations. */
export function continueJobsTrigger(): void {
  continueJobs(false);
}
