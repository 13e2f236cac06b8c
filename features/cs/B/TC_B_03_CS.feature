@TC_B_03_CS
Feature: TC_B_03_CS Cold Boot Charging Station - Rejected
  A rejected station keeps quiet and retries its boot no sooner than the interval it was given, then is accepted.

  Scenario: rejected boot, patient retry, acceptance
    Given the Charging Station is connected, accepted and idle
    When the operator reboots the Charging Station
    # Part 6 steps 1-2
    Then the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status   | Rejected                       |
      | interval | <configured heartbeatInterval> |
    # Part 6 steps 3-4
    Then the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status   | Accepted                       |
      | interval | <configured heartbeatInterval> |
    And the Charging Station waited at least the given interval before repeating its BootNotificationRequest
    And between the last two BootNotificationRequests the Charging Station sent no requests but ""
    # Part 6 steps 5-6
    And the Charging Station reports every connector as "Available"
