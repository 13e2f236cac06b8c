@TC_L_24_CSMS
Feature: TC_L_24_CSMS Publish Firmware - Download failed
  Asked by an operator, the CSMS has the Local Controller (the test system) fetch and publish the configured firmware
  image; the CSMS answers every progress report, also the one saying the download failed.

  Scenario: the firmware cannot be downloaded
    Given the test system is connected to the CSMS and accepted
    And a signed firmware image is configured
    # Part 6 step 1
    When the operator makes the CSMS send a PublishFirmwareRequest with:
      | location  | <firmware location> |
      | checksum  | <firmware checksum> |
      | requestId | <new requestId>     |
    Then the CSMS sends a PublishFirmwareRequest with:
      | location | <firmware location> |
    # Part 6 step 2
    And the test system responds with a PublishFirmwareResponse with status Accepted
    # Part 6 steps 3-4
    When the test system reports the publish status Downloading
    # Part 6 steps 5-6
    And the test system reports the publish status DownloadFailed
