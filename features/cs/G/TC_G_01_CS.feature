@TC_G_01_CS
Feature: TC_G_01_CS Connector status Notification - Available to Occupied
  Plugging in a cable makes the station report its connector Occupied (by StatusNotification or NotifyEvent).

  Scenario: plug in; the connector is reported Occupied
    Given the Charging Station is connected, accepted and idle
    # Part 6 step 1 (the state checks the Occupied report, and a TransactionEvent where TxStartPoint asks for one)
    When the reusable state EVConnectedPreSession is executed
    # Clean-up (not a Part 6 step): unplug, so the station is left idle for the next case.
    Then the driver unplugs the EV from the configured connector
    And the Charging Station reports the connectors of the connector as "Available"
