@TC_M_18_CS
Feature: TC_M_18_CS Retrieve certificates from Charging Station - All certificateTypes
  Asked without a certificate type, the station lists its installed certificates of every type, the two roots
  installed before among them.

  Scenario: list the installed certificates of every type
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: memory states CertificateInstalled (both deleted again when the case ends).
    And the memory state CertificateInstalled is reached on the Charging Station for certificateType CSMSRootCertificate
    And the memory state CertificateInstalled is reached on the Charging Station for certificateType ManufacturerRootCertificate
    # Part 6 steps 1-2
    Then asked for every certificateType, the Charging Station lists the configured CSMSRootCertificate and the configured ManufacturerRootCertificate
