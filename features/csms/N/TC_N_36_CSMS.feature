@TC_N_36_CSMS
Feature: TC_N_36_CSMS Retrieve Log Information - Second Request
  While the station uploads a log, the operator asks for another one: the station cancels the first upload for the
  second, and the CSMS takes the status reports of both log requests.

  Scenario: second log request while an upload runs
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a GetLogRequest with:
      | logType            | DiagnosticsLog                     |
      | requestId          | <new requestId>                    |
      | log.remoteLocation | "https://logs.example.test/upload" |
    Then the CSMS sends a GetLogRequest
    # Part 6 step 2
    And the test system responds with a GetLogResponse with status Accepted
    # Part 6 step 1
    # (the upload location, checked once the request is answered so that the answer is not held up)
    And the GetLogRequest names an absolute URL in "log.remoteLocation"
    # Part 6 steps 3-4
    When the test system sends a LogStatusNotificationRequest for the first GetLogRequest with:
      | status | Uploading |
    Then the CSMS responds with a LogStatusNotificationResponse
    # Part 6 step 5
    When the operator makes the CSMS send a GetLogRequest with:
      | logType            | DiagnosticsLog                     |
      | requestId          | <new requestId>                    |
      | log.remoteLocation | "https://logs.example.test/upload" |
    Then the CSMS sends a GetLogRequest
    # Part 6 step 6
    And the test system responds with a GetLogResponse with status AcceptedCanceled
    # Part 6 step 5
    # (the upload location, checked once the request is answered so that the answer is not held up)
    And the GetLogRequest names an absolute URL in "log.remoteLocation"
    # Part 6 steps 7-8
    When the test system sends a LogStatusNotificationRequest for the first GetLogRequest with:
      | status | AcceptedCanceled |
    Then the CSMS responds with a LogStatusNotificationResponse
    # Part 6 steps 9-10
    When the test system sends a LogStatusNotificationRequest for the second GetLogRequest with:
      | status | Uploading |
    Then the CSMS responds with a LogStatusNotificationResponse
    # Part 6 steps 11-12
    When the test system sends a LogStatusNotificationRequest for the second GetLogRequest with:
      | status | Uploaded |
    Then the CSMS responds with a LogStatusNotificationResponse
