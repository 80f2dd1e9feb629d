"""Arabic formats that Django's own `ar` module leaves out. Without them Django falls back
to its global, American defaults: the admin then showed 1 December 2026 as `12/01/2026`
and read a typed `01/12/2026` as 12 January. Day first, as in the French admin."""

DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATETIME_FORMAT = "d‏/m‏/Y H:i"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M:%S"]
