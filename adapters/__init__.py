"""Adapters: the only code that knows a platform. They translate, and wire everything up."""
