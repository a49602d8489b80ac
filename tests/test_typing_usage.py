"""The typed usage file (type-checked by `make typecheck`) also runs and gives the expected values."""

from tests.typing.usage import run


def test_typed_usage_runs() -> None:
    assert run() == ["Hi", "unknown acme:trace", "Yo", "m"]
