@TC_F_24_CS
Feature: TC_F_24_CS Trigger message - StatusNotification - Specific EVSE - Occupied
  Asked for the status of the connector an EV is plugged into, the station accepts and reports it Occupied.

  Scenario: trigger the status of the configured connector while an EV is plugged in
    Given the Charging Station is connected, accepted and idle
    And the reusable state EVConnectedPreSession is reached
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
    And the Charging Station reports the configured connector as "Occupied"
    # Clean-up (not a Part 6 step): unplug, so the station is left idle for the next case.
    When the reusable state EVDisconnected is reached
