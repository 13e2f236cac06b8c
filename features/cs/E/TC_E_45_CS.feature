@TC_E_45_CS
Feature: TC_E_45_CS Offline Behaviour - Stop transaction during offline period - Same GroupId
  A transaction that a second driver of the same group ends while the station is offline is reported afterwards:
  the queued events, all marked as sent offline, include its end.

  Scenario: another token of the group stops the transaction while the station is offline
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state: the valid idToken2 is known to the station with the configured group. Decision: through
    # the authorization cache (IdTokenCached); Part 6 also names the local list, which a station without one cannot
    # hold, and either lets the station decide offline.
    And the memory state IdTokenCached is reached for the configured valid2 idToken of the configured group
    # Part 6 reusable states: Authorized with the configured group (the test system answers the valid idToken with
    # it), then EnergyTransferStarted
    And the test system answers for the configured valid idToken with the configured group
    And the reusable state Authorized is reached
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1: the station goes offline; the second driver of the group stops and unplugs (the parking bay
    # step applies only with TxStopPoint ParkingBayOccupancy)
    When the station loses its connection to the test system
    And the driver presents the configured valid2 idToken
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
