@TC_B_30_CSMS
Feature: TC_B_30_CSMS Cold Boot Charging Station - Pending/Rejected - SecurityError
  A CSMS that has not accepted the station yet refuses the station's other messages with a SecurityError.

  Scenario: connector reports before acceptance are refused
    # SUT state: the Pending boot policy is this case's own; its clean-up sets the CSMS back to Accepted whatever the
    # verdict (Part 6 post-condition: the station is accepted), so the next case meets the CSMS as before.
    Given the CSMS is set to answer the next BootNotificationRequest with Pending
    And the test system is connected to the CSMS
    # Part 6 steps 1-2
    When the test system sends a BootNotificationRequest with:
      | reason                     | PowerUp                 |
      | chargingStation.model      | <configured model>      |
      | chargingStation.vendorName | <configured vendorName> |
    Then the CSMS responds with a BootNotificationResponse with:
      | status | one of Pending, Rejected |
    # Part 6 steps 3-4
    And the CSMS refuses every report of the connectors as "Available" with a CALLERROR SecurityError
