@TC_E_02_CS
Feature: TC_E_02_CS Start transaction options - EnergyTransfer
  A station configured to start transactions when energy starts to flow opens the transaction only once the
  authorized driver's EV is plugged in and charging, and says so in the first event.

  Scenario: an authorized driver plugs in; the transaction starts with the energy transfer
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStartPoint contains EnergyTransfer (when writable), the driver is authorized
    And the Charging Station variable "TxCtrlr.TxStartPoint" is "EnergyTransfer" for this case
    And the reusable state Authorized is reached
    # Part 6 steps 1-2 (manual action: connect the EV)
    When the driver plugs the EV in at the configured connector
    Then the Charging Station reports the status of the configured connector as "Occupied"
    # Part 6 steps 3-4
    # The test system starts transactions locally (the Authorized state's local variant), so RemoteStart is not expected.
    And the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Started                                |
      | triggerReason                 | one of ChargingStateChanged, Authorized |
      | idToken.idToken               | <configured valid idToken>             |
      | idToken.type                  | <configured valid idToken type>        |
      | evse.id                       | present                                |
      | evse.connectorId              | present                                |
      | transactionInfo.chargingState | Charging                               |
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
