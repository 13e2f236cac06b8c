@TC_F_12_CS
Feature: TC_F_12_CS Trigger message - MeterValues - All EVSE
  Asked for meter values without an EVSE, the station accepts and sends the values of every EVSE, sampled for the trigger.

  Scenario: trigger MeterValues of the whole station
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | MeterValues |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | Accepted |
    # Once per configured EVSE; the test system answers each with its default response.
    # Part 6 steps 3-4
    And for every configured EVSE the Charging Station sends a MeterValuesRequest with:
      | meterValue[0].sampledValue[0].context | Trigger |
