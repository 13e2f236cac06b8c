@TC_F_10_CS
Feature: TC_F_10_CS Remote unlock Connector - Without ongoing transaction - UnknownConnector
  An unlock request for a connector the EVSE does not have is answered UnknownConnector.

  Scenario: unlock connector 999 of the configured EVSE
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a UnlockConnectorRequest with:
      | evseId      | <configured evseId> |
      | connectorId | 999                 |
    Then the Charging Station responds with a UnlockConnectorResponse with:
      | status | UnknownConnector |
