@TC_E_43_CS
Feature: TC_E_43_CS Offline Behaviour - Transaction during offline period
  A whole transaction that starts and ends while the station is offline is reported afterwards: the queued events,
  all marked as sent offline, include its start and its end.

  Scenario: a whole session while the station is offline
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state TransactionEventsInQueueEnded: the token must be accepted offline (OfflineTxForUnknownIdEnabled
    # if implemented; a station that caches or lists the token accepts it anyway)
    And the Charging Station variable "AuthCtrlr.OfflineTxForUnknownIdEnabled" is "true" for this case, if implemented
    When the station loses its connection to the test system
    # The bay steps are left out: they need a bay sensor and only matter for bay start/stop points.
    And the driver plugs the EV in at the configured connector
    And the driver presents the configured valid idToken
    And the configured transaction duration has passed
    And the driver presents the configured valid idToken
    And the driver unplugs the EV at the configured connector
    # Part 6 step 1 (end of the memory state): the station comes back
    And the station regains its connection to the test system
    # Part 6 steps 2-3
    Then the Charging Station sends its queued TransactionEventRequests, each with:
      | offline | true |
    And one of the queued TransactionEventRequests has:
      | eventType | Started |
    And one of the queued TransactionEventRequests has:
      | eventType | Ended |
    # Clean-up (not a Part 6 step): nothing left open, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
