"""Login lock-outs that hurt only the attacker.

django-axes counts failures per (account, address) pair and per address
(`AXES_LOCKOUT_PARAMETERS`). Failures for one account from one address lock that pair only:
the account's owner still logs in from anywhere else. Failures from one address across
accounts (password spraying) lock that address, at a higher limit
(`LOGIN_ADDRESS_FAILURE_LIMIT`). axes compares one number to one limit, so the address's count
is expressed on the pair's scale: `address × pair limit // address limit` reaches the pair
limit exactly when the address reaches its own.

A locked person unlocks by completing a password reset (`unlock_account`); coordinators see
and clear lock-outs in the admin (« Tentatives de connexion »)."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.utils import reset
from django.conf import settings
from django.db.models import Sum


def _failures(attempts):
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class PairOrAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        pair, address = self.get_user_attempts(request, credentials)
        limit = get_failure_limit(request, credentials)
        address_on_pair_scale = _failures(address) * limit // settings.LOGIN_ADDRESS_FAILURE_LIMIT
        return max(_failures(pair), address_on_pair_scale)

    def reset_user_attempts(self, request, credentials=None):
        # A success forgets the pair's failures only: a sprayer who owns one account must not
        # wipe its address's count by logging in with it.
        pair, _address = self.filter_user_attempts(request, credentials)
        count, _ = pair.delete()
        return count


def unlock_account(user):
    """Forget the account's failures from every address (after a completed password reset)."""
    return reset(username=user.get_username())
