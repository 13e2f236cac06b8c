@TC_B_41_CS
Feature: TC_B_41_CS Reset Charging Station - With multiple ongoing transactions - OnIdle
  With a transaction on every EVSE, an OnIdle reset waits until the last transaction has ended, then the station
  reboots and reports every connector again.

  Scenario: OnIdle reset waits for the transactions on every EVSE
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached on every configured EVSE, each with its own valid idToken
    # Part 6 steps 1-2
    When the test system sends a ResetRequest with:
      | type | OnIdle |
    Then the Charging Station responds with a ResetResponse with:
      | status | Scheduled |
    # Part 6 steps 3-10: EVSE 1's driver stops and unplugs, then EVSE 2's stops (and unplugs only where the transaction
    # runs on until then); the station must not reboot while a transaction runs.
    When the transaction on each configured EVSE is stopped in turn, the last one only until it has ended
    # Part 6 steps 11-12
    Then the Charging Station sends a BootNotificationRequest with:
      | reason | ScheduledReset |
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 13-14
    And the Charging Station reports the connector of each EV still plugged in as "Occupied" and every other connector as "Available"
    # Clean-up (not a Part 6 step): unplug what is still plugged in, so the next case finds the station idle.
    When every EV still plugged in is unplugged
