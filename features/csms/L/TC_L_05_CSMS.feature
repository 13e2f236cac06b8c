@TC_L_05_CSMS
Feature: TC_L_05_CSMS Secure Firmware Update - InvalidCertificate
  The CSMS sends a signed firmware update, copes with the station refusing the signing certificate as invalid, and
  takes the security event the station reports about it.

  Scenario: the station refuses an invalid signing certificate
    Given the test system is connected to the CSMS and accepted
    And a signed firmware image is configured
    # Part 6 step 1
    When the operator makes the CSMS send a UpdateFirmwareRequest with:
      | requestId                   | <new requestId>               |
      | firmware.location           | <firmware location>           |
      | firmware.retrieveDateTime   | <now>                         |
      | firmware.signingCertificate | <firmware signingCertificate> |
      | firmware.signature          | <firmware signature>          |
    # L01.FR.11: a secure update names its signing certificate
    Then the CSMS sends a UpdateFirmwareRequest with:
      | firmware.signingCertificate | present |
    # Part 6 step 2
    And the test system responds with a UpdateFirmwareResponse with status InvalidCertificate
    # Part 6 steps 3-4
    When the test system sends a SecurityEventNotificationRequest with:
      | type | "InvalidFirmwareSigningCertificate" |
    Then the CSMS responds with a SecurityEventNotificationResponse
