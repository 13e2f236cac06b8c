@TC_F_06_CS
Feature: TC_F_06_CS Remote unlock Connector - Without ongoing transaction - Accepted
  Without a transaction on the connector, the station unlocks it on request.

  Scenario: unlock an idle connector
    # Part 6 prepares nothing for this case; the station is idle, as after every case.
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a UnlockConnectorRequest with:
      | evseId      | <configured evseId>      |
      | connectorId | <configured connectorId> |
    Then the Charging Station responds with a UnlockConnectorResponse with:
      | status | Unlocked |
