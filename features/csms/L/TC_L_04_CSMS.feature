@TC_L_04_CSMS
Feature: TC_L_04_CSMS Secure Firmware Update - RevokedCertificate
  The CSMS sends a signed firmware update and copes with the station refusing it because the signing certificate
  has been revoked.

  Scenario: the station refuses a revoked signing certificate
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
    And the test system responds with a UpdateFirmwareResponse with status RevokedCertificate
