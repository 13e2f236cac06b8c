@TC_N_27_CS
Feature: TC_N_27_CS Get Customer Information - Accepted + data
  Asked about a customer named by an idToken the station has used, the station accepts and reports what it holds
  about that customer, in one or more parts, the data not empty.

  Scenario: customer information of a cached idToken is reported
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state IdTokenCached: the token's session (authorized, charged, stopped, EV gone) leaves the
    # station holding data about this customer. Decision: the Charging State of Part 6 (Authorized locally, then
    # ParkingBayUnoccupied) is that same session having ended; no session is kept open through the case.
    # Decision (as in TC_C_08_CS): the memory state comes before the configuration state, so the station caches the
    # token the ordinary way whatever it held before. IdTokenLocalAuthList is "if implemented": it is left to a
    # station with a Local Authorization List, the authorization cache is enough for this case (C-49).
    And the memory state IdTokenCached is reached for the configured valid idToken
    # Part 6 configuration state
    And the Charging Station variable "LocalAuthListCtrlr.LocalAuthListEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    # Part 6 step 1. Decision: clear is false (Part 6 names only report and idToken; a get does not clear).
    When the test system sends a CustomerInformationRequest with:
      | requestId       | <generated requestId>           |
      | report          | true                            |
      | clear           | false                           |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 2
    Then the Charging Station responds with a CustomerInformationResponse with:
      | status | Accepted |
    # Part 6 steps 3-4, repeated while tbc is true; post scenario: all parts received (seqNo 0 upwards, the last
    # without tbc true).
    And the Charging Station sends its NotifyCustomerInformationRequests for the request, each answered, every part with:
      | requestId | <generated requestId> |
      | data      | not empty             |
