@TC_B_49_CS
Feature: TC_B_49_CS Migrate to new ConnectionProfile - Fallback after NetworkProfileConnectionAttempts per NetworkConfigurationPriority failed - Same CSMS Root
  A station whose new connection profile fails NetworkProfileConnectionAttempts times falls back to the previous one,
  and when that attempt fails too, keeps trying on its back-off until it is let in.

  # Decision: as in TC_B_46, the new profile points at the test system under one more path segment, so the test system
  # tells the profiles apart; "not accepted" is a refusal at the handshake. Part 6's <Configured
  # RetryBackOffWaitMinimum> is the value the station declares (read, not changed); a station without it is not timed.
  # An attempt anywhere else than the new profile is one with the previous profile (a case before may have left the
  # station connected through a profile its priority no longer puts first, so the URL in use is not taken for it).
  # The attempt Part 6 accepts (step 12) is the station's next one with the previous profile: attempts with the new
  # profile in between (a station going round its priority list again) stay turned away. Part 6 needs no TLS here
  # (same CSMS root), so the case runs on the run's security profile. The changed variables get their old values back.
  Scenario: the new profile fails, the first attempt with the previous one fails, the next one connects
    Given the Charging Station is connected, accepted and idle
    And for this case the Charging Station variable "OCPPCommCtrlr.NetworkProfileConnectionAttempts" is set to "1" if implemented
    And for this case the Charging Station variable "OCPPCommCtrlr.RetryBackOffRepeatTimes" is set to "0" if implemented
    And for this case the Charging Station variable "OCPPCommCtrlr.RetryBackOffRandomRange" is set to "0" if implemented
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
    When the test system turns away every connection attempt with the new connection profile and the first one with the previous profile
    And the test system sends a ResetRequest OnIdle if the Charging Station needs one to use the new priority, and it is Accepted
    # Part 6 steps 7-10
    Then the Charging Station tries the new connection profile NetworkProfileConnectionAttempts times, then the previous one
    # Part 6 steps 11-12
    And the Charging Station connects with the previous connection profile, trying again no earlier than its RetryBackOffWaitMinimum
    # Part 6 step 13 (reusable state Booted, through the previous profile)
    And the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    And the Charging Station reports every connector as "Available"
