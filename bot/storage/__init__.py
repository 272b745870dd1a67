"""Storage: the async engine, the declarative base, idempotency keys and migrations."""
