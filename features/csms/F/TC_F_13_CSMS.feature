@TC_F_13_CSMS
Feature: TC_F_13_CSMS Trigger message - TransactionEvent - Specific EVSE
  While energy flows on the configured EVSE, an operator has the CSMS ask for a transaction update of that EVSE; the
  CSMS must name the EVSE and take the triggered TransactionEventRequest with its meter values.

  Scenario: triggered transaction update of the configured EVSE
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1
    When the operator makes the CSMS send a TriggerMessageRequest with:
      | requestedMessage | TransactionEvent    |
      | evse.id          | <configured evseId> |
    Then the CSMS sends a TriggerMessageRequest with:
      | requestedMessage | TransactionEvent    |
      | evse.id          | <configured evseId> |
    # Part 6 step 2
    And the test system responds with a TriggerMessageResponse with status Accepted and nothing more
    # Part 6 steps 3-4
    When the test system sends a TransactionEventRequest with:
      | evse.id                                 | <configured evseId>           |
      | triggerReason                           | Trigger                       |
      | transactionInfo.chargingState           | Charging                      |
      | meterValue[0].timestamp                 | <now>                         |
      | meterValue[0].sampledValue[0].value     | 1520.5                        |
      | meterValue[0].sampledValue[0].measurand | Energy.Active.Import.Register |
      | meterValue[0].sampledValue[0].context   | Trigger                       |
    Then the CSMS responds with a TransactionEventResponse
