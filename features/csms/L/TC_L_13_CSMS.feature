@TC_L_13_CSMS
Feature: TC_L_13_CSMS Secure Firmware Update - Unable to download/install firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is false
  During a transaction the CSMS sends a signed firmware update with the configured signing certificate; the station
  schedules the download, takes its idle connectors out of service until the transaction has ended, and then
  installs the update; the CSMS answers every report and accepts the rebooted station.

  Scenario: a firmware update waits for the running transaction to end
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
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
    # Part 6 step 2
    And the test system responds with a UpdateFirmwareResponse with status Accepted
    # Part 6 steps 3-4
    When the test system reports the firmware status DownloadScheduled
    # the connectors without the transaction go out of service
    # Part 6 steps 5-6
    # (a station with a single connector has none besides the configured one: the step then reports nothing)
    And the test system reports every connector except the configured one as "Unavailable"
    # Part 6 steps 7-9
    And the reusable state StopAuthorized is executed
    And the reusable state EVConnectedPostSession is executed
    And the reusable state EVDisconnected is executed
    # once the retrieveDateTime has come
    # Part 6 steps 10-19
    And the test system waits until the firmware.retrieveDateTime of the UpdateFirmwareRequest in progress
    And the test system reports the firmware statuses Downloading, Downloaded, SignatureVerified, Installing, InstallRebooting
    # Part 6 steps 20-21
    And the test system restarts
    And the test system sends a BootNotificationRequest with:
      | reason | FirmwareUpdate |
    Then the CSMS responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 22-23
    And the test system reports every connector as "Available"
    # Part 6 steps 24-25
    When the test system reports the firmware status Installed
