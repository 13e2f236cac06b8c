@TC_F_07_CS
Feature: TC_F_07_CS Remote unlock Connector - Without ongoing transaction - No cable connected
  With no cable in the connector and no transaction, an unlock request still succeeds.

  Scenario: unlock a connector without a cable
    # No cable connected at the configured connector: the idle precondition unplugs any EV an earlier case left in.
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a UnlockConnectorRequest with:
      | evseId      | <configured evseId>      |
      | connectorId | <configured connectorId> |
    Then the Charging Station responds with a UnlockConnectorResponse with:
      | status | Unlocked |
