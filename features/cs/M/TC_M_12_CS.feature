@TC_M_12_CS
Feature: TC_M_12_CS Retrieve certificates from Charging Station - CSMSRootCertificate
  Asked for its CSMS roots, the station lists the one installed before, with hash data that match its DER.

  Scenario: list the installed CSMS roots
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: memory state CertificateInstalled (deleted again when the case ends).
    And the memory state CertificateInstalled is reached on the Charging Station for certificateType CSMSRootCertificate
    # Part 6 step 1
    Then the reusable state GetInstalledCertificates is reached on the Charging Station for certificateType CSMSRootCertificate
