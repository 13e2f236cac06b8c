@TC_L_11_CSMS
Feature: TC_L_11_CSMS Secure Firmware Update - Unable to cancel
  While a firmware download is running, the CSMS sends a second signed update that the station refuses; the CSMS
  keeps following the first update to its installation and accepts the rebooted station.

  Scenario: the running update cannot be canceled
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
    # Part 6 steps 3-4
    When the test system reports the firmware status Downloading
    # Part 6 step 5
    And the operator makes the CSMS send a UpdateFirmwareRequest with:
      | requestId                   | <new requestId>               |
      | firmware.location           | <firmware location>           |
      | firmware.retrieveDateTime   | <now>                         |
      | firmware.signingCertificate | <firmware signingCertificate> |
      | firmware.signature          | <firmware signature>          |
    # L01.FR.11: a secure update names its signing certificate
    Then the CSMS sends a UpdateFirmwareRequest with:
      | firmware.signingCertificate | present |
    # Part 6 step 6
    And the test system responds with a UpdateFirmwareResponse with status Rejected
    # progress of the first update
    # Part 6 steps 7-14
    When the test system reports the firmware statuses Downloaded, SignatureVerified, Installing, InstallRebooting
    # Part 6 steps 15-16
    And the test system restarts
    And the test system sends a BootNotificationRequest with:
      | reason | FirmwareUpdate |
    Then the CSMS responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 17-18
    And the test system reports every connector as "Available"
    # Part 6 steps 19-20
    When the test system reports the firmware status Installed
