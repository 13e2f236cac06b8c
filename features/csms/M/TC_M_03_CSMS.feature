@TC_M_03_CSMS
Feature: TC_M_03_CSMS Install CA certificate - V2GRootCertificate
  Asked by an operator, the CSMS installs the configured V2G root certificate on the station, sending it unchanged
  and labelled as a V2GRootCertificate.

  Scenario: the CSMS installs a V2GRootCertificate
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the reusable state CertificateInstalled is executed for certificateType V2GRootCertificate
