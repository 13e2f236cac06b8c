// Steps of the certificate cases (block M, SUT = Charging Station). One line each, calling src/runner/ops/cs-certificates.ts.
import * as op from '../src/runner/ops/cs-certificates.ts';
import { step, str } from './step.ts';

step('the memory state CertificateInstalled is reached on the Charging Station for certificateType {word}', (c, t) => op.certificateInstalled(c, str(t)));
step('the reusable state GetInstalledCertificates is reached on the Charging Station for certificateType {word}', (c, t) => op.getInstalledCertificates(c, str(t)));
step('the Charging Station no longer lists the configured {word}', (c, t) => op.noLongerListed(c, str(t)));
step('the test system has the hash data of a certificate the Charging Station never had', (c) => op.unknownCertificate(c));
