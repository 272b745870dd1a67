"""Tickets: every help request reaches a person, and the teacher hears back in chat."""
