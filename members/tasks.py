"""The member area's tasks: the password-reset mail, looked up and written by a worker."""

from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import EmailMultiAlternatives
from django.template import loader
from django.utils import translation
from django_tasks import task

from collectif.tasks import queue_mail

SUBJECT_TEMPLATE = "registration/password_reset_subject.txt"
EMAIL_TEMPLATE = "registration/password_reset_email.txt"


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's form, its mail handed to a worker (with retries) instead of sent here."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            message.attach_alternative(
                loader.render_to_string(html_email_template_name, context), "text/html"
            )
        queue_mail(message)


@task()
def password_reset_task(*, email, domain, use_https, language):
    """Mail the reset link to the accounts of `email`, if there are any. The request only
    enqueues this, whatever the address: known and unknown ones take the same time to answer,
    and the mail server's slowness is nobody's clue."""
    form = QueuedPasswordResetForm({"email": email})
    if not form.is_valid():
        return 0
    with translation.override(language):
        form.save(
            domain_override=domain,
            use_https=use_https,
            subject_template_name=SUBJECT_TEMPLATE,
            email_template_name=EMAIL_TEMPLATE,
        )
    return 1
