@TC_F_11_CSMS
Feature: TC_F_11_CSMS Trigger message - MeterValues - Specific EVSE
  An operator has the CSMS ask the station for the meter values of one EVSE; the CSMS must name that EVSE and take
  the triggered MeterValuesRequest.

  Scenario: triggered meter values of the configured EVSE
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a TriggerMessageRequest with:
      | requestedMessage | MeterValues         |
      | evse.id          | <configured evseId> |
    Then the CSMS sends a TriggerMessageRequest with:
      | requestedMessage | MeterValues         |
      | evse.id          | <configured evseId> |
    # Part 6 step 2
    And the test system responds with a TriggerMessageResponse with status Accepted and nothing more
    # Part 6 steps 3-4
    When the test system sends a MeterValuesRequest with:
      | evseId                                  | <configured evseId>           |
      | meterValue[0].timestamp                 | <now>                         |
      | meterValue[0].sampledValue[0].value     | 1520.5                        |
      | meterValue[0].sampledValue[0].measurand | Energy.Active.Import.Register |
      | meterValue[0].sampledValue[0].context   | Trigger                       |
    Then the CSMS responds with a MeterValuesResponse
