@TC_M_07_CS
Feature: TC_M_07_CS Install CA certificate - Rejected - Certificate invalid
  The station refuses to install an expired CSMS root, and does not list it afterwards.

  Scenario: install an expired CSMS root
    Given the Charging Station is connected, accepted and idle
    # <Generated Expired Certificate>: a root certificate of the test system whose validity ended a year ago.
    And the test system has a root certificate that has expired
    # Part 6 steps 1-2
    When the test system sends a InstallCertificateRequest with:
      | certificateType | CSMSRootCertificate             |
      | certificate     | <generated expired certificate> |
    Then the Charging Station responds with a InstallCertificateResponse with:
      | status | Rejected |
    # Part 6 steps 3-4: Accepted (the station has the CSMS root of its own connection), without the expired one.
    And asked for its CSMSRootCertificate, the Charging Station does not list the expired certificate
