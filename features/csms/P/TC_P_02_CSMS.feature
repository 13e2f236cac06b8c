@TC_P_02_CSMS
Feature: TC_P_02_CSMS Data Transfer to the CSMS - Rejected / Unknown VendorId / Unknown MessageId
  A DataTransferRequest for a vendor extension the CSMS does not implement must still get a DataTransferResponse, one
  that says the vendor or message is unknown, or that the request is rejected.

  Scenario: a vendor-specific message the CSMS does not implement
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    # bench.dataTransferVendorId / dataTransferMessageId name an extension the CSMS does not implement
    When the test system sends a DataTransferRequest with:
      | vendorId  | <configured vendorId>  |
      | messageId | <configured messageId> |
    Then the CSMS responds with a DataTransferResponse with:
      | status | one of UnknownVendorId, UnknownMessageId, Rejected |
