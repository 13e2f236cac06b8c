@TC_N_35_CSMS
Feature: TC_N_35_CSMS Retrieve Log Information - Security Log - Success
  Asked by an operator, the CSMS has the station upload its security log to a URL, and takes both upload status
  reports that refer to that log request.

  Scenario: security log uploaded
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a GetLogRequest with:
      | logType            | SecurityLog                        |
      | requestId          | <new requestId>                    |
      | log.remoteLocation | "https://logs.example.test/upload" |
    Then the CSMS sends a GetLogRequest with:
      | logType | SecurityLog |
    # Part 6 step 2
    And the test system responds with a GetLogResponse with status Accepted
    # Part 6 step 1
    # (the upload location, checked once the request is answered so that the answer is not held up)
    And the GetLogRequest names an absolute URL in "log.remoteLocation"
    # Part 6 steps 3-4
    When the test system sends a LogStatusNotificationRequest for the GetLogRequest with:
      | status | Uploading |
    Then the CSMS responds with a LogStatusNotificationResponse
    # Part 6 steps 5-6
    When the test system sends a LogStatusNotificationRequest for the GetLogRequest with:
      | status | Uploaded |
    Then the CSMS responds with a LogStatusNotificationResponse
