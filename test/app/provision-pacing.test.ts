import { urlFetchControls } from '../../emulator';
import * as entry from '../../src/index';
import { registryRows } from '../../sample/vinh-linh';
import { PACED_WRITE_BATCH } from '../../src/gas/fetch-batch';
import { manyUnits } from '../fixtures/many-units';
import { openOffice, runContinuations, typeRegistry } from '../fixtures/office';

const N = 60;

describe('provisioning paces its Drive writes to the sustained rate', () => {
  test('with no burst allowance beyond one paced batch, Drive refuses none: no write is sent twice', () => {
    const o = openOffice(new Date(Date.UTC(2025, 1, 10, 2)), { driveWriteBurst: PACED_WRITE_BATCH });
    try {
      entry.menuSetup();
      typeRegistry(o.master, registryRows(manyUnits(N)));
      entry.menuProvisionUnits();
      runContinuations(o);
      const writes = urlFetchControls(o.emu.ctx)
        .requests()
        .filter((r) => r.method.toLowerCase() === 'post' && r.url.includes('googleapis.com/drive/v3/files/'));
      const copies = writes.filter((r) => r.url.includes('/copy'));
      expect(copies.length).toBeGreaterThanOrEqual(N); // the units' files (and any template copy)
      expect(writes.filter((r) => r.status === 403 || r.status === 429)).toEqual([]);
      // Never faster than 3 a second over any stretch of 10 s (a burst of one batch at most).
      const times = writes.map((r) => r.atMs).sort((a, b) => a - b);
      for (let i = 0; i < times.length; i++) {
        const within = times.filter((t) => t >= times[i] && t < times[i] + 10_000).length;
        expect(within).toBeLessThanOrEqual(30 + PACED_WRITE_BATCH);
      }
    } finally {
      o.close();
    }
  });
});
