@TC_L_23_CSMS
Feature: TC_L_23_CSMS Unpublish Firmware - Download Ongoing
  Asked by an operator, the CSMS tells the Local Controller (the test system) to stop serving the firmware image with
  the given checksum, and takes the answer: a station is still downloading it, so it stays.

  # Decision: Part 6 lists no tool validation; the request is checked to carry the checksum the operator chose.
  Scenario: the firmware cannot be withdrawn while downloads run
    Given the test system is connected to the CSMS and accepted
    And a signed firmware image is configured
    # Part 6 step 1
    When the operator makes the CSMS send a UnpublishFirmwareRequest with:
      | checksum | <firmware checksum> |
    Then the CSMS sends a UnpublishFirmwareRequest with:
      | checksum | <firmware checksum> |
    # Part 6 step 2
    And the test system responds with a UnpublishFirmwareResponse with status DownloadOngoing
