@TC_B_52_CS
Feature: TC_B_52_CS Status change during offline period - < Offline Threshold
  After an outage shorter than its OfflineThreshold the station reports the connector whose status changed meanwhile.

  # Decision: Part 6's <Configured offlineThreshold> is 120 s here, set for this case and put back afterwards; the
  # back-off variables are set only where the station has them.
  Scenario: a connector becomes Occupied during a short outage
    Given the Charging Station is connected, accepted and idle
    And for this case the Charging Station variable "OCPPCommCtrlr.OfflineThreshold" is set to "120" if implemented
    And for this case the Charging Station variable "OCPPCommCtrlr.RetryBackOffWaitMinimum" is set to "118" if implemented
    And for this case the Charging Station variable "OCPPCommCtrlr.RetryBackOffRandomRange" is set to "0" if implemented
    # Part 6 step 1
    When the test system closes the connection and refuses the Charging Station's reconnection attempts
    # Part 6 step 2
    And the EV is plugged in at the configured connector while the Charging Station is offline
    # Part 6 step 3
    And the test system accepts the Charging Station's next reconnection attempt
    # Part 6 steps 4-5
    Then after reconnecting the Charging Station reports the configured connector as "Occupied"
    # Clean-up (not a Part 6 step): unplug, so the next case finds the station idle.
    When the EV is unplugged and the Charging Station reports the configured connector as "Available"
