@TC_B_11_CS
Feature: TC_B_11_CS Set Variables - invalidly formatted values
  Values that do not fit a variable's data type are refused; the station's own values stay as they were.

  # Decision: the five Part 6 values are the OfflineThreshold the station uses (standing in for <Configured
  # offlineThreshold>), that value plus 0.1, true, the current time and "abc". A value that is not of the variable's
  # type must be Rejected; a well-formed one may be Accepted or Rejected (the station's limits decide). Every variable
  # gets its old value back afterwards.
  Scenario: ill-formed values for an integer, a decimal, a boolean and a dateTime variable
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2, once per test value
    Then the test system writes each test value to the integer variable "OCPPCommCtrlr.OfflineThreshold" and the Charging Station refuses the ill-formed ones
    # Part 6 steps 3-4, once per test value, only where the station has the variable
    And if the Charging Station has the read-write decimal variable "SmartChargingCtrlr.LimitChangeSignificance", it refuses the ill-formed test values written to it
    # Part 6 steps 5-6, once per test value, only where the variable is read-write
    And if the Charging Station has the read-write boolean variable "AuthCtrlr.AuthorizeRemoteStart", it refuses the ill-formed test values written to it
    # Part 6 steps 7-8, once per test value, only where the station has the variable
    And if the Charging Station has the read-write dateTime variable "ClockCtrlr.NextTimeOffsetTransitionDateTime", it refuses the ill-formed test values written to it
