@TC_E_40_CS
Feature: TC_E_40_CS Offline Behaviour - Connection loss during transaction
  A station that loses the CSMS during charging keeps sampling meter values, queues the events and delivers them,
  marked as sent offline, once it is back.

  Scenario: the connection drops while charging; the queued meter values follow the reconnection
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: meter values sampled during transactions at the configured interval. Decision: Part 6's retry
    # back-off variables only shape when the station comes back; here the bench restores the network itself, so
    # they are left as they are.
    And the Charging Station variable "SampledDataCtrlr.Enabled" is set to "true" if implemented
    And the station samples transaction meter values at the configured interval for this case
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2: offline for longer than the meter values interval, then back
    When the station loses its connection to the test system
    And the station stays offline for two meter values intervals
    And the station regains its connection to the test system
    # Part 6 steps 3-4
    Then the Charging Station sends its queued TransactionEventRequests, each with:
      | eventType  | Updated |
      | meterValue | present |
      | offline    | true    |
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
