/**
 * "Bảng điều khiển": every unit at a glance, filters, and the office's actions, in the
 * spreadsheet's 300 px sidebar. All work is done by the server (src/app/console.ts, the same use
 * cases as the menu); this page shows, asks and confirms.
 */
import {
  ActionResult,
  ConsoleSnapshot,
  countUnits,
  filterUnits,
  FLAG_NAMES,
  FlagKey,
  JobView,
  MAX_COMMENT_LENGTH,
  RoundView,
  STATUS_NAMES,
  StatusKey,
  UnitFilter,
  UnitView,
} from '../domain/console/view';
import { byId, h } from './dom';
import { call, messageOf } from './server';

/** While an operation runs or waits, its progress is asked for this often. */
const BUSY_POLL_MS = 5000;
/** Otherwise: another admin (or the hourly trigger) may have started one. */
const IDLE_POLL_MS = 60000;
const DONE_PHASE = 'Hoàn thành';

interface State {
  snapshot: ConsoleSnapshot | null;
  filter: UnitFilter;
  selected: Set<string>;
  /** The unit whose return form is open, and its round target. */
  returning: { code: string; target: string } | null;
  busy: boolean;
}

const state: State = {
  snapshot: null,
  filter: { text: '', kind: '', status: '', flag: '' },
  selected: new Set(),
  returning: null,
  busy: false,
};

let pollTimer: number | undefined;

function say(text: string, kind: 'info' | 'ok' | 'error', lines: readonly string[] = []): void {
  const box = byId('message');
  box.className = `message ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.replaceChildren(
    h('p', {}, text),
    ...(lines.length > 0 ? [h('ul', {}, ...lines.map((l) => h('li', {}, l)))] : []),
  );
  box.hidden = false;
  box.focus();
}

function showResult(result: ActionResult): void {
  say(result.summary, result.ok ? 'ok' : 'error', result.problems);
}

/** Runs a server call with the page marked busy; errors are shown, never swallowed. */
async function act<T>(what: string, run: () => Promise<T>): Promise<T | null> {
  if (state.busy) return null;
  state.busy = true;
  document.body.setAttribute('aria-busy', 'true');
  say(`${what}…`, 'info');
  try {
    return await run();
  } catch (e) {
    say(messageOf(e), 'error');
    return null;
  } finally {
    state.busy = false;
    document.body.removeAttribute('aria-busy');
  }
}

async function refresh(): Promise<void> {
  try {
    state.snapshot = await call('consoleSnapshot');
    render();
  } catch (e) {
    say(messageOf(e), 'error');
  }
}

// ---- rendering ---------------------------------------------------------------------------------

function render(): void {
  const snap = state.snapshot;
  if (!snap) return;
  renderCounts(snap);
  renderKinds(snap);
  renderJobs(snap.jobs);
  renderList(snap);
}

function renderCounts(snap: ConsoleSnapshot): void {
  const c = countUnits(snap.units);
  const item = (label: string, n: number, cls = '') =>
    h('li', { className: `count ${cls}` }, h('b', {}, String(n)), ` ${label}`);
  byId('counts').replaceChildren(
    item('đơn vị', c.units),
    item(STATUS_NAMES.submitted, c.byStatus.submitted, 's-submitted'),
    item(STATUS_NAMES.returned, c.byStatus.returned, 's-returned'),
    item(STATUS_NAMES.accepted, c.byStatus.accepted, 's-accepted'),
    item(STATUS_NAMES.drafting, c.byStatus.drafting),
    item(STATUS_NAMES['not-started'], c.byStatus['not-started']),
    item(FLAG_NAMES.overdue, c.byFlag.overdue, 'f-overdue'),
  );
  byId('today').textContent = `Năm kế hoạch ${snap.planYear} · hôm nay ${snap.today}`;
}

function renderKinds(snap: ConsoleSnapshot): void {
  const select = byId<HTMLSelectElement>('f-kind');
  const current = select.value;
  select.replaceChildren(
    h('option', { value: '' }, 'Mọi loại'),
    ...snap.kinds.map((k) => h('option', { value: k }, k)),
  );
  select.value = snap.kinds.includes(current) ? current : '';
}

function renderJobs(jobs: readonly JobView[]): void {
  const box = byId('jobs');
  const shown = jobs.filter((j) => j.phase !== DONE_PHASE || j.lastError !== '').slice(0, 6);
  const recentDone = jobs.filter((j) => j.phase === DONE_PHASE).slice(-2);
  const canContinue = jobs.some((j) => j.continuesAt !== '' || j.stalled);
  box.replaceChildren(
    h('h2', {}, 'Tiến độ'),
    h(
      'div',
      {},
      shown.length + recentDone.length === 0
        ? h('p', { className: 'muted' }, 'Không có thao tác dài nào.')
        : null,
      h(
        'ul',
        { className: 'jobs' },
        ...[...shown, ...recentDone.filter((d) => !shown.includes(d))].map((j) =>
          h(
            'li',
            { className: 'job' },
            h('div', {}, h('b', {}, j.label), ` — ${j.phase}`),
            h('progress', {
              max: Math.max(1, j.total),
              value: j.done,
              'aria-label': `${j.label}: ${j.done}/${j.total}`,
            }),
            h('div', { className: 'muted' }, `${j.done}/${j.total} · cập nhật ${j.updatedAt}`),
            j.continuesAt ? h('div', { className: 'muted' }, `Tự chạy tiếp khoảng ${j.continuesAt}`) : null,
            j.stalled ? h('div', { className: 'warn' }, 'Đã dừng lâu: hãy bấm "Chạy tiếp".') : null,
            j.lastError ? h('div', { className: 'warn' }, `Lỗi gần nhất: ${j.lastError}`) : null,
          ),
        ),
      ),
      canContinue
        ? h(
            'button',
            { type: 'button', id: 'continue', onclick: () => void continueJobs() },
            'Chạy tiếp ngay',
          )
        : null,
    ),
  );
  schedulePoll(jobs.some((j) => j.phase !== DONE_PHASE));
}

function schedulePoll(busy: boolean): void {
  if (pollTimer !== undefined) window.clearTimeout(pollTimer);
  pollTimer = window.setTimeout(() => void poll(), busy ? BUSY_POLL_MS : IDLE_POLL_MS);
}

async function poll(): Promise<void> {
  if (state.busy || !state.snapshot) return schedulePoll(true);
  try {
    const before = state.snapshot.jobs.filter((j) => j.phase !== DONE_PHASE).length;
    const jobs = await call('consoleProgress');
    const running = jobs.filter((j) => j.phase !== DONE_PHASE).length;
    // An operation ended: the units' status, links and problems may have changed.
    if (running < before) return refresh();
    state.snapshot = { ...state.snapshot, jobs };
    renderJobs(jobs);
  } catch {
    schedulePoll(false);
  }
}

function statusBadge(r: RoundView): HTMLElement {
  return h(
    'span',
    { className: 'round' },
    h('span', { className: `badge s-${r.status}` }, r.statusLabel),
    ...r.flags.map((f) => h('span', { className: `badge f-${f}` }, FLAG_NAMES[f])),
  );
}

function roundLine(u: UnitView, r: RoundView, title: string): HTMLElement {
  const canDecide = r.status === 'submitted';
  return h(
    'div',
    { className: 'round-line' },
    h('span', { className: 'round-title' }, `${title}: `),
    statusBadge(r),
    h('span', { className: 'muted' }, ` hạn ${r.deadline}`),
    canDecide
      ? h(
          'span',
          { className: 'actions' },
          h(
            'button',
            {
              type: 'button',
              className: 'primary',
              'data-action': 'accept',
              'aria-label': `Tiếp nhận (${title}, ${u.name})`,
              'data-target': r.target,
              onclick: () => void accept(u, r),
            },
            'Tiếp nhận',
          ),
          h(
            'button',
            {
              type: 'button',
              'data-action': 'return',
              'aria-label': `Trả lại… (${title}, ${u.name})`,
              'data-target': r.target,
              onclick: () => openReturn(u, r),
            },
            'Trả lại…',
          ),
        )
      : null,
    r.comment && r.status === 'returned' ? h('div', { className: 'muted' }, `Ý kiến: ${r.comment}`) : null,
  );
}

function link(href: string, text: string, unit: string): HTMLElement | null {
  return href
    ? h('a', { href, target: '_blank', rel: 'noopener', 'aria-label': `${text} của ${unit}` }, text)
    : null;
}

function unitItem(u: UnitView): HTMLElement {
  const id = `sel-${u.code}`;
  const returning = state.returning?.code === u.code;
  return h(
    'li',
    { className: 'unit', 'data-code': u.code },
    h(
      'div',
      { className: 'unit-head' },
      h('input', {
        type: 'checkbox',
        id,
        checked: state.selected.has(u.code),
        onchange: (e: Event) => toggle(u.code, (e.target as HTMLInputElement).checked),
      }),
      h(
        'label',
        { for: id },
        h('b', {}, u.name),
        h('span', { className: 'muted' }, ` (${u.code} · ${u.kind})`),
      ),
    ),
    roundLine(u, u.plan, 'Kế hoạch'),
    u.proposals ? roundLine(u, u.proposals, 'Đề xuất') : null,
    h(
      'div',
      { className: 'unit-foot' },
      u.lastChange ? h('span', { className: 'muted' }, `Thay đổi: ${u.lastChange}`) : null,
      u.problems !== null && u.problems > 0
        ? h(
            'button',
            {
              type: 'button',
              className: 'link',
              'data-action': 'problems',
              onclick: () => void showProblems(u),
            },
            `${u.problems} lỗi dữ liệu`,
          )
        : null,
      link(u.fileUrl, 'Tệp', u.name),
      link(u.submittedUrl, 'Bản đã nộp', u.name),
      link(u.docUrl, 'Văn bản', u.name),
    ),
    returning ? returnForm(u) : null,
  );
}

function renderList(snap: ConsoleSnapshot): void {
  const units = filterUnits(snap.units, state.filter);
  byId('shown').textContent =
    `Hiển thị ${units.length}/${snap.units.length} đơn vị · đã chọn ${state.selected.size}`;
  byId('list').replaceChildren(...units.map(unitItem));
  const all = byId<HTMLInputElement>('select-all');
  all.checked = units.length > 0 && units.every((u) => state.selected.has(u.code));
  for (const id of ['generate', 'remind']) byId<HTMLButtonElement>(id).disabled = state.selected.size === 0;
}

function toggle(code: string, on: boolean): void {
  if (on) state.selected.add(code);
  else state.selected.delete(code);
  if (state.snapshot) renderList(state.snapshot);
}

// ---- actions -----------------------------------------------------------------------------------

async function accept(u: UnitView, r: RoundView): Promise<void> {
  const res = await act(`Đang tiếp nhận ${u.name}`, () => call('consoleAccept', r.target));
  if (res) {
    await refresh();
    showResult(res);
  }
}

function openReturn(u: UnitView, r: RoundView): void {
  state.returning = { code: u.code, target: r.target };
  if (state.snapshot) renderList(state.snapshot);
  byId<HTMLTextAreaElement>('return-comment').focus();
}

function returnForm(u: UnitView): HTMLElement {
  const target = state.returning?.target ?? u.code;
  const closeForm = () => {
    state.returning = null;
    if (state.snapshot) renderList(state.snapshot);
  };
  return h(
    'form',
    {
      className: 'return-form',
      'aria-label': `Trả lại ${u.name}`,
      onsubmit: (e: Event) => {
        e.preventDefault();
        void previewReturn(u, target);
      },
    },
    h('label', { for: 'return-comment' }, 'Ý kiến gửi đơn vị (cần bổ sung gì):'),
    h('textarea', { id: 'return-comment', rows: 4, maxlength: MAX_COMMENT_LENGTH, required: true }),
    h('div', { id: 'return-preview', className: 'preview', hidden: true, tabindex: -1 }),
    h(
      'div',
      { className: 'actions' },
      h('button', { type: 'submit', id: 'return-check' }, 'Xem thư'),
      h(
        'button',
        {
          type: 'button',
          id: 'return-send',
          className: 'danger',
          hidden: true,
          onclick: () => void sendReturn(u, target),
        },
        'Gửi và trả lại',
      ),
      h('button', { type: 'button', onclick: closeForm }, 'Hủy'),
    ),
  );
}

async function previewReturn(u: UnitView, target: string): Promise<void> {
  const comment = byId<HTMLTextAreaElement>('return-comment').value;
  const mail = await act('Đang soạn thư', () => call('consoleReturnPreview', target, comment));
  if (!mail) return;
  const box = byId('return-preview');
  box.replaceChildren(
    h('p', {}, h('b', {}, 'Thư sẽ gửi:')),
    h('p', {}, `Đến: ${mail.to.join(', ')}`),
    h('p', {}, `Tiêu đề: ${mail.subject}`),
    h('pre', {}, mail.body),
  );
  box.hidden = false;
  byId('return-send').hidden = false;
  say(`Xem lại thư gửi ${u.name} rồi bấm "Gửi và trả lại".`, 'info');
  byId('return-send').focus();
}

async function sendReturn(u: UnitView, target: string): Promise<void> {
  const comment = byId<HTMLTextAreaElement>('return-comment').value;
  const res = await act(`Đang trả lại ${u.name}`, () => call('consoleReturn', target, comment));
  if (res) {
    state.returning = null;
    await refresh();
    showResult(res);
  }
}

async function showProblems(u: UnitView): Promise<void> {
  const res = await act(`Đang mở lỗi dữ liệu của ${u.name}`, () => call('consoleShowProblems', u.code));
  if (res) showResult(res);
}

async function generate(): Promise<void> {
  const codes = [...state.selected];
  const res = await act(`Đang tạo văn bản cho ${codes.length} đơn vị`, () => call('consoleGenerate', codes));
  if (res) {
    await refresh();
    showResult(res);
  }
}

async function previewRemind(): Promise<void> {
  const codes = [...state.selected];
  const res = await act('Đang xem trước thư nhắc', () => call('consoleRemindPreview', codes));
  if (!res) return;
  const box = byId('remind-preview');
  const nothing = res.problems.length === 0;
  box.replaceChildren(
    h('p', {}, res.summary),
    h('ul', {}, ...res.problems.map((p) => h('li', {}, p))),
    h(
      'div',
      { className: 'actions' },
      nothing
        ? null
        : h(
            'button',
            {
              type: 'button',
              id: 'remind-send',
              className: 'primary',
              onclick: () => void sendRemind(codes),
            },
            'Gửi các thư này',
          ),
      h('button', { type: 'button', onclick: () => (box.hidden = true) }, 'Đóng'),
    ),
  );
  box.hidden = false;
  byId('message').hidden = true;
  (nothing ? box : byId('remind-send')).focus();
}

async function sendRemind(codes: string[]): Promise<void> {
  const res = await act('Đang gửi thư nhắc', () => call('consoleRemind', codes));
  if (res) {
    byId('remind-preview').hidden = true;
    await refresh();
    showResult(res);
  }
}

async function continueJobs(): Promise<void> {
  const res = await act('Đang chạy tiếp', () => call('consoleContinue'));
  if (res) {
    await refresh();
    showResult(res);
  }
}

// ---- wiring ------------------------------------------------------------------------------------

function wire(): void {
  const onFilter = () => {
    state.filter = {
      text: byId<HTMLInputElement>('f-text').value,
      kind: byId<HTMLSelectElement>('f-kind').value,
      status: byId<HTMLSelectElement>('f-status').value as StatusKey | '',
      flag: byId<HTMLSelectElement>('f-flag').value as FlagKey | '',
    };
    if (state.snapshot) renderList(state.snapshot);
  };
  byId('f-text').addEventListener('input', onFilter);
  for (const id of ['f-kind', 'f-status', 'f-flag']) byId(id).addEventListener('change', onFilter);
  byId<HTMLSelectElement>('f-status').append(
    ...(Object.keys(STATUS_NAMES) as StatusKey[]).map((k) => h('option', { value: k }, STATUS_NAMES[k])),
  );
  byId<HTMLSelectElement>('f-flag').append(
    ...(Object.keys(FLAG_NAMES) as FlagKey[]).map((k) => h('option', { value: k }, FLAG_NAMES[k])),
  );
  byId('select-all').addEventListener('change', (e) => {
    if (!state.snapshot) return;
    const on = (e.target as HTMLInputElement).checked;
    for (const u of filterUnits(state.snapshot.units, state.filter)) {
      if (on) state.selected.add(u.code);
      else state.selected.delete(u.code);
    }
    renderList(state.snapshot);
  });
  byId('generate').addEventListener('click', () => void generate());
  byId('remind').addEventListener('click', () => void previewRemind());
  byId('reload').addEventListener('click', () => void act('Đang tải lại', refresh));
}

wire();
void refresh();
