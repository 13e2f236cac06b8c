@TC_A_19_CSMS
Feature: TC_A_19_CSMS Upgrade Charging Station Security Profile - Accepted
  Asked by an operator, the CSMS moves the station to the next security profile: a new network profile in a free
  slot, that slot in the priority list, a reset. The CSMS then lets the station in at the new profile only.

  Scenario: the station moves up one security profile
    Given the test system is connected to the CSMS and accepted
    And the test system is prepared to move to the next security profile
    # Part 6 steps 1-6 are asked of the CSMS by the operator in one go
    When the operator makes the CSMS raise the station's security profile by one
    # Part 6 steps 1-2
    Then the CSMS sends a SetNetworkProfileRequest with:
      | connectionData.messageTimeout  | 30                        |
      | connectionData.ocppInterface   | Wired0                    |
      | connectionData.ocppTransport   | JSON                      |
      | connectionData.ocppVersion     | OCPP20                    |
      | connectionData.securityProfile | <raised securityProfile>  |
    And the test system responds with a SetNetworkProfileResponse with status Accepted
    # Part 6 steps 3-4
    Then the CSMS sends a SetVariablesRequest that lists the new configuration slot in OCPPCommCtrlr.NetworkConfigurationPriority
    And the test system responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | Accepted |
    # Part 6 steps 5-6
    Then the CSMS sends a ResetRequest
    And the test system responds with a ResetResponse with status Accepted
    # Part 6 steps 7-8
    # SUT state: carried forward. A security profile is never lowered, so the station stays at the raised profile,
    # on the endpoint and with the client certificate the CSMS gave it, for every later case of the run.
    When the test system reconnects with the network profile the CSMS set
    # Part 6 step 9
    And the reusable state Booted is executed
    # Part 6 steps 10-11
    When the test system connects with its old security profile
    Then the CSMS refuses the connection attempt
