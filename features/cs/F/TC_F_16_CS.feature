@TC_F_16_CS
Feature: TC_F_16_CS Trigger message - LogStatusNotification - Uploading
  Asked for its log status while an upload is under way, the station reports Uploading.

  Scenario: trigger LogStatusNotification during a log upload
    Given the Charging Station is connected, accepted and idle
    And the test system offers an upload location on its file server
    # Decision: the file server holds its answers back (for the SUT's reaction time), so the upload is surely still
    # running when the trigger arrives. When the case ends the upload is let finish, so the station is left idle.
    And the file server holds its answers back
    And the log upload is left to end when the case ends
    # Part 6 steps 1-2
    When the test system sends a GetLogRequest with:
      | logType            | DiagnosticsLog        |
      | requestId          | <generated requestId> |
      | log.remoteLocation | <log location>        |
    Then the Charging Station responds with a GetLogResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    And the Charging Station sends a LogStatusNotificationRequest with:
      | status | Uploading |
    And the test system responds with a LogStatusNotificationResponse
    # Part 6 steps 5-6
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | LogStatusNotification |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | Accepted |
    # Part 6 steps 7-8. The upload is the GetLog's, so its requestId belongs in the report.
    And the Charging Station sends a LogStatusNotificationRequest with:
      | status    | Uploading             |
      | requestId | <generated requestId> |
    And the test system responds with a LogStatusNotificationResponse
