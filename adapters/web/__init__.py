"""The web playground: try prepbot in a browser, no Slack or Teams workspace needed."""
