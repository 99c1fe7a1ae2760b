"""reportcli.facts: its modules import on first access (``reportcli.facts.<module>`` after ``import reportcli``)."""

from reportcli import _modules_on_access

__getattr__ = _modules_on_access(__name__)
