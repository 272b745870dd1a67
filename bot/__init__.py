"""prepbot's core: the vocabulary, the router and the features. It knows no platform."""
