# Read by Django through FORMAT_MODULE_PATH. The day's ordinal (« 1er ») and the hour without
# « :00 » (« 16 h ») cannot be written with format characters: collectif/dates.py adds them,
# and every page, e-mail and feed shows dates and times through it.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "G\xa0\\h\xa0i"
DATETIME_FORMAT = "j F Y, G\xa0\\h\xa0i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j F Y, G\xa0\\h\xa0i"
