@TC_P_03_CSMS
Feature: TC_P_03_CSMS CustomData - Receive custom data
  Every OCPP message may carry customData: a vendorId plus any properties the vendor likes. The CSMS must handle such
  messages as it handles the same messages without them.

  Scenario: status report and transaction event carrying customData
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    # The EV is plugged in
    When the test system sends a StatusNotificationRequest with:
      | connectorStatus | Occupied                                                                         |
      | evseId          | <configured evseId>                                                              |
      | connectorId     | <configured connectorId>                                                         |
      | customData      | {"vendorId": "org.ocpp-conformance", "bayLight": "green", "sensor": {"level": 3}} |
    Then the CSMS responds with a StatusNotificationResponse
    # Part 6 steps 3-4
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Started                                                              |
      | triggerReason                 | CablePluggedIn                                                       |
      | transactionInfo.chargingState | EVConnected                                                          |
      | customData                    | {"vendorId": "org.ocpp-conformance", "plugCycles": 1207}             |
      | transactionInfo.customData    | {"vendorId": "org.ocpp-conformance", "tariffHint": ["night", "eco"]} |
    Then the CSMS responds with a TransactionEventResponse
