// Steps of the certificate cases (block M, SUT = Charging Station). One line each, calling src/runner/ops/cs-certificates.ts.
import * as op from '../src/runner/ops/cs-certificates.ts';
import * as root from '../src/runner/ops/cs-csms-root.ts';
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
step('the test system has a CSMS root certificate that the installed one did not sign', (c) => root.rootNotSignedByOld(c));
step('asked for its CSMSRootCertificate, the Charging Station lists only the old CSMS root', (c) => root.onlyOldRootListed(c));
step('the test system serves a server certificate signed by the configured CSMSRootCertificate', (c) => root.serveNewRootChain(c));
step('the test system serves its server certificate signed by the old CSMS root', (c) => root.serveOldRootChain(c));
step('asked for its CSMSRootCertificate, the Charging Station still lists the old CSMS root', (c) => root.oldRootListed(c, true));
step('asked for its CSMSRootCertificate, the Charging Station no longer lists the old CSMS root', (c) => root.oldRootListed(c, false));
