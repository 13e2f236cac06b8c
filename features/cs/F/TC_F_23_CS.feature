@TC_F_23_CS
Feature: TC_F_23_CS Trigger message - StatusNotification - Specific EVSE - Available
  Asked for the status of one idle connector, the station accepts and reports it Available.

  Scenario: trigger the status of the configured connector while it is free
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | StatusNotification       |
      | evse.id          | <configured evseId>      |
      | evse.connectorId | <configured connectorId> |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | Accepted |
    # Either a StatusNotificationRequest or a NotifyEventRequest (AvailabilityState, trigger Delta); the test system
    # answers with its default response.
    # Part 6 steps 3-4
    And the Charging Station reports the configured connector as "Available"
