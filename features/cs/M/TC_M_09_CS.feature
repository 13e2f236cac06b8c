@TC_M_09_CS
Feature: TC_M_09_CS Install CA certificate - AdditionalRootCertificateCheck - Rejected
  A station that checks new CSMS roots refuses one that its CSMS root did not sign, and keeps only the old one.

  Scenario: install a CSMS root the old one did not sign
    Given the Charging Station is connected, accepted and idle
    # <Configured CSMSRootCertificate> not signed by the old root: the test system's own self-signed CSMS root.
    And the test system has a CSMS root certificate that the installed one did not sign
    # Part 6 steps 1-2
    When the test system sends a InstallCertificateRequest with:
      | certificateType | CSMSRootCertificate                  |
      | certificate     | <CSMS root not signed by the old one> |
    Then the Charging Station responds with a InstallCertificateResponse with:
      | status | Rejected |
    # Part 6 steps 3-4: the old root is the one the station trusts for its TLS connection to the test system.
    And asked for its CSMSRootCertificate, the Charging Station lists only the old CSMS root
