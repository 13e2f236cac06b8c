@TC_M_01_CSMS
Feature: TC_M_01_CSMS Install CA certificate - CSMSRootCertificate
  Asked by an operator, the CSMS installs the configured CSMS root certificate on the station, sending it unchanged
  and labelled as a CSMSRootCertificate.

  Scenario: the CSMS installs a CSMS root certificate
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the reusable state CertificateInstalled is executed for certificateType CSMSRootCertificate
