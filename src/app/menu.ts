import { MenuGroupSpec } from '../gas/ui';

export const MENU_TITLE = 'Kế hoạch CCHC';
/** Where the sidebar's item is, for the offer shown on open. */
export const CONSOLE_MENU_PATH = '2. Thu thập › Bảng điều khiển';

/**
 * The custom menu, grouped by the yearly steps. Every functionName must be exported by
 * src/index.ts (the bundle test checks it against the built file).
 */
export const MENU: readonly MenuGroupSpec[] = [
  {
    label: '1. Chuẩn bị',
    items: [
      { label: 'Thiết lập ban đầu', functionName: 'menuSetup' },
      { label: 'Chỉ để quản trị sửa bảng tổng hợp', functionName: 'menuRestrictMasterEditors' },
      { label: 'Kiểm tra danh sách đơn vị', functionName: 'menuCheckRegistry' },
      { label: 'Tạo bảng tính cho đơn vị', functionName: 'menuProvisionUnits' },
      { label: 'Cập nhật mẫu cho các đơn vị', functionName: 'menuPushTemplate' },
      { label: 'Chạy tiếp thao tác đang dở', functionName: 'menuContinueJobs' },
    ],
  },
  {
    label: '2. Thu thập',
    items: [
      { label: 'Bảng điều khiển', functionName: 'menuOpenConsole' },
      { label: 'Tổng hợp dữ liệu', functionName: 'menuConsolidate' },
      { label: 'Tổng hợp tiến độ kỳ báo cáo', functionName: 'menuConsolidateProgress' },
      { label: 'Cập nhật trạng thái', functionName: 'menuRefreshStatus' },
      { label: 'Xem trước nhắc nhở', functionName: 'menuPreviewReminders' },
      { label: 'Gửi nhắc nhở', functionName: 'menuSendReminders' },
      { label: 'Tiếp nhận kế hoạch của đơn vị', functionName: 'menuAccept' },
      { label: 'Trả lại để bổ sung', functionName: 'menuReturn' },
      { label: 'Bật cập nhật tự động', functionName: 'menuEnableAutomation' },
      { label: 'Tắt cập nhật tự động', functionName: 'menuDisableAutomation' },
    ],
  },
  {
    label: '3. Ban hành',
    items: [
      { label: 'Tạo văn bản kế hoạch của đơn vị', functionName: 'menuGenerateUnitPlans' },
      { label: 'Tạo dự thảo kế hoạch chung', functionName: 'menuGenerateLocalPlan' },
      { label: 'Tạo báo cáo tiến độ kỳ…', functionName: 'menuGenerateProgressReports' },
      { label: 'Cập nhật biểu đồ tiến độ', functionName: 'menuRefreshProgressDashboard' },
    ],
  },
  {
    label: '4. Hệ thống',
    items: [{ label: 'Kiểm tra hệ thống', functionName: 'menuSelfTest' }],
  },
];
