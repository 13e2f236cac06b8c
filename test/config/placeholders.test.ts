// The <configured ...> placeholders of feature tables reach the table's values through resolvePlaceholder, the one
// resolver the steps of both roles use; the idTokens keep their own names.
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config/load.ts';
import type { EngineSettings } from '../../src/config/types.ts';
import { PreconditionFailed, ScriptError } from '../../src/peer/errors.ts';
import { Memory, resolvePlaceholder } from '../../src/states/context.ts';
import type { ScenarioContext } from '../../src/states/context.ts';

const idTokens = { ...DEFAULTS.idTokens, masterPass: { idToken: 'MASTER', type: 'Central' } };
const settings: EngineSettings = { ...DEFAULTS.bench, heartbeatIntervalS: 42, transactionDurationMs: 90_000, evseId: 1, connectorId: 1, evses: DEFAULTS.evses, idTokens };
const ctx = (s: Partial<EngineSettings> = {}): ScenarioContext => ({ settings: { ...settings, ...s }, memory: new Memory() }) as unknown as ScenarioContext;

describe('resolvePlaceholder and the configured-values table', () => {
  it('gives the value in force for any spelling of a row', () => {
    expect(resolvePlaceholder(ctx(), 'configured heartbeatInterval')).toBe(42);
    expect(resolvePlaceholder(ctx(), 'configured transaction duration')).toBe(90);
    expect(resolvePlaceholder(ctx(), 'configured vendorId')).toBe(DEFAULTS.bench.dataTransferVendorId);
    expect(resolvePlaceholder(ctx({ evseId: 2 }), 'configured EVSEId')).toBe(2);
  });

  it('a row the run leaves unset makes the case INCONCLUSIVE, naming the field', () => {
    expect(() => resolvePlaceholder(ctx({ sampledIntervalS: undefined as unknown as number }), 'configured sampled Meter Values Updated interval')).toThrow(PreconditionFailed);
    expect(() => resolvePlaceholder(ctx({ sampledIntervalS: undefined as unknown as number }), 'configured sampled Meter Values Updated interval')).toThrow(/bench\.sampledIntervalS/);
  });

  it('idTokens answer to their rows in configured-id-tokens.ts; one the config leaves out is INCONCLUSIVE; an unknown name lists the tables', () => {
    expect(resolvePlaceholder(ctx(), 'configured valid idToken')).toBe(DEFAULTS.idTokens.valid[0]?.idToken);
    expect(resolvePlaceholder(ctx(), 'configured blocked idToken type')).toBe(DEFAULTS.idTokens.blocked.type);
    expect(resolvePlaceholder(ctx(), 'configured invalid_idtoken_idtoken')).toBe(DEFAULTS.idTokens.invalid.idToken);
    expect(resolvePlaceholder(ctx(), 'configured masterPass idTokenType')).toBe('Central');
    expect(() => resolvePlaceholder(ctx(), 'configured valid idToken2')).toThrow(/this case needs idTokens\.valid\[1\] in the run configuration/);
    expect(() => resolvePlaceholder(ctx(), 'configured groupIdToken')).toThrow(PreconditionFailed);
    expect(() => resolvePlaceholder(ctx(), 'configured heartbeatIntervall')).toThrow(ScriptError);
    expect(() => resolvePlaceholder(ctx(), 'configured heartbeatIntervall')).toThrow(/configured heartbeatInterval, configured model, .*configured connectorId, .*configured valid idToken, configured valid idToken type, .*configured masterPassGroupId \(src\/config\/configured-values\.ts, configured-id-tokens\.ts\)/);
  });
});
