@TC_C_47_CS
Feature: TC_C_47_CS Stop Transaction with a Master Pass - With UI - All transactions
  On a station with a user interface, a token of the master pass group stops nothing by itself: its holder selects
  on the UI to stop every transaction, and the station ends each with the stop reason MasterPass.

  Scenario: transactions on every EVSE, the master pass idToken, then "all transactions" on the UI
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
    # Part 6 manual action: on the station screen, the master-pass holder picks "every transaction"
    When the master pass holder selects on the user interface to stop all transactions
    # Part 6 steps 3-4 (answered by the test system's default)
    Then for every configured EVSE the Charging Station reports the stop of its transaction with:
      | transactionInfo.stoppedReason | MasterPass                                |
      | idToken.idToken               | absent or <configured masterPass idToken> |
    # Part 6 steps 5-7: every EV leaves
    When the EV is unplugged at every configured EVSE
