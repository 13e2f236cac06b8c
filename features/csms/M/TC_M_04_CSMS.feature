@TC_M_04_CSMS
Feature: TC_M_04_CSMS Install CA certificate - MORootCertificate
  Asked by an operator, the CSMS installs the configured MO (mobility operator) root certificate on the station, sending it unchanged
  and labelled as a MORootCertificate.

  Scenario: the CSMS installs a MORootCertificate
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the reusable state CertificateInstalled is executed for certificateType MORootCertificate
