@TC_L_01_CSMS
Feature: TC_L_01_CSMS Secure Firmware Update - Installation successful
  Asked by an operator, the CSMS sends a signed firmware update carrying the configured signing certificate and
  signature, answers every progress report of the station, and accepts the station when it boots the new firmware.

  Scenario: a signed firmware update is downloaded, verified and installed
    Given the test system is connected to the CSMS and accepted
    And a signed firmware image is configured
    # Part 6 step 1
    When the operator makes the CSMS send a UpdateFirmwareRequest with:
      | requestId                   | <new requestId>               |
      | firmware.location           | <firmware location>           |
      | firmware.retrieveDateTime   | <now>                         |
      | firmware.signingCertificate | <firmware signingCertificate> |
      | firmware.signature          | <firmware signature>          |
    Then the CSMS sends a UpdateFirmwareRequest with:
      | firmware.signingCertificate | <firmware signingCertificate> |
      | firmware.signature          | <firmware signature>          |
    # Part 6 step 2
    And the test system responds with a UpdateFirmwareResponse with status Accepted
    # Part 6 steps 3-12
    When the test system reports the firmware statuses Downloading, Downloaded, SignatureVerified, Installing, InstallRebooting
    # Part 6 steps 13-14
    And the test system restarts
    And the test system sends a BootNotificationRequest with:
      | reason | FirmwareUpdate |
    Then the CSMS responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 15-16
    And the test system reports every connector as "Available"
    # Part 6 steps 17-18
    When the test system reports the firmware status Installed
