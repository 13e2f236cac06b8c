@TC_M_02_CSMS
Feature: TC_M_02_CSMS Install CA certificate - ManufacturerRootCertificate
  Asked by an operator, the CSMS installs the configured manufacturer root certificate on the station, sending it
  unchanged and labelled as a ManufacturerRootCertificate.

  Scenario: the CSMS installs a manufacturer root certificate
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the reusable state CertificateInstalled is executed for certificateType ManufacturerRootCertificate
