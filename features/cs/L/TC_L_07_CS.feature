@TC_L_07_CS
Feature: TC_L_07_CS Secure Firmware Update - DownloadFailed
  The image is not where the request says (the file server answers 404): the station must report DownloadFailed,
  whether or not it reported Downloading first.

  Scenario: firmware location that does not exist on the file server
    Given the Charging Station is connected, accepted and idle
    And the Charging Station trusts the root of the test system's firmware signing certificate
    And the test system serves a signed firmware image on its file server
    # Part 6 steps 1-2. No retries are asked for, so one failed attempt ends the update.
    When the test system sends a UpdateFirmwareRequest with:
      | requestId                   | <generated requestId>                   |
      | firmware.location           | <firmware location that does not exist> |
      | firmware.retrieveDateTime   | <two hours ago>                         |
      | firmware.installDateTime    | <two hours ago>                         |
      | firmware.signingCertificate | <firmware signingCertificate>           |
      | firmware.signature          | <firmware signature>                    |
    Then the Charging Station responds with a UpdateFirmwareResponse with:
      | status | Accepted |
    # Part 6 steps 3-6: Downloading is optional (a station may see at once that the download is impossible).
    And the Charging Station reports the firmware download as failed, after Downloading if it reports that
