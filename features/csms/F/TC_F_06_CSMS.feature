@TC_F_06_CSMS
Feature: TC_F_06_CSMS Remote unlock Connector - Without ongoing transaction - Accepted
  With no transaction running, an operator has the CSMS release a stuck cable: the UnlockConnectorRequest must name
  the configured EVSE and connector.

  Scenario: the CSMS unlocks the configured connector
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a UnlockConnectorRequest with:
      | evseId      | <configured evseId>      |
      | connectorId | <configured connectorId> |
    Then the CSMS sends a UnlockConnectorRequest with:
      | evseId      | <configured evseId>      |
      | connectorId | <configured connectorId> |
    # Part 6 step 2
    And the test system responds with a UnlockConnectorResponse with status Unlocked
