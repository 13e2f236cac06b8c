@TC_M_02_CS
Feature: TC_M_02_CS Install CA certificate - ManufacturerRootCertificate
  The station installs a manufacturer root it is given and then lists it, with hash data that match the certificate's
  DER.

  Scenario: install the configured manufacturer root and find it among the installed certificates
    Given the Charging Station is connected, accepted and idle
    # Part 6 step 1. The certificate is deleted again when the case ends.
    When the memory state CertificateInstalled is reached on the Charging Station for certificateType ManufacturerRootCertificate
    # Part 6 step 2
    Then the reusable state GetInstalledCertificates is reached on the Charging Station for certificateType ManufacturerRootCertificate
