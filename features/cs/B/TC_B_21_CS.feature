@TC_B_21_CS
Feature: TC_B_21_CS Reset Charging Station - With Ongoing Transaction - OnIdle
  During a transaction an OnIdle reset is only scheduled; the station reboots once the transaction has ended.

  Scenario: OnIdle reset waits for the end of the transaction
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a ResetRequest with:
      | type | OnIdle |
    Then the Charging Station responds with a ResetResponse with:
      | status | Scheduled |
    # Part 6 steps 3-6
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
    # Part 6 steps 7-8
    Then the Charging Station sends a BootNotificationRequest with:
      | reason | ScheduledReset |
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 9-10
    And the Charging Station reports the configured connector as "Occupied" while the EV is plugged in, and every other connector as "Available"
    # Part 6 steps 11-12
    And the Charging Station sends a SecurityEventNotificationRequest with:
      | type | one of "StartupOfTheDevice", "ResetOrReboot" |
