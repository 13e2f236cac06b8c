@TC_A_20_CS
Feature: TC_A_20_CS Upgrade Charging Station Security Profile - No valid CSMSRootCertificate installed
  Without a CSMS root a station cannot verify a CSMS over TLS: it stores connection data of security profile 2, but
  refuses the NetworkConfigurationPriority that would make it connect with them.

  # Decision: the prerequisites are checked, not assumed: the station connects with security profile 1 (otherwise the
  # case does not apply), and a CSMS root it has installed is deleted first (PICS AQ-1: the last one can be removed;
  # over profile 1 nothing depends on it). The profile 2 URL is the endpoint in use with wss and one more path
  # segment; the test system does not serve it, since a correct station never connects there. Should the station
  # accept the priority, NetworkConfigurationPriority gets its old value back at the end.
  Scenario: no CSMS root, no upgrade
    Given the Charging Station is connected, accepted and idle
    And the Charging Station uses security profile 1 and has no CSMSRootCertificate installed
    And the test system prepares a connection profile of security profile 2 in the slot not in use
    # Part 6 steps 1-2
    When the test system sends a SetNetworkProfileRequest with:
      | configurationSlot              | <configured configurationSlot> |
      | connectionData.messageTimeout  | <configured messageTimeout>    |
      | connectionData.ocppCsmsUrl     | <profile2 ocppCsmsUrl>         |
      | connectionData.ocppInterface   | <configured ocppInterface>     |
      | connectionData.ocppVersion     | OCPP20                         |
      | connectionData.ocppTransport   | JSON                           |
      | connectionData.securityProfile | 2                              |
    Then the Charging Station responds with a SetNetworkProfileResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name | "OCPPCommCtrlr"                         |
      | setVariableData[0].variable.name  | "NetworkConfigurationPriority"          |
      | setVariableData[0].attributeValue | <profile2 NetworkConfigurationPriority> |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | Rejected |
