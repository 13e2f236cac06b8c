@TC_N_30_CS
Feature: TC_N_30_CS Clear Customer Information - Clear and report + data
  Asked to clear and report a customer named by an idToken the station has used, the station reports the data it
  held and removes it: asked again, it holds nothing about that customer.

  Scenario: customer information of a cached idToken is reported and cleared
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state IdTokenCached (see TC_N_27_CS for the decisions on the memory and Charging State).
    And the memory state IdTokenCached is reached for the configured valid idToken
    # Part 6 configuration state
    And the Charging Station variable "LocalAuthListCtrlr.LocalAuthListEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    # Part 6 step 1
    When the test system sends a CustomerInformationRequest with:
      | requestId       | <generated requestId>           |
      | report          | true                            |
      | clear           | true                            |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 2
    Then the Charging Station responds with a CustomerInformationResponse with:
      | status | Accepted |
    # Part 6 steps 3-4, repeated while tbc is true: the data as it was before the clear.
    And the Charging Station sends its NotifyCustomerInformationRequests for the request, each answered, every part with:
      | requestId | <generated requestId> |
      | data      | not empty             |
    # Part 6 step 5. Decision: clear is false (this request only looks).
    When the test system sends a CustomerInformationRequest with:
      | requestId       | <new requestId>                 |
      | report          | true                            |
      | clear           | false                           |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 6
    Then the Charging Station responds with a CustomerInformationResponse with:
      | status | Accepted |
    # Part 6 steps 7-8 (expected because step 6 is Accepted): tbc not true. Decision: the purpose of the case (the
    # customer's data removed) is checked as the no-data report, data empty as Part 6 asks in TC_N_62_CS step 7.
    And the Charging Station sends its NotifyCustomerInformationRequests for the request, each answered, every part with:
      | requestId | <generated requestId> |
      | tbc       | absent or false       |
      | data      | ""                    |
