@TC_M_20_CS
Feature: TC_M_20_CS Delete a certificate from a Charging Station - Success
  The station deletes an installed CSMS root named by its hash data, and no longer lists it.

  Scenario: delete the CSMS root the case installed
    Given the Charging Station is connected, accepted and idle
    # Part 6 lets the case delete whichever CSMS root the station lists first. Decision: the test system always
    # installs its own configured CSMS root first and deletes exactly that one, so a real station keeps the root its
    # own connection depends on.
    And the memory state CertificateInstalled is reached on the Charging Station for certificateType CSMSRootCertificate
    # Part 6 step 1
    When the reusable state GetInstalledCertificates is reached on the Charging Station for certificateType CSMSRootCertificate
    # Part 6 steps 2-3
    And the test system sends a DeleteCertificateRequest with:
      | certificateHashData | <returned certificateHashData> |
    Then the Charging Station responds with a DeleteCertificateResponse with:
      | status | Accepted |
    # Part 6 step 4
    And the Charging Station no longer lists the configured CSMSRootCertificate
