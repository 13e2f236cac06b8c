@TC_L_03_CSMS
Feature: TC_L_03_CSMS Secure Firmware Update - DownloadScheduled
  Asked by an operator for a signed firmware update downloaded at a later time, the CSMS sends a retrieveDateTime in
  the future, answers every progress report including the scheduled download, and accepts the rebooted station.

  Scenario: download scheduled for later
    Given the test system is connected to the CSMS and accepted
    And a signed firmware image is configured
    # Part 6 step 1
    When the operator makes the CSMS send a UpdateFirmwareRequest with:
      | requestId                   | <new requestId>               |
      | firmware.location           | <firmware location>           |
      | firmware.retrieveDateTime   | <scheduled dateTime>          |
      | firmware.signingCertificate | <firmware signingCertificate> |
      | firmware.signature          | <firmware signature>          |
    # L01.FR.11: a secure update names its signing certificate
    Then the CSMS sends a UpdateFirmwareRequest with:
      | firmware.signingCertificate | present |
    # Part 6 step 2
    And the test system responds with a UpdateFirmwareResponse with status Accepted
    # the tool validation of step 1, checked once the request is answered
    # Part 6 step 1
    And the UpdateFirmwareRequest has a firmware.retrieveDateTime in the future
    # Part 6 steps 3-4
    When the test system reports the firmware status DownloadScheduled
    # once the retrieveDateTime has come
    # Part 6 steps 5-14
    And the test system waits until the firmware.retrieveDateTime of the UpdateFirmwareRequest in progress
    And the test system reports the firmware statuses Downloading, Downloaded, SignatureVerified, Installing, InstallRebooting
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
