"""`{% fragment "name" part… %}…{% endfragment %}`: the enclosed part of the template, kept in
the shared cache until the next write (collectif/fragments.py). Every value that changes what
the part shows, besides the language and the day, must be one of its parts."""

from django import template

from collectif import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        name = self.name.resolve(context)
        parts = [part.resolve(context) for part in self.parts]
        # The lazy token of a request's context, not evaluated here (see get_or_render).
        token = context.get("csrf_token")

        def render(marker):
            if marker is None:
                return self.nodelist.render(context)
            with context.push(csrf_token=marker):
                return self.nodelist.render(context)

        return fragments.get_or_render(name, parts, render, csrf_token=token)


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            "fragment takes a name, then what its content depends on"
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
