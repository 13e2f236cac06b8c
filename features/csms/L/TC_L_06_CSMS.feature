@TC_L_06_CSMS
Feature: TC_L_06_CSMS Secure Firmware Update - InvalidSignature
  The CSMS sends a signed firmware update, answers the progress reports up to the station finding the signature
  invalid, and takes the security event the station reports about it.

  Scenario: the downloaded firmware has an invalid signature
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
    And the test system responds with a UpdateFirmwareResponse with status Accepted
    # Part 6 steps 3-8
    When the test system reports the firmware statuses Downloading, Downloaded, InvalidSignature
    # Part 6 steps 9-10
    And the test system sends a SecurityEventNotificationRequest with:
      | type | "InvalidFirmwareSignature" |
    Then the CSMS responds with a SecurityEventNotificationResponse
