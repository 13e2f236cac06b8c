@TC_N_34_CSMS
Feature: TC_N_34_CSMS Retrieve Log Information - Rejected
  Asked by an operator, the CSMS sends a well-formed log request, which the station refuses.

  Scenario: log request refused by the station
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a GetLogRequest with:
      | logType            | DiagnosticsLog                     |
      | requestId          | <new requestId>                    |
      | log.remoteLocation | "https://logs.example.test/upload" |
    Then the CSMS sends a GetLogRequest
    # Part 6 step 2
    And the test system responds with a GetLogResponse with status Rejected
    # Part 6 step 1
    # (the upload location, checked once the request is answered so that the answer is not held up)
    And the GetLogRequest names an absolute URL in "log.remoteLocation"
