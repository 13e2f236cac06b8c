@TC_N_35_CS
Feature: TC_N_35_CS Retrieve Log Information - Security Log - Success
  The station uploads its security log to the test system's file server, reporting Uploading and Uploaded for the
  request; the log must really arrive there under the name the station announced.

  Scenario: security log upload to the file server
    Given the Charging Station is connected, accepted and idle
    And the test system offers an upload location on its file server
    # Part 6 steps 1-2
    When the test system sends a GetLogRequest with:
      | logType             | SecurityLog           |
      | requestId           | <generated requestId> |
      | log.remoteLocation  | <log location>        |
    Then the Charging Station responds with a GetLogResponse with:
      | status   | Accepted |
      | filename | present  |
      | filename | not ""   |
    # Part 6 steps 3-4
    And the Charging Station sends a LogStatusNotificationRequest with:
      | status    | Uploading             |
      | requestId | <generated requestId> |
    And the test system responds with a LogStatusNotificationResponse
    # Part 6 steps 5-6
    And the Charging Station sends a LogStatusNotificationRequest with:
      | status    | Uploaded              |
      | requestId | <generated requestId> |
    And the test system responds with a LogStatusNotificationResponse
    # Part 6 steps 5-6, checked on the file server: Uploaded is only believed when the log is there.
    And the file server has received the log named in the GetLogResponse
