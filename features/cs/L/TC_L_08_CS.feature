@TC_L_08_CS
Feature: TC_L_08_CS Secure Firmware Update - InstallVerificationFailed or InstallationFailed
  A correctly signed image that is no firmware for the station downloads and verifies fine, but its installation must
  fail: the station reports InstallVerificationFailed or InstallationFailed after it began installing.

  Scenario: signed image of another product, download and installation due at once
    Given the Charging Station is connected, accepted and idle
    And the Charging Station trusts the root of the test system's firmware signing certificate
    # Part 6 wants a configured "invalid firmware location" whose image fails the installation, with a trusted signing
    # certificate and a real signature. Decision: the test system serves an image whose header names another product
    # (as a real image for other hardware would), signed by its firmware signing certificate, so only the
    # installation check can refuse it.
    And the test system serves a signed firmware image on its file server
    # Part 6 steps 1-2
    When the test system sends a UpdateFirmwareRequest with:
      | requestId                   | <generated requestId>               |
      | firmware.location           | <uninstallable firmware location>   |
      | firmware.retrieveDateTime   | <two hours ago>                     |
      | firmware.installDateTime    | <two hours ago>                     |
      | firmware.signingCertificate | <firmware signingCertificate>       |
      | firmware.signature          | <uninstallable firmware signature>  |
    Then the Charging Station responds with a UpdateFirmwareResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
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
    # Part 6 steps 9-17: connector reports and a reboot before the installation (optional) are answered by the default
    # responders; Installing (or InstallRebooting) comes before the failure.
    And the Charging Station tries to install the firmware and reports InstallVerificationFailed or InstallationFailed, rebooting if it needs to
