// Steps of client certificates and their renewal (Part 6 block A at security profile 3, and the V2G / combined
// renewals of ISO 15118) for CSMS cases; each one line calling src/runner/ops/client-certificates.ts.
import * as op from '../src/runner/ops/client-certificates.ts';
import { step, str } from './step.ts';

step('the test system connects with the test PKI\'s {word} client certificate', (c, k) => op.connectWithInvalidCertificate(c, str(k)));
step('the test system has generated a CSR for its station certificate', (c) => op.generateCsr(c));
step('the CertificateSignedRequest carries a certificate for the generated CSR', (c) => op.chainIsForCsr(c));
