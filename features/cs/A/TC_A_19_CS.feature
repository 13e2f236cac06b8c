@TC_A_19_CS
Feature: TC_A_19_CS Upgrade Charging Station Security Profile - Accepted
  Connection data one security profile higher, first in NetworkConfigurationPriority: after the reset the station
  reconnects with the higher profile, says so in SecurityCtrlr.SecurityProfile and drops the lower slot.

  # Decision: over security profile 1 the memory state is CertificateInstalled with the test system's configured CSMS
  # root; the test system then listens a second time, at security profile 2 (wss, Basic Auth), with a server
  # certificate that root issued, and the new slot points there (same host and path, the new listener's port).
  # Over security profile 2 Part 6 asks for RenewChargingStationCertificate and an upgrade to 3: not implemented yet
  # (INCONCLUSIVE, with that reason). Over 0 or 3 the case does not apply.
  # Decision: the raise is for good, as a correct station never goes back down (TC_A_22). Against a long-lived station
  # the second listener stays for the rest of the run and is the run's endpoint while the station's connection comes
  # through it: later cases reach the station over security profile 2 (their connection data, TLS and password checks
  # follow that listener). The CSMS root stays installed and the priority is not put back. Which cases run was decided
  # from the run's configured profile before the run: cases that need profile 2 stay NOT_APPLICABLE in that run
  # (run again with securityProfile 2 for them); TC_A_20, which needs profile 1, says NOT_APPLICABLE once raised.
  Scenario: raise the security profile by one
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state
    And the memory state of the security profile upgrade is reached: CertificateInstalled over security profile 1, RenewChargingStationCertificate over 2
    And the test system listens at the next security profile for a connection profile in the slot not in use
    # Part 6 steps 1-2
    When the test system sends a SetNetworkProfileRequest with:
      | configurationSlot              | <configured configurationSlot> |
      | connectionData.messageTimeout  | <configured messageTimeout>    |
      | connectionData.ocppCsmsUrl     | <raised ocppCsmsUrl>           |
      | connectionData.ocppInterface   | <configured ocppInterface>     |
      | connectionData.ocppVersion     | OCPP20                         |
      | connectionData.ocppTransport   | JSON                           |
      | connectionData.securityProfile | <raised securityProfile>       |
    Then the Charging Station responds with a SetNetworkProfileResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name | "OCPPCommCtrlr"                       |
      | setVariableData[0].variable.name  | "NetworkConfigurationPriority"        |
      | setVariableData[0].attributeValue | <raised NetworkConfigurationPriority> |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | one of Accepted, RebootRequired |
    # Part 6 steps 5-6
    When the test system sends a ResetRequest OnIdle if the Charging Station needs one to use the new priority, and it is Accepted
    # Part 6 steps 7-8
    Then the Charging Station reconnects with the raised security profile
    # Part 6 step 9 (reusable state Booted, through the new listener)
    And the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    And the Charging Station reports every connector as "Available"
    # Part 6 steps 10-11
    When the test system sends a GetVariablesRequest with:
      | getVariableData[0].component.name | "SecurityCtrlr"   |
      | getVariableData[0].variable.name  | "SecurityProfile" |
    Then the Charging Station responds with a GetVariablesResponse with:
      | getVariableResult[0].attributeStatus | Accepted                      |
      | getVariableResult[0].attributeValue  | <raised securityProfile text> |
    # Part 6 steps 12-13
    And the NetworkConfigurationPriority the Charging Station reports no longer contains the slot it used before
