"""Errors the core raises on purpose; each carries a sentence fit to show a person."""


class PrepbotError(Exception):
    """Base class: `str(error)` is a friendly message for the person who caused it."""


class BadInput(PrepbotError):
    """The person's input cannot be used as it is."""


class NotAllowed(PrepbotError):
    """The person's role does not allow this."""
