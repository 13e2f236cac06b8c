@TC_B_23_CS
Feature: TC_B_23_CS Reset Charging Station - Unavailable persists reset
  A connector made unavailable stays unavailable through a reset: after the reboot the station reports it Unavailable
  and every other connector Available.

  Scenario: OnIdle reset with one connector set Inoperative
    Given the Charging Station is connected, accepted and idle
    # Memory state (Part 6 "Unavailable for the configured connector"): set through ChangeAvailability
    And the test system sends a ChangeAvailabilityRequest with:
      | operationalStatus | Inoperative               |
      | evse.id           | <configured evseId>       |
      | evse.connectorId  | <configured connectorId>  |
    And the Charging Station responds with a ChangeAvailabilityResponse with:
      | status | Accepted |
    # Part 6 steps 1-2
    When the test system sends a ResetRequest with:
      | type | OnIdle |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    Then the Charging Station sends a BootNotificationRequest with:
      | reason | RemoteReset |
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 5-6
    And the Charging Station reports the configured connector as "Unavailable" and every other connector as "Available"
    # Clean-up (not a Part 6 step): the connector is made operative again, so the next case finds it Available.
    When the test system sends a ChangeAvailabilityRequest with:
      | operationalStatus | Operative                 |
      | evse.id           | <configured evseId>       |
      | evse.connectorId  | <configured connectorId>  |
    Then the Charging Station responds with a ChangeAvailabilityResponse with:
      | status | Accepted |
