@TC_B_45_CS
Feature: TC_B_45_CS Migrate to new ConnectionProfile - Success - Same CSMS Root
  Given a second connection profile and a priority that puts it first, the station comes back through the new profile.

  # Decision: the second profile keeps the connection data in use (security profile, message timeout, interface) but
  # points at the test system under one more path segment, so the test system sees which profile the station used.
  # NetworkConfigurationPriority gets its old value back at the end; the station returns to it at its next reboot.
  Scenario: migrate to a second connection profile
    Given the Charging Station is connected, accepted and idle
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
      | setVariableData[0].component.name | "OCPPCommCtrlr"                        |
      | setVariableData[0].variable.name  | "NetworkConfigurationPriority"         |
      | setVariableData[0].attributeValue | <new NetworkConfigurationPriority>     |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | one of Accepted, RebootRequired |
    # Part 6 steps 5-6
    When the test system sends a ResetRequest OnIdle if the Charging Station needs one to use the new priority, and it is Accepted
    # Part 6 step 7 (reusable state Booted, through the new profile)
    Then the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    And the Charging Station is connected with the new connection profile
    And the Charging Station reports every connector as "Available"
