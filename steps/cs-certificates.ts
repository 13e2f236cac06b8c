// Steps of the certificate cases (block M, SUT = Charging Station). One line each, calling src/runner/ops/cs-certificates.ts.
import * as op from '../src/runner/ops/cs-certificates.ts';
import { step, str } from './step.ts';

step('the memory state CertificateInstalled is reached on the Charging Station for certificateType {word}', (c, t) => op.certificateInstalled(c, str(t)));
step('the reusable state GetInstalledCertificates is reached on the Charging Station for certificateType {word}', (c, t) => op.getInstalledCertificates(c, str(t)));
step('the Charging Station no longer lists the configured {word}', (c, t) => op.noLongerListed(c, str(t)));
step('the test system has the hash data of a certificate the Charging Station never had', (c) => op.unknownCertificate(c));
step('the reusable state GetInstalledCertificates is reached on the Charging Station for certificateTypes {word} and {word}', (c, a, b) => op.getInstalledCertificates(c, str(a), str(b)));
step('asked for every certificateType, the Charging Station lists the configured {word} and the configured {word}', (c, a, b) => op.listsAllTypes(c, str(a), str(b)));
step('the Charging Station has no {word} installed', (c, t) => op.noneInstalled(c, str(t)));
step('the test system has a root certificate that has expired', (c) => op.expiredRoot(c));
step('asked for its {word}, the Charging Station does not list the expired certificate', (c, t) => op.expiredNotListed(c, str(t)));
