@TC_B_02_CS
Feature: TC_B_02_CS Cold Boot Charging Station - Pending
  While its boot is pending the station only answers the CSMS: it takes configuration, reports its inventory, refuses to
  start a transaction, and boots again (triggered) into acceptance.

  Scenario: pending boot, provisioning while pending, then acceptance
    Given the Charging Station is connected, accepted and idle
    When the operator reboots the Charging Station
    # Part 6 steps 1-2
    Then the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status   | Pending                        |
      | interval | <configured heartbeatInterval> |
    # Part 6 steps 3-4
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name | "OCPPCommCtrlr"    |
      | setVariableData[0].variable.name  | "OfflineThreshold" |
      | setVariableData[0].attributeValue | "300"              |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | Accepted |
    # Part 6 steps 5-6
    When the test system sends a GetVariablesRequest with:
      | getVariableData[0].component.name | "OCPPCommCtrlr"    |
      | getVariableData[0].variable.name  | "OfflineThreshold" |
    Then the Charging Station responds with a GetVariablesResponse with:
      | getVariableResult[0].attributeStatus | Accepted |
    # Part 6 steps 7-8
    When the test system sends a GetBaseReportRequest with:
      | requestId  | <new requestId> |
      | reportBase | FullInventory   |
    Then the Charging Station responds with a GetBaseReportResponse with:
      | status | Accepted |
    # Part 6 steps 9-10
    And the Charging Station sends its report in NotifyReportRequests
    # Part 6 steps 11-12
    When the test system sends a RequestStartTransactionRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
      | remoteStartId   | 1                               |
      | evseId          | <configured evseId>             |
    Then the Charging Station responds with a RequestStartTransactionResponse with:
      | status | Rejected |
    # Part 6 steps 13-14
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | BootNotification |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | one of Accepted, NotImplemented |
    # Part 6 steps 15-16
    And the Charging Station sends the BootNotificationRequest the TriggerMessageRequest asked for
    And the test system responds with a BootNotificationResponse with:
      | status   | Accepted                       |
      | interval | <configured heartbeatInterval> |
    And between the last two BootNotificationRequests the Charging Station sent no requests but "NotifyReportRequest"
    # Part 6 steps 17-18
    And the Charging Station reports every connector as "Available"
