@TC_B_43_CS
Feature: TC_B_43_CS Set new NetworkConnectionProfile - Rejected
  A network connection profile for a configuration slot the station does not have is refused.

  # Decision: the <Configured ...> connection data is the one the station uses now (its CSMS URL without the
  # identity, its security profile and message timeout); the interface is Wired0.
  Scenario: connection profile for configuration slot 999
    Given the Charging Station is connected, accepted and idle
    And the test system notes the connection data the Charging Station uses
    # Part 6 steps 1-2
    When the test system sends a SetNetworkProfileRequest with:
      | configurationSlot              | 999                             |
      | connectionData.messageTimeout  | <configured messageTimeout>     |
      | connectionData.ocppCsmsUrl     | <configured ocppCsmsUrl>        |
      | connectionData.ocppInterface   | <configured ocppInterface>      |
      | connectionData.ocppVersion     | OCPP20                          |
      | connectionData.ocppTransport   | JSON                            |
      | connectionData.securityProfile | <configured securityProfile>    |
    Then the Charging Station responds with a SetNetworkProfileResponse with:
      | status | Rejected |
