@TC_F_12_CSMS
Feature: TC_F_12_CSMS Trigger message - MeterValues - All EVSE
  An operator has the CSMS ask the station for the meter values of all its EVSEs; the station answers with one
  triggered MeterValuesRequest per EVSE and the CSMS must take every one of them.

  Scenario: triggered meter values of every EVSE
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a TriggerMessageRequest with:
      | requestedMessage | MeterValues |
    Then the CSMS sends a TriggerMessageRequest with:
      | requestedMessage | MeterValues |
    # Part 6 step 2
    And the test system responds with a TriggerMessageResponse with status Accepted and nothing more
    # Part 6 steps 3-4
    # Once per EVSE.
    When the test system sends a MeterValuesRequest for every EVSE with:
      | meterValue[0].timestamp                 | <now>                         |
      | meterValue[0].sampledValue[0].value     | 1520.5                        |
      | meterValue[0].sampledValue[0].measurand | Energy.Active.Import.Register |
      | meterValue[0].sampledValue[0].context   | Trigger                       |
    Then the CSMS responds to each of them with a MeterValuesResponse
