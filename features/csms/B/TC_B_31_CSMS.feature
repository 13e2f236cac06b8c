@TC_B_31_CSMS
Feature: TC_B_31_CSMS Cold Boot Charging Station - Pending/Rejected - TriggerMessage
  A CSMS that answered a boot with Pending can ask for the next boot before the retry interval ends, and accepts it.

  Scenario: the CSMS triggers the next boot and accepts it
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
    When the operator makes the CSMS send a TriggerMessageRequest with:
      | requestedMessage | BootNotification |
    Then the CSMS sends a TriggerMessageRequest with:
      | requestedMessage | BootNotification |
    And the test system responds with a TriggerMessageResponse with status Accepted
    # Part 6 steps 5-6
    When the test system sends the BootNotificationRequest the TriggerMessageRequest asked for
    Then the CSMS responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 7-8
    And the test system reports every connector as "Available"
