// The run config's fileServer (where the station downloads firmware and uploads logs): defaults, values, mistakes.
import { describe, expect, it } from 'vitest';
import { loadRunConfig } from '../../src/config/load.ts';

const station = { sut: { role: 'ChargingStation', stationIdentity: 'CS001' }, ocppVersion: '2.0.1', securityProfile: 0 };

describe('run config: fileServer', () => {
  it('defaults to any free port on every interface, the public host derived at run time', () => {
    const r = loadRunConfig(station);
    expect(r.ok && r.config.fileServer).toEqual({ host: '0.0.0.0', port: 0, publicHost: null });
  });

  it('takes a fixed port and the address the station reaches the test system at', () => {
    const r = loadRunConfig({ ...station, fileServer: { port: 9080, publicHost: '192.168.1.20' } });
    expect(r.ok && r.config.fileServer).toEqual({ host: '0.0.0.0', port: 9080, publicHost: '192.168.1.20' });
  });

  it('refuses a port out of range and unknown keys, naming the field', () => {
    const r = loadRunConfig({ ...station, fileServer: { port: 70000, protocol: 'ftp' } });
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : r.errors.join('\n');
    expect(text).toMatch(/fileServer\.port/);
    expect(text).toMatch(/fileServer\.protocol/);
  });
});
