@TC_L_18_CS
Feature: TC_L_18_CS Secure Firmware Update - Missing firmware signing certificate and signature
  A station that does secure firmware updates must refuse an update that comes without signing certificate and
  signature.

  Scenario: update request without signing certificate and signature
    Given the Charging Station is connected, accepted and idle
    And the test system serves a signed firmware image on its file server
    # Part 6 steps 1-2
    When the test system sends a UpdateFirmwareRequest with:
      | requestId                 | <generated requestId> |
      | firmware.location         | <firmware location>   |
      | firmware.retrieveDateTime | <two hours ago>       |
      | firmware.installDateTime  | <two hours ago>       |
    Then the Charging Station responds with a UpdateFirmwareResponse with:
      | status | one of Rejected, InvalidCertificate |
