@TC_C_05_CS
Feature: TC_C_05_CS Local start transaction - Authorization invalid - Cable lock
  A station whose cable lock keeps the EV out until a driver is authorized asks the CSMS about a presented token,
  hears Invalid, and starts no transaction: the lock stays closed.

  # Decision: Part 6 leaves out stations whose TxStartPoint is ReadOnly without Authorized; the case sets TxStartPoint
  # to Authorized, so the refused authorization is exactly the moment a transaction would otherwise start.
  Scenario: the invalid idToken is presented before any cable can be plugged in
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: authorization on, remote authorization not disabled (each only where the station implements it)
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is set to "false" for this case, if implemented
    And the Charging Station variable "TxCtrlr.TxStartPoint" is set to "Authorized" for this case
    # Part 6 steps 1-2
    When the driver presents the configured invalid idToken
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured invalid idToken>      |
      | idToken.type    | <configured invalid idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status | Invalid |
    # Part 6 note: no transaction may follow the refused authorization
    And the Charging Station sends no TransactionEventRequest within the configured message timeout
