Feature: the prestarted cucumber child
  Scenario: it runs with the run's environment
    Given the child reports its environment
