"""Settings for contrelatraite.

Everything a deployment changes is read from the environment (see README, "Configuration").
Production (DJANGO_DEBUG=0, the default) refuses to start without its secrets.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    return int(os.environ.get(name) or default)


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core ---------------------------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production (DJANGO_DEBUG=0) refuses to start without "
            "it: set DJANGO_SECRET_KEY to a long random string, or DJANGO_DEBUG=1 to develop."
        )
    SECRET_KEY = "django-insecure-development-only-never-use-this-key-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

ROOT_URLCONF = "collectif.urls"
WSGI_APPLICATION = "collectif.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SITE_NAME = "Ensemble contre la traite des êtres humains"
# The site's address, for links in e-mails sent outside a request (reminders).
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://localhost:8000").rstrip("/")

# --- Applications -------------------------------------------------------------------------------

DJANGO_APPS = [
    # modeltranslation patches the admin: it must come before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Its lookups (pg_trgm's similarity for the library's « did you mean ») on PostgreSQL.
    "django.contrib.postgres",
    # Django's form templates, for the renderer below.
    "django.forms",
]
THIRD_PARTY_APPS = [
    "axes",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Django 6's Tasks framework (django.tasks), backported; results kept in the database.
    "django_tasks",
    "django_tasks_db",
]
LOCAL_APPS = [
    "collectif",
    "members",
    "meetings",
    "documents",
    "news",
    "ballots",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

# --- Middleware ---------------------------------------------------------------------------------

MIDDLEWARE = [
    # First, so that every response, static files and errors included, carries the headers.
    "collectif.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions: a cached page for an anonymous visitor costs no session or database work.
    "collectif.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions (it may read the language there), before CommonMiddleware (slash redirects
    # must see the language prefix).
    "django.middleware.locale.LocaleMiddleware",
    "collectif.middleware.AdminLanguageMiddleware",
    # After the language is known: its 400, 405 and 413 pages speak the visitor's language.
    "collectif.middleware.RequestLimitsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "collectif.middleware.StaffIdleTimeoutMiddleware",
    # The session's second factor (request.user.is_verified()), then the pages it closes.
    "django_otp.middleware.OTPMiddleware",
    "collectif.second_factor.SecondFactorMiddleware",
    # After authentication: the history of every change records who made it.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: it turns a login refused for too many failures into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# --- Templates ----------------------------------------------------------------------------------

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "collectif.context_processors.site",
                "collectif.context_processors.navigation",
            ],
        },
    },
]

# Widgets render with the templates above, so that the project's own override Django's
# (templates/admin/widgets/split_datetime.html labels the date and the time of a split field).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# --- Database -----------------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Persistent connections: a PostgreSQL page ran 7x faster without a connect per request.
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: the library's statement is estimated costly enough to trigger it,
    # and compiling took 450 ms for a query that runs in 40 (PostgreSQL's JIT pays off for
    # long analytical queries, never for a page).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")

# --- Cache -------------------------------------------------------------------------------------

# Local memory by default; with several processes (gunicorn workers, servers) set REDIS_URL so
# that they share one cache, and so one invalidation (Django's Redis cache, keeping its client:
# collectif/redis_cache.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "collectif.redis_cache.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Room for the page cache's versions (one per table and column written) beside
            # the pages and the throttles' counters.
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    )
    # Several sites may share one Redis.
    | {"KEY_PREFIX": os.environ.get("DJANGO_CACHE_KEY_PREFIX", "contrelatraite")}
}
# With a shared cache, sessions are read from it (a query less on every member page) and still
# written to the database. Not with local memory: another process would keep a session alive
# after its logout.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Anonymous public pages are cached this long (0 disables), each forgotten as soon as a table it
# was made from is written (collectif/page_cache.py); so are the parts of logged-in pages kept as
# fragments (collectif/fragments.py).
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))
# What was rendered within this long after a write to one of its tables is not kept: the
# render may have read the rows from before that write's commit, on a server whose clock is
# this far behind.
CONTENT_VERSIONS_CLOCK_SKEW_MS = int(
    os.environ.get("DJANGO_CONTENT_VERSIONS_CLOCK_SKEW_MS", "1000")
)
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/healthz", "/media/", "/static/")

# --- Authentication -----------------------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    # First: it refuses a locked-out account or address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (collectif/lockouts.py): after 5 failures for one account from one address,
# that pair waits 15 minutes; the account stays open from elsewhere. After 50 failures from one
# address, whatever the accounts, the address waits too.
AXES_HANDLER = "collectif.lockouts.PairOrAddressHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_ADDRESS_FAILURE_LIMIT", "50"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15")))
# The order matters to PairOrAddressHandler: the pair, then the address.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "collectif/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "collectif.services.client_address"
AXES_VERBOSE = False

# What makes the site send mail, limited per client address and per recipient's inbox
# (collectif/throttle.py): (requests, seconds). Beyond, the form comes back with status 429.
THROTTLE_NEWSLETTER_PER_CLIENT = (env_int("DJANGO_NEWSLETTER_SIGNUPS_PER_HOUR", 5), 3600)
THROTTLE_PASSWORD_RESET_PER_CLIENT = (env_int("DJANGO_PASSWORD_RESETS_PER_HOUR", 5), 3600)
THROTTLE_MAIL_PER_RECIPIENT = (env_int("DJANGO_MAILS_PER_RECIPIENT_PER_HOUR", 3), 3600)
# Contact messages from every address together: a flood from many addresses stays bounded.
THROTTLE_CONTACT_FOR_EVERYONE = (env_int("DJANGO_CONTACT_MESSAGES_PER_HOUR", 30), 3600)

# Staff sessions end after this many idle hours (collectif.middleware); members' last the usual
# two weeks. A password change ends the person's other sessions (Django's session hash).
STAFF_SESSION_IDLE_HOURS = float(os.environ.get("DJANGO_STAFF_SESSION_IDLE_HOURS", "4"))

# Two-factor authentication (collectif/second_factor.py): staff must have it when this is on,
# the default in production; anyone else may turn it on in the member area.
REQUIRE_STAFF_2FA = env_bool("DJANGO_REQUIRE_STAFF_2FA", default=not DEBUG)
# After this many wrong codes for one account from one address, the pair waits (seconds).
THROTTLE_OTP_CODE_FAILURES = (5, 15 * 60)
# That count is the one rule: django-otp's own growing delays are off.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
OTP_TOTP_ISSUER = "Contre la traite"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "portal:dashboard"

# --- Internationalisation -----------------------------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
ADMIN_LANGUAGE_CODE = "fr"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Paris"
# One date and time format per language (collectif/formats/<code>/formats.py).
FORMAT_MODULE_PATH = ["collectif.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
# Both ways: a text that exists in one language only is shown on the other's page too,
# marked with its `lang` and a notice ({% translated %}).
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fr", "en")
# modeltranslation's tabbed admin needs jQuery UI (its setting has no prefix); served from here,
# never from a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# --- Static and media files ---------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Files the web server must not serve itself (members-only documents): a view checks access.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("DJANGO_PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
# Let Django serve uploads itself (development, tests); production leaves them to the web server.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", default=DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Media on S3-compatible storage when a bucket is configured (pip install ".[s3]").
if os.environ.get("DJANGO_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "collectif.storage.SameOriginS3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["DJANGO_S3_BUCKET"],
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY", ""),
            "default_acl": "private",
            "file_overwrite": False,
        },
    }

# --- E-mail -------------------------------------------------------------------------------------

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "noreply@contrelatraite.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where the contact form and the coordinators' reminders go.
COORDINATION_EMAIL = os.environ.get("DJANGO_COORDINATION_EMAIL", "contre.la.traite@example.org")

# --- Security -----------------------------------------------------------------------------------

# The site sits behind a TLS-terminating proxy that sends X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Pages load nothing from another host and run no inline script: visitors of a site about
# trafficking victims must not leak to third parties.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
# A form sent without its token, or with an expired one: a page of the site that says what to
# do, in the visitor's language (Django's own is in English and unstyled).
CSRF_FAILURE_VIEW = "collectif.views.csrf_failure"
# Form fields stay within Django's defaults (2.5 MB of text, 1,000 fields, 100 files); a whole
# request, files included, within this: above the largest admin form (a meeting with several
# 30 MB annexes), far below what would fill the disk. Larger is refused before it is read.
REQUEST_MAX_BYTES = int(os.environ.get("DJANGO_REQUEST_MAX_MB", "100")) * 1024 * 1024
# Longer query strings are refused, and the admin's searches cut (see
# collectif.middleware.RequestLimitsMiddleware).
QUERY_STRING_MAX_LENGTH = 8192
ADMIN_SEARCH_MAX_LENGTH = 200

# --- Site behaviour -----------------------------------------------------------------------------

# Contact form: at most this many messages per sender address and hour.
THROTTLE_CONTACT_PER_CLIENT = (int(os.environ.get("DJANGO_CONTACT_RATE_LIMIT", "5")), 3600)
# Months an observer waits before the members vote on its admission.
MEMBERS_OBSERVATION_MONTHS = int(os.environ.get("DJANGO_MEMBERS_OBSERVATION_MONTHS", "12"))
# How many other organisations' proxies one organisation may hold in a ballot.
BALLOT_PROXIES_PER_ORGANISATION = int(os.environ.get("DJANGO_BALLOT_PROXIES_PER_ORGANISATION", "1"))
# Newsletter: how long a confirmation link works, and how many letters the admin's « send »
# sends at once (`manage.py send_newsletters`, run by cron, sends the rest).
NEWSLETTER_CONFIRMATION_HOURS = int(os.environ.get("DJANGO_NEWSLETTER_CONFIRMATION_HOURS", "72"))
# Mail and slow work run as tasks (collectif/tasks.py). "database" (the default) keeps the queue
# in the site's database, run by `manage.py db_worker`; "rq" puts it on Redis (REDIS_URL), run
# by `manage.py rqworker`; "immediate" runs each task at once inside the request.
TASKS_BACKEND = os.environ.get("DJANGO_TASKS_BACKEND", "database")
TASK_BACKENDS = {
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    "rq": {"BACKEND": "django_tasks_rq.RQBackend"},
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"DJANGO_TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}")
if TASKS_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("DJANGO_TASKS_BACKEND=rq needs REDIS_URL")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    TASK_BACKENDS["rq"]["QUEUES"] = ["default"]
TASKS = {"default": TASK_BACKENDS[TASKS_BACKEND]}
# A failing task is tried again this many times in all, waiting TASK_RETRY_SECONDS, then twice
# as long each time.
TASK_MAX_ATTEMPTS = env_int("DJANGO_TASK_MAX_ATTEMPTS", 5)
TASK_RETRY_SECONDS = env_int("DJANGO_TASK_RETRY_SECONDS", 60)
NEWSLETTER_BATCH_SIZE = int(os.environ.get("DJANGO_NEWSLETTER_BATCH_SIZE", "200"))

# --- Logging ------------------------------------------------------------------------------------

# Structured (one JSON object per line) in production, readable lines in development.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "collectif.logging.JSONFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint (the compte-rendu's PDF) logs each step of each document at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}},
}

# Client addresses: behind a proxy, REMOTE_ADDR is the proxy's own. X-Forwarded-For is believed
# only from the proxies named here (`none`, their number, or their addresses; collectif/proxies.py).
# Unset (None), it is ignored and `check --deploy` says so.
TRUSTED_PROXIES = os.environ.get("DJANGO_TRUSTED_PROXIES")
