@TC_L_09_CSMS
Feature: TC_L_09_CSMS Secure Firmware Update - InstallationFailed
  The CSMS sends a signed firmware update, answers every progress report, accepts the station when it reboots, and
  takes the report that the installation failed.

  Scenario: the installation fails after the reboot
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
    When the test system reports the firmware status InstallationFailed
