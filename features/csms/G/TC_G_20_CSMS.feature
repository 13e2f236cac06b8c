@TC_G_20_CSMS
Feature: TC_G_20_CSMS Connector status Notification - Lock Failure
  The station reports that the plug retention lock of the configured connector has a problem; the CSMS must take the
  event like any other and answer it.

  Scenario: the CSMS answers a lock-failure event
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    When the test system sends a NotifyEventRequest with:
      | eventData[0].trigger                    | Delta                        |
      | eventData[0].component.name             | "ConnectorPlugRetentionLock" |
      | eventData[0].component.evse.id          | <configured evseId>          |
      | eventData[0].component.evse.connectorId | <configured connectorId>     |
      | eventData[0].variable.name              | "Problem"                    |
      | eventData[0].actualValue                | "true"                       |
    Then the CSMS responds with a NotifyEventResponse
