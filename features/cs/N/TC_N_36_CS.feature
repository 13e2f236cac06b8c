@TC_N_36_CS
Feature: TC_N_36_CS Retrieve Log Information - Second Request
  A second log request while an upload runs cancels the first: the station answers and reports AcceptedCanceled, then
  uploads the log of the second request.

  Scenario: second GetLog while the first upload is still running
    Given the Charging Station is connected, accepted and idle
    And the test system offers an upload location on its file server
    # Decision: the first upload is kept running by a file server that holds its answers back (for the SUT's reaction
    # time), so the second request surely meets an upload in progress. <Configured logType>: DiagnosticsLog.
    And the file server holds its answers back
    # Part 6 steps 1-2
    When the test system sends a GetLogRequest with:
      | logType            | DiagnosticsLog        |
      | requestId          | <generated requestId> |
      | log.remoteLocation | <log location>        |
    Then the Charging Station responds with a GetLogResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    And the Charging Station sends a LogStatusNotificationRequest with:
      | status    | Uploading             |
      | requestId | <generated requestId> |
    And the test system responds with a LogStatusNotificationResponse
    # Part 6 steps 5-6
    When the test system sends a GetLogRequest with:
      | logType            | DiagnosticsLog  |
      | requestId          | <new requestId> |
      | log.remoteLocation | <log location>  |
    Then the Charging Station responds with a GetLogResponse with:
      | status | AcceptedCanceled |
    # Decision: the hold ends only once the station has said it cancels the first upload; ended earlier, the first
    # upload could complete before the second request reached a busy machine's station, and the case would judge a race.
    And the file server answers without delay again
    # Part 6 steps 7-8: the report of the cancelled upload (Part 6 checks only its status).
    And the Charging Station sends a LogStatusNotificationRequest with:
      | status | AcceptedCanceled |
    And the test system responds with a LogStatusNotificationResponse
    # Part 6 steps 9-10 (<generated requestId> is now the second request's id)
    And the Charging Station sends a LogStatusNotificationRequest with:
      | status    | Uploading             |
      | requestId | <generated requestId> |
    And the test system responds with a LogStatusNotificationResponse
    # Part 6 steps 11-12
    And the Charging Station sends a LogStatusNotificationRequest with:
      | status    | Uploaded              |
      | requestId | <generated requestId> |
    And the test system responds with a LogStatusNotificationResponse
    # Part 6 steps 11-12, checked on the file server: the second request's log is there.
    And the file server has received the log named in the GetLogResponse
