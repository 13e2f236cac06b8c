@TC_N_62_CS
Feature: TC_N_62_CS Clear Customer Information - Clear and report - customerIdentifier
  Asked to clear and report a customer named by a customerIdentifier an operator stored at the station, the station
  reports the data it held and removes it: asked again, it reports nothing.

  Scenario: customer information by customerIdentifier reported and cleared
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state: the tester stores <Configured customerIdentifier> at the station by hand (a bench action).
    And the operator stores the configured customerIdentifier at the Charging Station
    # Part 6 step 1
    When the test system sends a CustomerInformationRequest with:
      | requestId          | <generated requestId>           |
      | report             | true                            |
      | clear              | true                            |
      | customerIdentifier | <configured customerIdentifier> |
    # Part 6 step 2
    Then the Charging Station responds with a CustomerInformationResponse with:
      | status | Accepted |
    # Part 6 steps 3-4, repeated while tbc is true: the data as it was before the clear.
    And the Charging Station sends its NotifyCustomerInformationRequests for the request, each answered, every part with:
      | requestId | <generated requestId> |
      | data      | not empty             |
    # Part 6 step 5
    When the test system sends a CustomerInformationRequest with:
      | requestId          | <new requestId>                 |
      | report             | true                            |
      | clear              | false                           |
      | customerIdentifier | <configured customerIdentifier> |
    # Part 6 step 6
    Then the Charging Station responds with a CustomerInformationResponse with:
      | status | Accepted |
    # Part 6 steps 7-8, repeated while tbc is true: data empty (nothing left). Decision: a report of nothing has one
    # part, so tbc is not true.
    And the Charging Station sends its NotifyCustomerInformationRequests for the request, each answered, every part with:
      | requestId | <generated requestId> |
      | tbc       | absent or false       |
      | data      | ""                    |
