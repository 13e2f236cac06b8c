@TC_F_23_CSMS
Feature: TC_F_23_CSMS Trigger message - StatusNotification - Specific EVSE - Available
  An operator has the CSMS ask for the connector status of one EVSE; the CSMS must name that EVSE and take the
  triggered reports that its connector is Available.

  Scenario: triggered status of an available connector
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a TriggerMessageRequest with:
      | requestedMessage | StatusNotification  |
      | evse.id          | <configured evseId> |
    Then the CSMS sends a TriggerMessageRequest with:
      | requestedMessage | StatusNotification  |
      | evse.id          | <configured evseId> |
    # Part 6 step 2
    And the test system responds with a TriggerMessageResponse with status Accepted and nothing more
    # Part 6 steps 3-4
    When the test system sends a StatusNotificationRequest with:
      | connectorStatus | Available                |
      | evseId          | <configured evseId>      |
      | connectorId     | <configured connectorId> |
    Then the CSMS responds with a StatusNotificationResponse
    When the test system sends a NotifyEventRequest with:
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | "Available"              |
      | eventData[0].component.name             | "Connector"              |
      | eventData[0].component.evse.id          | <configured evseId>      |
      | eventData[0].component.evse.connectorId | <configured connectorId> |
      | eventData[0].variable.name              | "AvailabilityState"      |
    Then the CSMS responds with a NotifyEventResponse
