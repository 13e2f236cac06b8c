@TC_M_17_CS
Feature: TC_M_17_CS Retrieve certificates from Charging Station - CSMSRootCertificate & ManufacturerRootCertificate
  Asked for two certificate types in one request, the station lists the installed root of each.

  Scenario: list the installed CSMS and manufacturer roots in one request
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: memory states CertificateInstalled (both deleted again when the case ends).
    And the memory state CertificateInstalled is reached on the Charging Station for certificateType CSMSRootCertificate
    And the memory state CertificateInstalled is reached on the Charging Station for certificateType ManufacturerRootCertificate
    # Part 6 step 1
    Then the reusable state GetInstalledCertificates is reached on the Charging Station for certificateTypes CSMSRootCertificate and ManufacturerRootCertificate
