@TC_E_44_CS
Feature: TC_E_44_CS Offline Behaviour - Stop transaction during offline period
  A transaction the driver ends while the station is offline is reported afterwards: the queued events, all marked
  as sent offline, include its end.

  Scenario: the driver stops and unplugs while the station is offline
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1: the station goes offline; the driver stops with the same token and unplugs (the parking bay
    # step applies only with TxStopPoint ParkingBayOccupancy)
    When the station loses its connection to the test system
    And the driver presents the configured valid idToken
    And the driver unplugs the EV at the configured connector
    # Part 6 step 2
    And the station regains its connection to the test system
    # Part 6 steps 3-4
    Then the Charging Station sends its queued TransactionEventRequests, each with:
      | offline | true |
    And one of the queued TransactionEventRequests has:
      | eventType | Ended |
    # Clean-up (not a Part 6 step): nothing left open, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
