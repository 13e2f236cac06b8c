@TC_F_11_CS
Feature: TC_F_11_CS Trigger message - MeterValues - Specific EVSE
  Asked for the meter values of one EVSE, the station accepts and sends them for that EVSE, sampled for the trigger.

  Scenario: trigger MeterValues of the configured EVSE
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | MeterValues         |
      | evse.id          | <configured evseId> |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    And the Charging Station sends a MeterValuesRequest with:
      | evseId                              | <configured evseId> |
      | meterValue[0].sampledValue[0].context | Trigger           |
    And the test system responds with a MeterValuesResponse
