@TC_B_46_CS
Feature: TC_B_46_CS Migrate to new ConnectionProfile - Fallback mechanism - Same CSMS Root
  A station whose new connection profile cannot be reached tries it NetworkProfileConnectionAttempts times, then comes
  back through the profile it used before.

  # Decision: as in TC_B_45, the new profile points at the test system under one more path segment, so the test system
  # tells the profiles apart; "does not respond" is a refusal at the handshake, which the station counts as a failed
  # attempt. NetworkConfigurationPriority and NetworkProfileConnectionAttempts get their old values back at the end.
  # A connection anywhere else than the new profile is one with the previous profile (a case before may have left the
  # station connected through a profile its priority no longer puts first, so the URL in use is not taken for it).
  Scenario: the new profile fails twice, the station falls back to the previous one
    Given the Charging Station is connected, accepted and idle
    And for this case the Charging Station variable "OCPPCommCtrlr.NetworkProfileConnectionAttempts" is set to "2" if implemented
    And the test system prepares a second connection profile in the slot not in use
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
    When the test system turns away every connection attempt with the new connection profile
    And the test system sends a ResetRequest OnIdle if the Charging Station needs one to use the new priority, and it is Accepted
    # Part 6 steps 7-8
    Then the Charging Station tries the new connection profile NetworkProfileConnectionAttempts times, then connects with the previous one
    # Part 6 step 9 (reusable state Booted, through the previous profile)
    And the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    And the Charging Station reports every connector as "Available"
