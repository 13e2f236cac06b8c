@TC_M_19_CS
Feature: TC_M_19_CS Retrieve certificates from Charging Station - No matching certificate found
  Asked for a certificate type of which it has none, the station answers NotFound without a list.

  Scenario: ask for MO roots when none is installed
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: an MO root the station has is removed first (Part 6 allows it; it is not put back).
    And the Charging Station has no MORootCertificate installed
    # Part 6 steps 1-2
    When the test system sends a GetInstalledCertificateIdsRequest with:
      | certificateType | ["MORootCertificate"] |
    Then the Charging Station responds with a GetInstalledCertificateIdsResponse with:
      | status                   | NotFound |
      | certificateHashDataChain | absent   |
