import pytest
from django.utils import translation

from members import capabilities
from members.capabilities import Capability, MembershipStatus
from members.models import Organisation


def test_observer_cannot_vote():
    assert not capabilities.can(MembershipStatus.OBSERVER, Capability.VOTE)


def test_observer_cannot_represent_the_collective():
    assert not capabilities.can(MembershipStatus.OBSERVER, Capability.REPRESENT)


def test_observer_takes_part_receives_minutes_and_appears_publicly():
    for capability in [
        Capability.TAKE_PART,
        Capability.RECEIVE_MINUTES,
        Capability.APPEAR_PUBLICLY,
    ]:
        assert capabilities.can(MembershipStatus.OBSERVER, capability)


def test_member_may_do_everything():
    assert all(capabilities.can(MembershipStatus.MEMBER, c) for c in Capability)


def test_former_member_may_do_nothing():
    assert not any(capabilities.can(MembershipStatus.FORMER, c) for c in Capability)


def test_candidate_only_prepares_its_page():
    allowed = [c for c in Capability if capabilities.can(MembershipStatus.CANDIDATE, c)]
    assert allowed == [Capability.EDIT_OWN_PAGE]


def test_refusal_reason_explains_the_observer_rule_in_the_active_language():
    observer = Organisation(name="SOS Esclaves", status=MembershipStatus.OBSERVER)
    with translation.override("en"):
        reason = capabilities.refusal_reason(observer, Capability.REPRESENT)
    assert reason.startswith("SOS Esclaves is an observer")
    assert "delegation" in reason
    with translation.override("fr"):
        reason = observer.refusal_reason(Capability.VOTE)
    assert "ne prend pas part aux votes" in reason


def test_no_reason_when_allowed():
    member = Organisation(name="CCEM", status=MembershipStatus.MEMBER)
    assert member.refusal_reason(Capability.REPRESENT) is None


@pytest.mark.parametrize("status", list(MembershipStatus))
def test_every_refusal_has_a_reason(status):
    organisation = Organisation(name="X", status=status)
    for capability in Capability:
        assert organisation.can(capability) == (organisation.refusal_reason(capability) is None)


def test_queryset_asks_the_same_rule(member, observer, make_organisation):
    make_organisation("Partie", status="former")
    make_organisation("Candidate", status="candidate")
    assert set(Organisation.objects.with_capability(Capability.VOTE)) == {member}
    assert set(Organisation.objects.public()) == {member, observer}


def test_withheld_lists_what_observers_lack():
    assert capabilities.withheld(MembershipStatus.OBSERVER) == [
        Capability.VOTE,
        Capability.REPRESENT,
    ]
