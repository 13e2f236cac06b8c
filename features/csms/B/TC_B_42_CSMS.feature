@TC_B_42_CSMS
Feature: TC_B_42_CSMS Set new NetworkConnectionProfile - Accepted
  Asked by an operator, the CSMS stores a new network connection profile in a configuration slot of the station, with
  the connection details the operator gave.

  Scenario: the CSMS sets a network connection profile
    Given the test system is connected to the CSMS and accepted
    And the test system notes the CSMS URL and security profile it is connected with
    # Part 6 step 1
    When the operator makes the CSMS send a SetNetworkProfileRequest with:
      | configurationSlot              | 1                             |
      | connectionData.messageTimeout  | 30                            |
      | connectionData.ocppCsmsUrl     | <configured ocppCsmsUrl>      |
      | connectionData.ocppInterface   | Wired0                        |
      | connectionData.ocppTransport   | JSON                          |
      | connectionData.ocppVersion     | OCPP20                        |
      | connectionData.securityProfile | <configured securityProfile>  |
    Then the CSMS sends a SetNetworkProfileRequest with:
      | configurationSlot              | 1                            |
      | connectionData.messageTimeout  | 30                           |
      | connectionData.ocppCsmsUrl     | <configured ocppCsmsUrl>     |
      | connectionData.ocppInterface   | Wired0                       |
      | connectionData.ocppTransport   | JSON                         |
      | connectionData.ocppVersion     | OCPP20                       |
      | connectionData.securityProfile | <configured securityProfile> |
    # Part 6 step 2
    And the test system responds with a SetNetworkProfileResponse with status Accepted
