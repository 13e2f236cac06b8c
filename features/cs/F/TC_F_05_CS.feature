@TC_F_05_CS
Feature: TC_F_05_CS Remote unlock Connector - With ongoing transaction
  While an authorized transaction runs on the connector, the station refuses to unlock it.

  Scenario: unlock the connector of a charging EVSE
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a UnlockConnectorRequest with:
      | evseId      | <configured evseId>      |
      | connectorId | <configured connectorId> |
    Then the Charging Station responds with a UnlockConnectorResponse with:
      | status | OngoingAuthorizedTransaction |
    # Clean-up (not a Part 6 step): end the transaction and unplug, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
