"""The shared test corpus of the library's search: the demo's real texts (conventions,
directives, laws, judgments, reports…, with their common names and references) and the text
of three real files, as a coordinator would upload them. Queries people type, in French and
English, references in every form, phrases, accents, typos, words found only in a file."""

from django.core.files.uploadedfile import SimpleUploadedFile

from documents import demo, services
from documents.models import LegalResource
from documents.pdfmaker import make_pdf

# Excerpts of the official texts, as their PDF files carry them.
FILES = {
    "palermo-protocol-2000": (
        "fr",
        "Article 3. Terminologie. Aux fins du présent Protocole : a) L'expression « traite des "
        "personnes » désigne le recrutement, le transport, le transfert, l'hébergement ou "
        "l'accueil de personnes, par la menace de recours ou le recours à la force ou à "
        "d'autres formes de contrainte, par enlèvement, fraude, tromperie, abus d'autorité ou "
        "d'une situation de vulnérabilité, ou par l'offre ou l'acceptation de paiements ou "
        "d'avantages pour obtenir le consentement d'une personne ayant autorité sur une autre "
        "aux fins d'exploitation.",
    ),
    "eu-directive-2011-36": (
        "en",
        "Article 2. Offences concerning trafficking in human beings. A position of "
        "vulnerability means a situation in which the person concerned has no real or "
        "acceptable alternative but to submit to the abuse involved. Exploitation shall "
        "include, as a minimum, the exploitation of the prostitution of others or other forms "
        "of sexual exploitation, forced labour or services, including begging, slavery or "
        "practices similar to slavery, servitude, or the exploitation of criminal activities, "
        "or the removal of organs.",
    ),
    "echr-siliadin-v-france-2005": (
        "fr",
        "La requérante, arrivée du Togo à l'âge de quinze ans et demi, a travaillé comme "
        "domestique sans rémunération, quinze heures par jour, sans jour de congé, pendant "
        "plusieurs années. La Cour conclut que la requérante a été tenue en servitude, au "
        "sens de l'article 4 de la Convention, et que le droit pénal français alors en "
        "vigueur ne lui a pas assuré une protection concrète et effective.",
    ),
}


def load():
    """The demo's texts, then the files above, saved through the services."""
    demo._load_texts()
    for slug, (language, text) in FILES.items():
        resource = LegalResource.objects.get(slug=slug)
        pdf = make_pdf([text], title=str(resource))
        upload = SimpleUploadedFile(f"{slug}.pdf", pdf, content_type="application/pdf")
        setattr(resource, f"file_{language}", upload)
        services.legal_resource_save(resource=resource)
    return LegalResource.objects.count()
