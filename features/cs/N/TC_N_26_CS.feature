@TC_N_26_CS
Feature: TC_N_26_CS Retrieve Log Information - Diagnostics Log - Upload failed
  Every upload attempt is refused; the station must report each failed attempt for the request and retry the number of
  times asked, the retry interval apart.

  Scenario: diagnostics log upload to a location that refuses the connection, three retries
    Given the Charging Station is connected, accepted and idle
    # Part 6 leaves open how the upload fails. Decision: the location is a port of the test system where nothing
    # listens, so the connection is refused at once (an attempt takes far less than the retry interval).
    And the test system offers an upload location where the connection is refused
    # Part 6 steps 1-2. <Configured retryInterval>: 2 s, long against a refused connection and short for the run.
    When the test system sends a GetLogRequest with:
      | logType            | DiagnosticsLog        |
      | requestId          | <generated requestId> |
      | retries            | 3                     |
      | retryInterval      | 2                     |
      | log.remoteLocation | <log location>        |
    Then the Charging Station responds with a GetLogResponse with:
      | status | Accepted |
    # Part 6 steps 3-6, four times: Uploading (required before the first attempt only), then a failure status, each with
    # the request's requestId; from the first Uploading to the last failure 3 x the retry interval.
    And the Charging Station reports every upload attempt as failed, the retry interval apart
