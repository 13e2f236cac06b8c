/** Where the cucumber child leaves its bundled cucumber for the compiled glue (cucumber-instance.ts reads it). A module
 * of its own: the child must not evaluate cucumber-instance.ts, which reads the slot when it loads. */
export const CUCUMBER_SLOT = Symbol.for('ocpp-conformance.cucumber');
