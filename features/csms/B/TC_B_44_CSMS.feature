@TC_B_44_CSMS
Feature: TC_B_44_CSMS Set new NetworkConnectionProfile - Failed
  Asked by an operator, the CSMS sends a well-formed new network connection profile to a station that then fails to
  store it; Part 6 judges only the request.

  Scenario: the station fails to store the network connection profile
    Given the test system is connected to the CSMS and accepted
    And the test system notes the CSMS URL and security profile it is connected with
    # Part 6 asks for no field checks here, only a well-formed request
    # Part 6 step 1
    When the operator makes the CSMS send a SetNetworkProfileRequest with:
      | configurationSlot              | 1                            |
      | connectionData.messageTimeout  | 30                           |
      | connectionData.ocppCsmsUrl     | <configured ocppCsmsUrl>     |
      | connectionData.ocppInterface   | Wired0                       |
      | connectionData.ocppTransport   | JSON                         |
      | connectionData.ocppVersion     | OCPP20                       |
      | connectionData.securityProfile | <configured securityProfile> |
    Then the CSMS sends a SetNetworkProfileRequest
    # Part 6 step 2
    And the test system responds with a SetNetworkProfileResponse with status Failed
