@TC_E_10_CS
Feature: TC_E_10_CS Start transaction options - Authorized - Local
  A station configured to start transactions on authorization opens one as soon as a driver's token presented at the
  station is accepted, before any cable is plugged in.

  Scenario: a driver presents a valid token; the transaction starts
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStartPoint contains Authorized (when writable), authorization enabled, remote authorization allowed
    And the Charging Station variable "TxCtrlr.TxStartPoint" is "Authorized" for this case
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is set to "true" if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is set to "false" if implemented
    # Part 6 steps 1-2 (manual action: present the idToken)
    When the driver presents the configured valid idToken
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 steps 3-4
    And the Charging Station sends a TransactionEventRequest with:
      | eventType       | Started                         |
      | triggerReason   | Authorized                      |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Clean-up (not a Part 6 step): end the transaction, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
