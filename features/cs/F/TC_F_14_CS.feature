@TC_F_14_CS
Feature: TC_F_14_CS Trigger message - TransactionEvent - All EVSE
  Asked for transaction events without an EVSE while every EVSE charges, the station accepts and sends an Updated event
  for the trigger per EVSE, each naming its EVSE and carrying meter values sampled for the trigger.

  Scenario: trigger TransactionEvent of the whole station while every EVSE charges
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached on every configured EVSE, each with its own valid idToken
    # Part 6 steps 1-2
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | TransactionEvent |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | Accepted |
    # Once per configured EVSE; the test system answers each with its default response.
    # Part 6 steps 3-4
    And for every configured EVSE the Charging Station sends a TransactionEventRequest with:
      | triggerReason                         | Trigger  |
      | transactionInfo.chargingState         | Charging |
      | meterValue                            | present  |
      | meterValue[0].sampledValue[0].context | Trigger  |
    # Clean-up (not a Part 6 step): end every transaction, so the station is left idle for the next case.
    When the transactions on every configured EVSE are stopped until the station is idle
