@TC_B_57_CS
Feature: TC_B_57_CS Network Reconnection - After connection loss
  After a connection loss the station waits at least its RetryBackOffWaitMinimum before reconnecting, and doubles the
  wait after an attempt that failed.

  # Decision: Part 6's <Configured RetryBackOffWaitMinimum> is the value the station declares (read, not changed), so
  # the case lasts as long as the station's own back-off (three waits, the last one doubled); a station that does not
  # declare it cannot be set up as Part 6 asks (INCONCLUSIVE). Every wait for an attempt is bounded by the declared
  # back-off plus the connect deadline. The waits are timed at the test system's handshake: the doubled wait is allowed
  # 250 ms of measuring error, the first wait none (it is timed from the moment the test system began to close).
  Scenario: reconnect after a loss, then after a refused attempt with a doubled wait
    Given the Charging Station is connected, accepted and idle
    And for this case the Charging Station variable "OCPPCommCtrlr.RetryBackOffRepeatTimes" is set to "2" if implemented
    And for this case the Charging Station variable "OCPPCommCtrlr.RetryBackOffRandomRange" is set to "0" if implemented
    # Part 6 steps 1-3
    When the test system closes the connection and accepts the Charging Station's reconnection, which comes no earlier than its RetryBackOffWaitMinimum
    # Part 6 steps 4-6
    And the test system closes the connection and turns away the Charging Station's next reconnection attempt
    # Part 6 steps 7-8
    Then the test system accepts the Charging Station's next reconnection attempt, which comes no earlier than twice the wait before the refused one
