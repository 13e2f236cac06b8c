@TC_F_24_CSMS
Feature: TC_F_24_CSMS Trigger message - StatusNotification - Specific EVSE - Occupied
  The configured connector has become Occupied; an operator then has the CSMS ask for the connector status of that
  EVSE. The CSMS must name the EVSE and take the triggered reports that the connector is still Occupied.

  Scenario: triggered status of an occupied connector
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    When the test system sends a StatusNotificationRequest with:
      | connectorStatus | Occupied                 |
      | evseId          | <configured evseId>      |
      | connectorId     | <configured connectorId> |
    Then the CSMS responds with a StatusNotificationResponse
    When the test system sends a NotifyEventRequest with:
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | "Occupied"               |
      | eventData[0].component.name             | "Connector"              |
      | eventData[0].component.evse.id          | <configured evseId>      |
      | eventData[0].component.evse.connectorId | <configured connectorId> |
      | eventData[0].variable.name              | "AvailabilityState"      |
    Then the CSMS responds with a NotifyEventResponse
    # Part 6 step 3
    When the operator makes the CSMS send a TriggerMessageRequest with:
      | requestedMessage | StatusNotification  |
      | evse.id          | <configured evseId> |
    Then the CSMS sends a TriggerMessageRequest with:
      | requestedMessage | StatusNotification  |
      | evse.id          | <configured evseId> |
    # Part 6 step 4
    And the test system responds with a TriggerMessageResponse with status Accepted and nothing more
    # Part 6 steps 5-6
    When the test system sends a StatusNotificationRequest with:
      | connectorStatus | Occupied                 |
      | evseId          | <configured evseId>      |
      | connectorId     | <configured connectorId> |
    Then the CSMS responds with a StatusNotificationResponse
    When the test system sends a NotifyEventRequest with:
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | "Occupied"               |
      | eventData[0].component.name             | "Connector"              |
      | eventData[0].component.evse.id          | <configured evseId>      |
      | eventData[0].component.evse.connectorId | <configured connectorId> |
      | eventData[0].variable.name              | "AvailabilityState"      |
    Then the CSMS responds with a NotifyEventResponse
