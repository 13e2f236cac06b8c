// `sim station`'s reconnection back-off: the station declares OCPPCommCtrlr.RetryBackOffWaitMinimum,
// RetryBackOffRepeatTimes and RetryBackOffRandomRange and reconnects by them (Part 4 section 5.3), so a CSMS or a test
// reads and changes the back-off it actually uses. The older --reconnect-ms / --reconnect-max-ms say the same in
// milliseconds and are translated into those variables (whole seconds, as OCPP counts them).

/** The device-model presets (StationSimOptions.variables) for the back-off, from already-validated option values. */
export function retryBackOffVariables(o: {
  reconnectMs?: number | undefined;
  reconnectMaxMs?: number | undefined;
  waitMinimumS?: number | undefined;
  repeatTimes?: number | undefined;
  randomRangeS?: number | undefined;
}): Record<string, string> {
  if (o.reconnectMs !== undefined && o.waitMinimumS !== undefined) throw new Error('give --reconnect-ms or --retry-back-off-wait-minimum, not both');
  if (o.reconnectMaxMs !== undefined && o.repeatTimes !== undefined) throw new Error('give --reconnect-max-ms or --retry-back-off-repeat-times, not both');
  // The defaults of the older options: 1 s first, doubling up to 30 s (1, 2, 4, 8, 16 s, then 16 s on).
  const waitMinimumS = o.waitMinimumS ?? Math.max(1, Math.ceil((o.reconnectMs ?? 1000) / 1000));
  const maxMs = o.reconnectMaxMs ?? Math.max(waitMinimumS * 1000, 30_000);
  // As many doublings as stay within the longest wait.
  const repeatTimes = o.repeatTimes ?? (waitMinimumS > 0 ? Math.max(0, Math.floor(Math.log2(maxMs / (waitMinimumS * 1000)))) : 0);
  return {
    'OCPPCommCtrlr.RetryBackOffWaitMinimum': String(waitMinimumS),
    'OCPPCommCtrlr.RetryBackOffRepeatTimes': String(repeatTimes),
    'OCPPCommCtrlr.RetryBackOffRandomRange': String(o.randomRangeS ?? 0),
  };
}
