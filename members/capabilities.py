"""What an organisation may do in the collective, by membership status: the single rule.

Every feature that depends on membership asks here (`Organisation.can(...)`,
`Organisation.objects.with_capability(...)`, `refusal_reason(...)`), never compares statuses
itself. From the minutes of 29 September 2014: during its year of observation an association
« participera régulièrement et activement aux activités du Collectif mais n'est pas mandatée
pour représenter le collectif, ne prend pas part aux votes », and « apparaîtra comme membre
observateur dans le site internet ».
"""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipStatus(models.TextChoices):
    CANDIDATE = "candidate", _("candidate")
    OBSERVER = "observer", _("observer")
    MEMBER = "member", _("member")
    FORMER = "former", _("former member")


class Capability(StrEnum):
    TAKE_PART = "take-part"  # attend meetings and working groups
    RECEIVE_MINUTES = "receive-minutes"
    APPEAR_PUBLICLY = "appear-publicly"  # in the public directory, marked with its status
    VOTE = "vote"  # on admissions and the collective's decisions
    REPRESENT = "represent"  # be sent in a delegation, speak for the collective
    EDIT_OWN_PAGE = "edit-own-page"  # through the member area

    @property
    def label(self):
        return CAPABILITY_LABELS[self]


CAPABILITY_LABELS = {
    Capability.TAKE_PART: _("take part in the collective's meetings and work"),
    Capability.RECEIVE_MINUTES: _("receive the minutes"),
    Capability.APPEAR_PUBLICLY: _("appear in the public list of members"),
    Capability.VOTE: _("vote"),
    Capability.REPRESENT: _("represent the collective and be sent in its delegations"),
    Capability.EDIT_OWN_PAGE: _("keep its page up to date in the member area"),
}

S = MembershipStatus
C = Capability

CAPABILITIES = {
    # A candidate prepares its page before it is published.
    S.CANDIDATE: frozenset({C.EDIT_OWN_PAGE}),
    S.OBSERVER: frozenset({C.TAKE_PART, C.RECEIVE_MINUTES, C.APPEAR_PUBLICLY, C.EDIT_OWN_PAGE}),
    S.MEMBER: frozenset(Capability),
    S.FORMER: frozenset(),
}

# Why a status does not allow something, most specific first: (status, capability) then status.
_REASONS = {
    (S.OBSERVER, C.VOTE): _(
        "%(organisation)s is an observer: during its observation period it takes part in the "
        "collective's work but does not vote."
    ),
    (S.OBSERVER, C.REPRESENT): _(
        "%(organisation)s is an observer: during its observation period it is not mandated to "
        "represent the collective, so it cannot be sent in a delegation."
    ),
    S.CANDIDATE: _("%(organisation)s is a candidate: it has not yet joined the collective."),
    S.FORMER: _("%(organisation)s is no longer a member of the collective."),
    S.OBSERVER: _("%(organisation)s is an observer, and observers may not do this."),
    S.MEMBER: _("%(organisation)s is a member, and members may not do this."),
}


def can(status, capability):
    return Capability(capability) in CAPABILITIES[MembershipStatus(status)]


def statuses_with(capability):
    return [status for status, allowed in CAPABILITIES.items() if Capability(capability) in allowed]


def refusal_reason(organisation, capability):
    """Why `organisation` may not do `capability`, in the active language; None if it may."""
    status = MembershipStatus(organisation.status)
    if can(status, capability):
        return None
    reason = _REASONS.get((status, Capability(capability))) or _REASONS[status]
    return reason % {"organisation": organisation}


def withheld(status):
    """What a full member may do and an organisation of this status may not."""
    return [c for c in Capability if c in CAPABILITIES[S.MEMBER] and not can(status, c)]


def table():
    """The rule as rows for display: [(capability label, [allowed per status…])]."""
    statuses = [S.OBSERVER, S.MEMBER]
    return statuses, [
        (capability.label, [capability in CAPABILITIES[status] for status in statuses])
        for capability in Capability
        if capability != C.EDIT_OWN_PAGE
    ]
