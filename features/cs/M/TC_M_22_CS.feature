@TC_M_22_CS
Feature: TC_M_22_CS Delete a certificate from a Charging Station - No matching certificate found
  Asked to delete a certificate it never had, the station answers NotFound.

  Scenario: delete by the hash data of a certificate the station never had
    Given the Charging Station is connected, accepted and idle
    # Part 6 step 1 reads the installed CSMS roots; the test system installs its own first so there is one to read,
    # and deletes it again when the case ends.
    And the memory state CertificateInstalled is reached on the Charging Station for certificateType CSMSRootCertificate
    # Part 6 step 1
    When the reusable state GetInstalledCertificates is reached on the Charging Station for certificateType CSMSRootCertificate
    And the test system has the hash data of a certificate the Charging Station never had
    # Part 6 steps 2-3
    And the test system sends a DeleteCertificateRequest with:
      | certificateHashData | <certificateHashData from unknown certificate> |
    Then the Charging Station responds with a DeleteCertificateResponse with:
      | status | NotFound |
