"""Prometheus counters and histograms, on a registry of their own per running bot."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest


class Metrics:
    """The figures /metrics exposes."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.questions = Counter("prepbot_questions", "Questions asked", ["outcome"],
                                 registry=self.registry)
        self.feedback = Counter("prepbot_feedback", "Did this help? answers", ["helpful"],
                                registry=self.registry)
        self.incoming = Counter("prepbot_incoming", "Events handled by the core", ["kind"],
                                registry=self.registry)
        self.duplicates = Counter("prepbot_duplicate_events", "Retried events dropped",
                                  registry=self.registry)
        self.errors = Counter("prepbot_errors", "Events that failed inside the core",
                              registry=self.registry)
        self.deliveries = Counter("prepbot_deliveries", "Scheduled deliveries by outcome",
                                  ["outcome"], registry=self.registry)
        self.request_seconds = Histogram(
            "prepbot_request_seconds", "HTTP request latency", ["route"], registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0))
        self.kb_seconds = Histogram(
            "prepbot_kb_seconds", "Knowledge-base answer latency", registry=self.registry,
            buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1))

    def render(self) -> bytes:
        """The Prometheus text format."""
        return bytes(generate_latest(self.registry))
