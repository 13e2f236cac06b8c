// ISO 15118 steps for CSMS cases; each one line calling src/runner/ops/iso15118.ts.
import * as op from '../src/runner/ops/iso15118.ts';
import { step } from './step.ts';

step('a customer contract certificate is configured', (c) => op.customerCertificateConfigured(c));
step('the CertificateSignedRequest carries a certificate for the generated CSR, signed by the configured V2G chain', (c) => op.chainIsV2G(c));
