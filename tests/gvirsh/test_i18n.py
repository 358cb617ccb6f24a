# SPDX-License-Identifier: LGPL-2.1-or-later
# gvirsh's messages go through gettext: a catalogue for a made-up language
# 'xx', compiled here with msgfmt into a temporary directory and found through
# $GVIRSH_LOCALEDIR, translates them; virsh's fixed words that scripts parse
# (states, yes/no) and the generated man page stay English.
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.skipif(
    shutil.which("msgfmt") is None,
    reason="msgfmt not found: install gettext (build-aux/install-deps.sh) to test the translations")

# Whole sentences, some with their placeholders reordered (%2$s before %1$s),
# which only works because no message is glued from fragments.
XX_PO = r'''
msgid ""
msgstr ""
"Language: xx\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#, c-format
msgid "error: %s\n"
msgstr "Fehler: %s\n"

#, c-format
msgid "Domain '%s' suspended"
msgstr "Die Domäne „%s“ ist angehalten"

#, c-format
msgid "failed to get domain '%s': no domain has this name, id or UUID on %s (see 'list --all')"
msgstr "auf %2$s hat keine Domäne den Namen, die ID oder die UUID „%1$s“ (siehe „list --all“)"

#, c-format
msgid "failed to resume domain '%s': %s"
msgstr "die Domäne „%s“ konnte nicht fortgesetzt werden: %s"

msgid "Name"
msgstr "Bezeichnung"

msgid "State"
msgstr "Zustand"

msgid "Persistent:"
msgstr "Dauerhaft:"

msgid "DESCRIPTION"
msgstr "BESCHREIBUNG"

msgid "domain information"
msgstr "Informationen über eine Domäne"

msgid "Domain Management"
msgstr "Domänenverwaltung"

#, c-format
msgid "%s (help keyword '%s'):"
msgstr "%s (Stichwort für help: „%s“):"
'''


@pytest.fixture(scope="module")
def localedir(tmp_path_factory, gettext_package):
    """A locale directory holding xx/LC_MESSAGES/<gettext package>.mo."""
    top = tmp_path_factory.mktemp("locale")
    po = top / "xx.po"
    po.write_text(XX_PO, encoding="utf-8")
    mo_dir = top / "xx" / "LC_MESSAGES"
    mo_dir.mkdir(parents=True)
    # --check: the translations keep the placeholders of their messages
    subprocess.run(["msgfmt", "--check", "-o", str(mo_dir / f"{gettext_package}.mo"), str(po)],
                   check=True, capture_output=True, text=True)
    return str(top)


@pytest.fixture
def xx(localedir):
    """The environment of a user of language xx. glibc ignores LANGUAGE in the
    C locale, not in C.UTF-8, which every Debian has: no locale to generate."""
    return {"LC_ALL": "C.UTF-8", "LANGUAGE": "xx", "GVIRSH_LOCALEDIR": localedir}


def test_informational_message_translated(gvirsh, xx):
    assert gvirsh.ok("suspend test", env=xx) == "Die Domäne „test“ ist angehalten\n\n"


def test_errors_translated_as_whole_sentences(gvirsh, xx):
    # gvirsh's sentence, its placeholders swapped, after the connection is
    # open (the library binding its own domain does not undo GVIRSH_LOCALEDIR)
    res = gvirsh.run("dominfo nope", env=xx)
    assert res.rc == 1
    assert res.err == ("Fehler: auf test:///default hat keine Domäne den Namen, die ID oder "
                       "die UUID „nope“ (siehe „list --all“)\n")
    # the library's reason goes where the translation puts it
    res = gvirsh.run("resume test", env=xx)
    assert res.rc == 1
    assert res.err.startswith("Fehler: die Domäne „test“ konnte nicht fortgesetzt werden: "), res
    assert res.err.count("\n") == 1


def test_headings_translated_fixed_words_not(gvirsh, xx):
    assert gvirsh.ok("list", env=xx) == (" Id   Bezeichnung   Zustand\n"
                                         "-----------------------------\n"
                                         " 1    test          running\n\n")
    # a label of 11 characters (13 bytes) still padded to 15 characters
    assert "Dauerhaft:      yes\n" in gvirsh.ok("dominfo test", env=xx)
    assert gvirsh.ok("domstate test", env=xx) == "running\n\n"


def test_help_translated(gvirsh, xx):
    one = gvirsh.ok("help dominfo", env=xx)
    assert "    dominfo - Informationen über eine Domäne\n" in one
    assert "  BESCHREIBUNG\n" in one
    assert "  SYNOPSIS\n    dominfo [--domain] <string> [--json]\n" in one  # untranslated here
    assert gvirsh.ok("help", env=xx).startswith(
        "Grouping of commands:\n\n Domänenverwaltung (Stichwort für help: „domain“):\n")


def test_man_page_source_stays_english(gvirsh, xx):
    assert gvirsh.ok("_man", uri=None, env=xx) == gvirsh.ok("_man", uri=None)


def test_catalogue_only_through_its_directory(gvirsh, xx):
    # without GVIRSH_LOCALEDIR, the installed catalogues (none for xx): English
    env = dict(xx)
    del env["GVIRSH_LOCALEDIR"]
    assert gvirsh.ok("suspend test", env=env) == "Domain 'test' suspended\n\n"
