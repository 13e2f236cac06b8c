@TC_B_30_CS
Feature: TC_B_30_CS Cold Boot Charging Station - Pending/Rejected - SecurityError
  A station whose boot was rejected refuses a request of the CSMS with a SecurityError (or has already hung up).

  Scenario: rejected boot, then a report request the station must refuse
    Given the Charging Station is connected, accepted and idle
    When the operator reboots the Charging Station
    # Part 6 steps 1-2
    Then the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status   | Rejected                       |
      | interval | <configured heartbeatInterval> |
    # Part 6 steps 3-4 (Part 6 sends the request only while the station stays connected)
    When the test system sends a GetBaseReportRequest with:
      | requestId  | <new requestId> |
      | reportBase | FullInventory   |
    Then the Charging Station refuses the GetBaseReportRequest with a CALLERROR SecurityError
    # Clean-up (not a Part 6 step): accept the retried boot, so the station is left booted and idle for the next case.
    Then the Charging Station sends a BootNotificationRequest
    And the test system responds with a BootNotificationResponse with:
      | status   | Accepted                       |
      | interval | <configured heartbeatInterval> |
