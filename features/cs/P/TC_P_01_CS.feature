@TC_P_01_CS
Feature: TC_P_01_CS Data Transfer to the Charging Station - Rejected / Unknown VendorId / Unknown MessageId
  A station that implements no vendor extension answers a DataTransfer with one of the refusals Part 6 allows.

  Scenario: DataTransfer of an extension the station does not implement
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2. Part 6 names the official tool's own vendorId; the harness sends the configured one
    # (bench.dataTransferVendorId), which a station must not implement either.
    When the test system sends a DataTransferRequest with:
      | vendorId  | <configured vendorId>  |
      | messageId | <configured messageId> |
    Then the Charging Station responds with a DataTransferResponse with:
      | status | one of UnknownVendorId, UnknownMessageId, Rejected |
