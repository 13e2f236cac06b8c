@TC_N_28_CS
Feature: TC_N_28_CS Get Customer Information - Accepted + no data
  Asked about a customer it holds nothing about, the station accepts and says so in a single notification.

  Scenario: customer information of an idToken whose data was cleared
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state: the test system has the station clear the customer information of the token (clear true,
    # report false), so nothing is left of it whatever earlier cases did.
    And the memory state "customer information cleared" is reached for the configured valid idToken
    # Part 6 step 1. Decision: clear is false (a get does not clear).
    When the test system sends a CustomerInformationRequest with:
      | requestId       | <generated requestId>           |
      | report          | true                            |
      | clear           | false                           |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 2
    Then the Charging Station responds with a CustomerInformationResponse with:
      | status | Accepted |
    # Part 6 steps 3-4: tbc not true, so one notification. Post scenario "no data found": decision: the data is empty,
    # the form Part 6 itself asks for when nothing is left (TC_N_62_CS step 7); free text cannot be judged.
    And the Charging Station sends its NotifyCustomerInformationRequests for the request, each answered, every part with:
      | requestId | <generated requestId> |
      | tbc       | absent or false       |
      | data      | ""                    |
