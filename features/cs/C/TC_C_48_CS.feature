@TC_C_48_CS
Feature: TC_C_48_CS Stop Transaction with a Master Pass - With UI - With UI - Specific transactions
  On a station with a user interface, the holder of a master pass selects one transaction to stop: that one ends with
  the stop reason MasterPass, the others go on charging.

  # Decision: Part 6's "EVSE 1" is the configured EVSE (evseId, 1 unless configured otherwise).
  Scenario: transactions on every EVSE, the master pass idToken, then one transaction on the UI
    Given the Charging Station is connected, accepted and idle
    # Part 6 configuration state
    And the Charging Station variable "AuthCtrlr.MasterPassGroupId" is set to "<configured masterPassGroupId>" for this case
    # Part 6 reusable state: charging on EVSE 1 with the valid idToken and on EVSE 2 with the valid idToken2
    And the reusable state EnergyTransferStarted is reached on every configured EVSE, each with its own valid idToken
    When the driver presents the configured masterPass idToken
    # Part 6 steps 1-2 (the group's type is not given by Part 6: Central)
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured masterPass idToken>      |
      | idToken.type    | <configured masterPass idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status               | Accepted                       |
      | idTokenInfo.groupIdToken.idToken | <configured masterPassGroupId> |
      | idTokenInfo.groupIdToken.type    | Central                        |
    # Part 6 manual action: on the station screen, the master-pass holder picks the transaction of the configured EVSE only
    When the master pass holder selects on the user interface to stop the transaction on the configured EVSE
    # Part 6 steps 3-4 (answered by the test system's default)
    Then the Charging Station reports the stop of the transaction on the configured EVSE with:
      | transactionInfo.stoppedReason | MasterPass                                |
      | idToken.idToken               | absent or <configured masterPass idToken> |
    # Part 6 steps 5-7: the EV of that EVSE leaves
    When the EV is unplugged and the configured connector is reported Available
    # Part 6 steps 3-4 (post-scenario validation: the selection stopped that transaction only)
    Then every other configured EVSE still transfers energy
    # Clean-up (not a Part 6 step): the other transactions end, so the station is left idle for the next case.
    When the transactions on the other configured EVSEs are stopped until the station is idle
