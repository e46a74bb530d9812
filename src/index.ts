/**
 * The functions Apps Script calls: the menu's callbacks and triggers. Each export becomes a
 * top-level `function` in dist/Code.js (scripts/build.mjs). Nothing else lives here: every
 * function hands over to a use case in src/app/.
 */
import { runAction, runLockedAction } from './app/action';
import { checkRegistry } from './app/check-registry';
import { selfTestFromMenu } from './app/self-test';
import { consolidateJob } from './app/consolidate';
import { consolidateProgressJob } from './app/consolidate-progress';
import { disableAutomation, enableAutomation } from './app/automation';
import { acceptFromMenu, returnFromMenu } from './app/decisions';
import { previewReminders, remindJob } from './app/reminders';
import { remindAfterQuotaReset } from './app/remind-after-reset';
import { generateLocalPlan, generateNextDay, generateUnitPlansFromMenu } from './app/generate';
import { generateProgressReportsFromMenu, refreshProgressDashboard } from './app/progress-report';
import { refreshJob } from './app/tracking';
import { openMaster } from './app/open';
import { provisionJob } from './app/provision';
import { continueJobs, startJob } from './app/jobs/registry';
import { pushTemplateJob } from './app/push-template';
import { FIX_LABEL, restrictMasterToAdmins } from './app/admin-boundary';
import { confirm } from './gas/ui';
import { SCOPE } from './domain/scopes';
import { setupFromMenu } from './app/setup';
import * as sidebar from './app/console';

export function onOpen(): void {
  openMaster();
}

export function menuSetup(): void {
  runAction('Thiết lập ban đầu', setupFromMenu);
}

/** Makes every editor of the master who is not an admin a viewer (asks first). */
export function menuRestrictMasterEditors(): void {
  runLockedAction(FIX_LABEL, (ctx) => restrictMasterToAdmins(ctx, (message) => confirm(FIX_LABEL, message)));
}

export function menuCheckRegistry(): void {
  runAction('Kiểm tra danh sách đơn vị', checkRegistry);
}

export function menuProvisionUnits(): void {
  startJob(provisionJob);
}

export function menuPushTemplate(): void {
  startJob(pushTemplateJob);
}

export function menuConsolidate(): void {
  startJob(consolidateJob);
}

/** The period whose cut-off is the latest on or before today (src/domain/progress/period-choice.ts). */
export function menuConsolidateProgress(): void {
  startJob(consolidateProgressJob);
}

export function menuRefreshStatus(): void {
  startJob(refreshJob);
}

export function menuPreviewReminders(): void {
  runAction('Xem trước nhắc nhở', previewReminders, { scopes: [SCOPE.sendMail] });
}

export function menuSendReminders(): void {
  startJob(remindJob);
}

export function menuAccept(): void {
  acceptFromMenu();
}

export function menuReturn(): void {
  returnFromMenu();
}

export function menuEnableAutomation(): void {
  runLockedAction('Bật cập nhật tự động', enableAutomation, { scopes: [SCOPE.scriptApp] });
}

export function menuDisableAutomation(): void {
  runLockedAction('Tắt cập nhật tự động', disableAutomation, { scopes: [SCOPE.scriptApp] });
}

export function autoRefreshStatus(): void {
  startJob(refreshJob, { interactive: false });
}

export function autoSendReminders(): void {
  startJob(remindJob, { interactive: false });
}

/** Time trigger: the reminders the day's mail quota left, after Google resets it. */
export function remindAfterQuotaResetTrigger(): void {
  remindAfterQuotaReset();
}

export function menuGenerateUnitPlans(): void {
  generateUnitPlansFromMenu();
}

export function menuGenerateLocalPlan(): void {
  runLockedAction('Tạo dự thảo kế hoạch chung', generateLocalPlan, {
    scopes: [SCOPE.documents, SCOPE.drive, SCOPE.externalRequest],
  });
}

/** Issue 17: the periodic report documents of a period (progress-report.ts). */
export function menuGenerateProgressReports(): void {
  generateProgressReportsFromMenu();
}

export function menuRefreshProgressDashboard(): void {
  runLockedAction('Cập nhật biểu đồ tiến độ', refreshProgressDashboard);
}

export function menuContinueJobs(): void {
  continueJobs(true);
}

/** The one-off trigger that resumes paused long operations. */
export function continueJobsTrigger(): void {
  continueJobs(false);
}

/** Time trigger: the plan documents the day's quota left for the next day (generate-quota.ts). */
export function generateNextDayTrigger(): void {
  generateNextDay();
}

/** "Kiểm tra hệ thống": a small year on the real services, in a scratch folder trashed at the end. */
export function menuSelfTest(): void {
  selfTestFromMenu();
}

/** "Bảng điều khiển": the sidebar (src/client/), and below, the only functions its page calls. */
export function menuOpenConsole(): void {
  sidebar.openConsole();
}

export function consoleSnapshot() {
  return sidebar.consoleSnapshot();
}

export function consoleProgress() {
  return sidebar.consoleProgress();
}

export function consoleAccept(target: unknown) {
  return sidebar.consoleAccept(target);
}

export function consoleReturnPreview(target: unknown, comment: unknown) {
  return sidebar.consoleReturnPreview(target, comment);
}

export function consoleReturn(target: unknown, comment: unknown) {
  return sidebar.consoleReturn(target, comment);
}

export function consoleGenerate(codes: unknown) {
  return sidebar.consoleGenerate(codes);
}

export function consoleRemindPreview(codes: unknown) {
  return sidebar.consoleRemindPreview(codes);
}

export function consoleRemind(codes: unknown) {
  return sidebar.consoleRemind(codes);
}

export function consoleShowProblems(code: unknown) {
  return sidebar.consoleShowProblems(code);
}

export function consoleContinue() {
  return sidebar.consoleContinue();
}
