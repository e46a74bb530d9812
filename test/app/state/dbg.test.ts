import { RETURN, smallOffice } from './fault-office';
import { sheetValues } from '../../fixtures/office';
it('dbg', () => {
  const office = smallOffice();
  office.emu.ctx.ledger.failOn('Lock.tryLock', 1);
  try {
    RETURN.run(office);
  } catch (e) {
    process.stdout.write('threw' + String(e));
  }
  office.emu.ctx.ledger.clearFaults();
  process.stdout.write('\n' + JSON.stringify(sheetValues(office.master, 'Nhật ký').slice(-3)));
  RETURN.rerun(office);
  process.stdout.write('\n' + JSON.stringify(sheetValues(office.master, 'Nhật ký').slice(-3)));
  office.close();
});
