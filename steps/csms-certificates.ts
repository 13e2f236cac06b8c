// Certificate-management steps (Part 6 block M, CSMS cases); each one line calling src/runner/ops/certificates.ts.
import * as op from '../src/runner/ops/certificates.ts';
import { step, str } from './step.ts';

step('the reusable state CertificateInstalled is reached/executed for certificateType {word}', (c, t) => op.certificateState(c, 'CertificateInstalled', str(t)));
step('the reusable state GetInstalledCertificates is reached/executed for certificateType {word}', (c, t) => op.certificateState(c, 'GetInstalledCertificates', str(t)));
step('the reusable state GetInstalledCertificates is executed for certificateType {word}, answered with {word} hashes', (c, t, a) => op.installedCertificatesHashed(c, str(t), str(a)));
step('the operator makes the CSMS delete the installed {word}', (c, t) => op.operatorDeletes(c, str(t)));
step('the CSMS sends a GetInstalledCertificateIdsRequest for {word} or for every certificateType', (c, t) => op.csmsAsksFor(c, str(t)));
step('the test system responds with a GetInstalledCertificateIdsResponse listing its installed certificates', (c) => op.respondWithInstalled(c));
step('the test system responds with a GetInstalledCertificateIdsResponse listing the installed {word} hashed with {word}', (c, t, a) => op.respondWithInstalled(c, str(t), str(a)));
step('the operator makes the CSMS install the configured {word}', (c, t) => op.operatorInstalls(c, str(t)));
