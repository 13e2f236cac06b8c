// Stands in for the `yaml` package inside the bundled cucumber child (scripts/build.js aliases it). Cucumber needs it
// only for a YAML configuration file, and the child only ever reads cucumber.mjs; leaving the parser out spares every
// start loading it (a tenth of the bundle).
export default {
  parse(): never {
    throw new Error('the ocpp-conformance cucumber child reads its configuration from cucumber.mjs, not from a YAML file');
  },
};
