"""The weekly coach digest: what teachers struggled with, what the bot couldn't answer, pilots."""
