@TC_G_02_CS
Feature: TC_G_02_CS Connector status Notification - Occupied to Available
  Unplugging the cable makes the station report its connector Available again.

  Scenario: unplug; the connector is reported Available
    Given the Charging Station is connected, accepted and idle
    And the reusable state EVConnectedPreSession is reached
    # Part 6 steps 1-2: the driver unplugs (a transaction the plug-in may have opened ends; not judged here)
    When the driver unplugs the EV from the configured connector
    # Part 6 steps 3-4
    Then the Charging Station reports the connectors of the connector as "Available"
