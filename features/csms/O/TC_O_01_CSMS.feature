@TC_O_01_CSMS
Feature: TC_O_01_CSMS Set Display Message - Success
  Asked by an operator, the CSMS sends a display message with the chosen priority, format and state.

  # Decision: the configured values of this case are priority AlwaysFront, format UTF8 and state Charging.
  Scenario: a display message is set
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a SetDisplayMessageRequest with:
      | message.id              | 4701                      |
      | message.priority        | AlwaysFront               |
      | message.state           | Charging                  |
      | message.message.format  | UTF8                      |
      | message.message.content | "Welcome, tariff 0.25/kWh" |
    Then the CSMS sends a SetDisplayMessageRequest with:
      | message.id              | 4701                      |
      | message.priority        | AlwaysFront               |
      | message.state           | Charging                  |
      | message.message.format  | UTF8                      |
    # Part 6 step 2
    And the test system responds with a SetDisplayMessageResponse with status Accepted
