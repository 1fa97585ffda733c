# Read by Django through FORMAT_MODULE_PATH: one date format ("1 January 2008") and one time
# format (the 24-hour clock, "16:00") everywhere in English (see collectif/dates.py).
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j F Y, H:i"
