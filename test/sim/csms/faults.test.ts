// Every named fault of the reference CSMS is proven live: a fault-matrix row makes a case FAIL at a step because of
// it, or a scenario here switches it on and sees its effect (faults-registry.ts says what counts). A new fault without a
// matrix row gets its scenario in a faults-<area>.ts file exporting a scenarios object, spread into `scenarios` below.
import { describe, expect, it } from 'vitest';
import { CSMS_FAULTS } from '../../../src/sim/csms/index.ts';
import type { Matrix, MatrixEntry } from '../../selftest/fault-run.ts';
import { loadMatrixFiles } from '../../selftest/fault-run.ts';
import { CORE_FAULT_SCENARIOS } from './faults-core.ts';
import { matrixCoverage, unproven } from './faults-registry.ts';
import { AVAILABLE_STATUS, simWithStation } from './helpers.ts';

const start = simWithStation('F1');
const scenarios = { ...CORE_FAULT_SCENARIOS };
const faults = Object.keys(CSMS_FAULTS);

describe('CSMS simulator: named faults', () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    it(name, async () => {
      // The scenario must switch its own fault on (not merely mention it) in the CSMS it starts.
      const switched: string[] = [];
      await scenario(async (faults, opts, boot) => {
        switched.push(...faults);
        return start(faults, opts, boot);
      });
      expect(switched).toContain(name);
    });
  }

  it('without faults, the same probes see correct behaviour', async () => {
    const { sim, st } = await start([], { boot: { status: 'Rejected' } }, false);
    expect((await st.boot()).status).toBe('Rejected');
    expect((await st.call('StatusNotification', AVAILABLE_STATUS()).catch((e: { code?: string }) => e.code))).toBe('SecurityError');
    st.close();
    await sim.stop();
    const { sim: ok, st: s } = await start([]);
    const beat = await s.conn.callDetailed('Heartbeat', {});
    expect((beat.payload as { currentTime: string }).currentTime).toMatch(/T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
    expect(beat.problems).toEqual([]);
    const started = { eventType: 'Started', timestamp: new Date().toISOString(), triggerReason: 'CablePluggedIn', transactionInfo: { transactionId: 'TX-GAP' }, evse: { id: 1, connectorId: 1 } };
    await s.call('TransactionEvent', { ...started, seqNo: 0 });
    await s.call('TransactionEvent', { ...started, eventType: 'Updated', triggerReason: 'ChargingStateChanged', seqNo: 3 });
    expect(ok.station('F1')?.transactions[0]?.missingSeqNos).toEqual([1, 2]);
  });
});

describe('CSMS fault registry', () => {
  const files = loadMatrixFiles();
  const coverage = matrixCoverage(faults, files);

  it('every fault has a fault-matrix row that runs, or a scenario here', () => {
    expect(unproven(faults, coverage, scenarios)).toEqual([]);
  });

  it('every matrix row naming a CSMS fault can prove it (a CSMS case with a feature, a FAIL at a named step)', () => {
    expect(coverage.unusable).toEqual([]);
  });

  it('every scenario is named after a fault that exists', () => {
    expect(Object.keys(scenarios).filter((n) => !(n in CSMS_FAULTS))).toEqual([]);
  });

  it('the check fails for a fault only a row of a station case, of an unimplemented case, or without a step would prove', () => {
    const row = (fault: string, step = '2'): MatrixEntry => ({ fault, expect: 'FAIL', message: 'x', step });
    const matrix: Matrix = {
      cases: { TC_B_01_CS: [row('a')], TC_Z_99_CSMS: [row('b')], TC_B_01_CSMS: [row('c', ''), row('d')] },
      noFault: {},
    };
    const fake = matrixCoverage(['a', 'b', 'c', 'd', 'e'], [{ name: 'probe', matrix }]);
    expect(unproven(['a', 'b', 'c', 'd', 'e'], fake, { e: () => undefined })).toEqual(['a', 'b', 'c']);
    expect(fake.unusable).toHaveLength(2);
    expect(fake.byMatrix.get('d')).toEqual(['probe: TC_B_01_CSMS at step 2']);
  });
});
