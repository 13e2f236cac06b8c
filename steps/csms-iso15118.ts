// ISO 15118 steps for CSMS cases; each one line calling src/runner/ops/iso15118.ts.
import * as op from '../src/runner/ops/iso15118.ts';
import * as ocsp from '../src/runner/ops/contract-ocsp.ts';
import { step } from './step.ts';

step('a customer contract certificate is configured', (c) => op.customerCertificateConfigured(c));
step('the CertificateSignedRequest carries a certificate for the generated CSR, signed by the configured V2G chain', (c) => op.chainIsV2G(c));

// OCSP (contract certificates at authorization, certificate status): src/runner/ops/contract-ocsp.ts.
step("the test system's OCSP service reports the contract certificate as {word}", (c, s) => ocsp.contractCertificateReported(c, String(s)));
step("the test system's OCSP service reports the V2G Sub-CA as good", (c) => ocsp.v2gSubCaReported(c));
step("the CSMS asks the test system's OCSP service about that certificate", (c) => ocsp.csmsAskedService(c));
step("the ocspResult is the OCSP service's answer about the V2G Sub-CA", (c) => ocsp.ocspResultFromService(c));
step('the reusable state EnergyTransferStarted is executed after the contract authorization', (c) => ocsp.energyTransferAfterContractAuthorization(c));
