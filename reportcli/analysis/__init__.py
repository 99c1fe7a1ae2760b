"""reportcli.analysis: its modules import on first access (``reportcli.analysis.<module>`` after ``import reportcli``)."""

from reportcli import _modules_on_access

__getattr__ = _modules_on_access(__name__)

# Here rather than in reportcli.analysis.compare, so that the command line's --help imports no analysis code.
DEFAULT_MAX_P = 0.05  # significance level of compare's default filter: chi-squared (1 df) critical value 3.84
