// Where Part 6 and the Part 2 device model (appendix, dm_components_vars) spell a variable differently. The device
// model wins (a real station implements the appendix); the Part 6 spelling stays accepted in features, and an
// explanation that mentions the variable names both, so nobody hunts for a variable the station cannot have.

export interface NameReconciliation {
  /** As Part 6 writes it: Component.Variable. */
  part6: string;
  /** As the Part 2 device model defines it. */
  deviceModel: string;
  /** What differs. */
  note: string;
}

export const DEVICE_MODEL_NAMES: readonly NameReconciliation[] = [
  { part6: 'AuthCtrlr.AuthEnabled', deviceModel: 'AuthCtrlr.Enabled', note: 'the device model drops the "Auth" prefix of the variable' },
  { part6: 'AuthCacheCtrlr.AuthCacheEnabled', deviceModel: 'AuthCacheCtrlr.Enabled', note: 'the device model drops the "AuthCache" prefix of the variable' },
  { part6: 'AuthCacheCtrlr.AuthCacheAvailable', deviceModel: 'AuthCacheCtrlr.Available', note: 'the device model drops the "AuthCache" prefix of the variable' },
  { part6: 'AuthCacheCtrlr.LocalPreAuthorize', deviceModel: 'AuthCtrlr.LocalPreAuthorize', note: 'the device model puts LocalPreAuthorize in AuthCtrlr' },
  { part6: 'AuthCtrlr.MastersPassGroupId', deviceModel: 'AuthCtrlr.MasterPassGroupId', note: 'Part 6 misspells MasterPassGroupId' },
  { part6: 'LocalAuthListCtrlr.LocalAuthListAvailable', deviceModel: 'LocalAuthListCtrlr.Available', note: 'the device model drops the "LocalAuthList" prefix of the variable' },
  { part6: 'ReservationCtrlr.ReservationAvailable', deviceModel: 'ReservationCtrlr.Available', note: 'the device model drops the "Reservation" prefix of the variable' },
  { part6: 'ReservationCtrlr.ReservationEnabled', deviceModel: 'ReservationCtrlr.Enabled', note: 'the device model drops the "Reservation" prefix of the variable' },
];

/** The device-model spelling of a Component.Variable (itself when Part 6 and the device model agree). */
export function deviceModelName(name: string): { name: string; reconciled?: NameReconciliation } {
  const r = DEVICE_MODEL_NAMES.find((x) => x.part6 === name);
  return r ? { name: r.deviceModel, reconciled: r } : { name };
}

/** "AuthCtrlr.Enabled (Part 6: AuthCtrlr.AuthEnabled; the device model drops ...)" for explanations. */
export function explainName(name: string): string {
  const { name: dm, reconciled } = deviceModelName(name);
  return reconciled ? `${dm} (Part 6 writes ${reconciled.part6}; ${reconciled.note})` : dm;
}
