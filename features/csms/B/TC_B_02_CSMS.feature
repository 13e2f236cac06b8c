@TC_B_02_CSMS
Feature: TC_B_02_CSMS Cold Boot Charging Station - Pending
  A CSMS set up to hold a new station in Pending answers Pending first and accepts the station's later boot.

  Scenario: pending first, accepted after the retry interval
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
      | status | Pending |
    # Part 6 steps 3-4 (the CSMS may provision the station meanwhile; the test system answers)
    When the test system waits the retry interval of the BootNotificationResponse
    And the test system sends a BootNotificationRequest with:
      | reason                     | PowerUp                 |
      | chargingStation.model      | <configured model>      |
      | chargingStation.vendorName | <configured vendorName> |
    Then the CSMS responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 5-6
    And the test system reports every connector as "Available"
