"""The web playground: try prepbot in a browser, no Slack or Teams workspace needed.

With no platform configured it is the whole install's front door. Once any Slack or Teams
credential is set it is off (its API answers 403), unless an operator sets
PREPBOT_PLAYGROUND=1: then it runs on a demo database of its own, with its own people, and
nothing it does reaches a real platform or the real database (docs/configuration.md).
The district in a box (adapters/district/, `/demo`) lives in the playground's database,
whichever it is, and never where the playground is off.
"""
