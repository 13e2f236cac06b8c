@TC_F_13_CS
Feature: TC_F_13_CS Trigger message - TransactionEvent - Specific EVSE
  Asked for the transaction event of one EVSE that is charging, the station accepts and sends an Updated event for the
  trigger, with meter values sampled for the trigger.

  Scenario: trigger TransactionEvent of the configured EVSE while charging
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | TransactionEvent    |
      | evse.id          | <configured evseId> |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | Accepted |
    # The test system answers with its default TransactionEventResponse (a reply step here would hold the earlier events).
    # Part 6 steps 3-4
    And the Charging Station sends a TransactionEventRequest with:
      | triggerReason                         | Trigger                                 |
      | evse.id                               | absent or <configured evseId>          |
      | transactionInfo.chargingState         | Charging                                |
      | meterValue                            | present                                 |
      | meterValue[0].sampledValue[0].context | Trigger                                 |
    # Clean-up (not a Part 6 step): end the transaction, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
