"""Two-factor authentication (django-otp): a TOTP device and ten single-use recovery codes.

Staff must have it when `REQUIRE_STAFF_2FA` is on (the default in production): they read every
members-only minute and contact. Anyone else may turn it on in the member area. A person who
has it, or must have it, and whose session has not yet been verified by a code is sent to the
second step (or to the enrolment) from every page but those steps and logging out: the first
factor alone opens nothing. Admin paths get the admin's pages (French), the others the member
area's (the visitor's language).

What a session needs is decided once, at login, and kept in the session: pages cost no query
for it. Wrong codes are counted per (account, address) pair; after `THROTTLE_OTP_CODE_FAILURES`
the pair waits, even with the right code."""

import base64
import contextlib
import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import throttle
from .demo import DEMO_COORDINATOR, DEMO_MEMBER
from .services import client_address

SESSION_KEY = "second_factor"
VERIFY, ENROL, NOTHING = "verify", "enrol", "none"
RECOVERY_CODES = 10
CODE_FAILURES = throttle.Limit("otp-code", "THROTTLE_OTP_CODE_FAILURES")
DEVICE_NAME = "default"


def has_device(user):
    return any(True for _device in devices_for_user(user, confirmed=True))


def step_for(user):
    """What a fresh session of this user must do before reaching any page."""
    if has_device(user):
        return VERIFY
    if user.is_staff and settings.REQUIRE_STAFF_2FA:
        return ENROL
    return NOTHING


def note_login(sender, request, user, **kwargs):
    """`user_logged_in` receiver: the step this session owes, decided once."""
    if hasattr(request, "session"):
        request.session[SESSION_KEY] = step_for(user)


def is_demo_account(user):
    # The demo's shared accounts: whoever turned it on would lock every other visitor out.
    return user.get_username() in {DEMO_COORDINATOR, DEMO_MEMBER}


# --- Codes -----------------------------------------------------------------------------------


def _attempts_key(request, user):
    return f"{user.pk}:{client_address(request)}"


def locked(request, user):
    return throttle.reached(CODE_FAILURES, _attempts_key(request, user))


def check_code(request, user, code, device=None):
    """The device the code belongs to (one of the user's, or `device`), or None. A wrong code
    counts towards the pair's lock-out; a right one clears it."""
    code = "".join(code.split())
    if device is not None:
        matched = device if confirms(device, code) else None
    else:
        matched = match_token(user, code)
    key = _attempts_key(request, user)
    if matched is None:
        # Beyond the limit, the next attempt is refused by `locked`.
        with contextlib.suppress(throttle.Throttled):
            throttle.hit(CODE_FAILURES, key)
    else:
        throttle.reset(CODE_FAILURES, key)
    return matched


def confirms(device, code):
    """Whether the code is the current one of a device being enrolled (not saved yet: django-otp's
    verify_token would save it). The step it matched cannot serve again."""
    try:
        token = int(code)
    except ValueError:
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if not totp.verify(token, device.tolerance):
        return False
    device.last_t = totp.t()
    return True


def verified(request, device):
    """Mark the session as verified with `device`."""
    otp_login(request, device)
    request.session[SESSION_KEY] = VERIFY


# --- Enrolment -------------------------------------------------------------------------------


def new_device(user, key=None):
    """An unsaved, unconfirmed TOTP device; `key` (hex) keeps the one being enrolled."""
    device = TOTPDevice(user=user, name=DEVICE_NAME, confirmed=False)
    if key:
        device.key = key
    return device


def secret_text(device):
    """The secret as an authenticator app asks for it when typed: base32, in groups of 4."""
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_data_uri(device):
    """The provisioning address as an SVG QR code in a data: URI (nothing from another host,
    and no inline style the page's CSP would refuse)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def enrol(user, device):
    """Save the confirmed device, replacing any other; return it and the new recovery codes."""
    remove_devices(user)
    device.confirmed = True
    device.save()
    recovery = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return device, codes


def remove_devices(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


# --- Middleware ------------------------------------------------------------------------------

# Reachable before the second step: the steps themselves, logging out, and the admin's login
# (it sends staff on to the admin, hence here; others may log in as someone else).
EXEMPT_VIEWS = {
    "admin:login",
    "admin:logout",
    "portal:logout",
    "second-factor-admin-verify",
    "second-factor-admin-setup",
    "second-factor:verify",
    "second-factor:setup",
}


def step_url(request, step):
    in_admin = request.path_info.startswith(reverse("admin:index"))
    name = {VERIFY: "verify", ENROL: "setup"}[step]
    url = reverse(f"second-factor-admin-{name}" if in_admin else f"second-factor:{name}")
    if request.method != "GET":
        return url
    return f"{url}?{urlencode({'next': request.get_full_path()})}"


def safe_next(request, default):
    """Where to go once the step is done: a path of this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and target.isprintable()
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return default


class SecondFactorMiddleware:
    """After django-otp's OTPMiddleware: a session that owes a second step reaches nothing else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Anonymous pages stay untouched by the session (and cacheable).
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        step = request.session.get(SESSION_KEY)
        if step is None:  # a session opened before this existed
            step = request.session[SESSION_KEY] = step_for(user)
        if step == NOTHING or request.resolver_match.view_name in EXEMPT_VIEWS:
            return None
        return redirect(step_url(request, step))
