@TC_L_01_CS
Feature: TC_L_01_CS Secure Firmware Update - Installation successful
  The station downloads a signed image from the test system's file server, checks the signature against the signing
  certificate, installs it and reports every phase, ending with Installed and a FirmwareUpdated security event.

  Scenario: signed firmware, download and installation due at once
    Given the Charging Station is connected, accepted and idle
    # Part 6 calls the signing certificate "configured": one the station accepts. The test system's firmware signing
    # certificate comes from the test PKI (or a root made for the run); its manufacturer root is installed first and
    # deleted again at the end.
    And the Charging Station trusts the root of the test system's firmware signing certificate
    And the test system serves a signed firmware image on its file server
    # Part 6 steps 1-2
    When the test system sends a UpdateFirmwareRequest with:
      | requestId                   | <generated requestId>         |
      | firmware.location           | <firmware location>           |
      | firmware.retrieveDateTime   | <two hours ago>               |
      | firmware.installDateTime    | <two hours ago>               |
      | firmware.signingCertificate | <firmware signingCertificate> |
      | firmware.signature          | <firmware signature>          |
    Then the Charging Station responds with a UpdateFirmwareResponse with:
      | status | Accepted |
    # Part 6 steps 3-4. The requestId of the update is mandatory in every status report of it.
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status    | Downloading           |
      | requestId | <generated requestId> |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 steps 5-6
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status    | Downloaded            |
      | requestId | <generated requestId> |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 steps 7-8
    And the Charging Station sends a FirmwareStatusNotificationRequest with:
      | status    | SignatureVerified     |
      | requestId | <generated requestId> |
    And the test system responds with a FirmwareStatusNotificationResponse
    # Part 6 steps 9-19: connector reports and reboots (optional) are answered by the default responders.
    And the Charging Station installs the firmware and reports Installed, rebooting if it needs to
    # Part 6 steps 20-21
    And the Charging Station sends a SecurityEventNotificationRequest, other than a boot event, with:
      | type | "FirmwareUpdated" |
    And the test system responds with a SecurityEventNotificationResponse
    # Part 6 steps 3-6, checked on the file server: the reported download really happened.
    And the file server has served the whole firmware image to the Charging Station
