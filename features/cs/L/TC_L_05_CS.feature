@TC_L_05_CS
Feature: TC_L_05_CS Secure Firmware Update - InvalidCertificate
  A signing certificate the station must not trust stops the update before any download, and the station raises a
  security event about it.

  Scenario: update signed with an expired certificate of the trusted manufacturer root
    Given the Charging Station is connected, accepted and idle
    # Part 6 wants a certificate that is "trusted" yet invalid and not the configured one. Decision: a code-signing
    # certificate issued by the manufacturer root the station trusts, whose validity ended a year ago; the root is
    # installed first so that only the certificate itself can be the reason to refuse it.
    And the Charging Station trusts the root of the test system's firmware signing certificate
    And the test system serves a signed firmware image on its file server
    # Part 6 steps 1-2
    When the test system sends a UpdateFirmwareRequest with:
      | requestId                   | <generated requestId>                 |
      | firmware.location           | <firmware location>                   |
      | firmware.retrieveDateTime   | <two hours ago>                       |
      | firmware.installDateTime    | <two hours ago>                       |
      | firmware.signingCertificate | <invalid firmware signingCertificate> |
      | firmware.signature          | <firmware signature>                  |
    Then the Charging Station responds with a UpdateFirmwareResponse with:
      | status | one of InvalidCertificate, RevokedCertificate |
    # Part 6 steps 3-4
    And the Charging Station sends a SecurityEventNotificationRequest, other than a boot event, with:
      | type | "InvalidFirmwareSigningCertificate" |
    And the test system responds with a SecurityEventNotificationResponse
