@TC_B_50_CS
Feature: TC_B_50_CS Migrate to new ConnectionProfile - Success - New CSMS Root - New CSMS
  With a new CSMS root installed and a second connection profile put first, the station comes back through the new
  profile and accepts the new CSMS's certificate, which the new root issued.

  # Decisions: the second profile is the test system under one more path segment (as in TC_B_45), played as the new
  # CSMS. One TLS listener serves every path, so from the reset on it serves a server certificate issued by the new
  # root (sent with the new root after it, names as in the run's server certificate). A station that migrated through
  # the new root no longer has the old one (M05.FR.13), so the test system keeps serving the new root's chain after
  # the case, for every later case (a later TC_B_47 or TC_M_31, which need the old root in use, cannot run on this
  # station). NetworkConfigurationPriority gets its old value back at the end (the station uses it at its next reboot).
  Scenario: migrate to a new CSMS whose certificate the new CSMS root issued
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state CertificateInstalled: <configured new CSMS Root certificate 2>, issued by the old root.
    And the memory state CertificateInstalled is reached on the Charging Station for certificateType CSMSRootCertificate
    And the test system prepares a second connection profile in the slot not in use
    And the test system plays a new CSMS at a second connection profile, with a server certificate signed by the configured CSMSRootCertificate
    # Part 6 steps 1-2
    When the test system sends a SetNetworkProfileRequest with:
      | configurationSlot              | <configured configurationSlot> |
      | connectionData.messageTimeout  | <configured messageTimeout>    |
      | connectionData.ocppCsmsUrl     | <new ocppCsmsUrl>              |
      | connectionData.ocppInterface   | <configured ocppInterface>     |
      | connectionData.ocppVersion     | OCPP20                         |
      | connectionData.ocppTransport   | JSON                           |
      | connectionData.securityProfile | <configured securityProfile>   |
    Then the Charging Station responds with a SetNetworkProfileResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name | "OCPPCommCtrlr"                    |
      | setVariableData[0].variable.name  | "NetworkConfigurationPriority"     |
      | setVariableData[0].attributeValue | <new NetworkConfigurationPriority> |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | one of Accepted, RebootRequired |
    # Part 6 steps 5-6
    When the test system sends a ResetRequest with:
      | type | OnIdle |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
    # Part 6 steps 7-8: the handshake with the new CSMS's certificate succeeds; step 9 reusable state Booted.
    Then the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    And the Charging Station is connected with the new connection profile, through the new CSMS root
    And the Charging Station reports every connector as "Available"
