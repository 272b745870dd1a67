"""Admin: help, who am I, and roles."""
