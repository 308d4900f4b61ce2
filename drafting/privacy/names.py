"""Personal names in English and Italian text.

Three ways to find one, from surest to widest:

- after a cue that introduces a name ("my name is", "mi chiamo", "Mr", "Sig.ra", "my wife",
  "spoke to", "name on the account", a closing "Thanks, Anna" or a "- Anna" signature): any
  capitalised word that is not a common word;
- after a weaker cue ("I'm", "sono", "Hi", "Ciao"): a known first name, or two capitalised
  words;
- anywhere: a known first name (``first_names.txt``), with the capitalised words after it, or a
  capitalised word followed by a known surname. First names that are also common words, places
  or brands ("Grace", "Chase", "Florence", "Stella") count only with a cue or a surname.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from drafting.privacy import namelists
from drafting.privacy.patterns import Found

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zà-öø-ÿ"
#: One capitalised name word: Anna, O'Brien, D'Angelo, McDonald, LaToya, Peruzzi-Micheletti.
NAME_WORD = re.compile(
    rf"(?<![\w'’@#<])[{_UP}](?:['’][{_UP}])?[{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}][{_LOW}]+)?"
    rf"(?![\w@>])"
)
_PARTICLE = re.compile(
    r"[ \t]+(?:de|di|da|del|della|delle|dei|degli|dal|dalla|van|von|der|den|du|dos|das|le|la|"
    r"lo|al|el|bin|ben|ter|ten|De|Di|Da|Del|Della|Delle|Dei|Degli|Dal|Dalla|Van|Von|Der|Den|"
    r"Du|Dos|Das|Le|La|Lo|Mac|Mc|St\.)(?=[ \t]+[A-Z])"
)
_GAP = re.compile(r"[ \t]+|[ \t]*-[ \t]*(?=[A-Z][a-z])")
_INITIAL = re.compile(rf"[{_UP}]\.(?=[ \t]+[{_UP}])")
_SUFFIX = re.compile(
    r",?[ \t]+(?:Jr\.?|Sr\.?|II|III|IV|MD|M\.D\.|DDS|PhD|Ph\.D\.|DVM|Esq\.?)(?!\w)"
)
_NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z0-9]")
_LAST_WORDS = re.compile(
    rf"(?:[.!?)]|\n)[ \t\n]*(?P<name>{NAME_WORD.pattern}(?:[ \t]+{NAME_WORD.pattern})?)[ \t.!]*\Z"
)
_PREVIOUS_WORD = re.compile(rf"({NAME_WORD.pattern})[ \t]+\Z")
_SENTENCE_START = re.compile(
    rf"(?:\A|(?<=[.!?]\s)|(?<=\n))[ \t]*({NAME_WORD.pattern})[ \t]+([{_LOW}][{_LOW}']+)"
)
_NAME_VERBS = frozenset(
    {"is", "was", "has", "had", "says", "said", "told", "wrote", "asked", "called", "lives"}
    | {"works", "è", "ha", "dice", "disse", "scrive"}
)
_INSIDE = re.compile(rf"(?<=[^\s.!?])[ \t]+({NAME_WORD.pattern})(?=[ \t]+[{_LOW}]|[ \t]*[,;:)])")
_FOLLOWING_WORD = re.compile(rf"[ \t]({NAME_WORD.pattern})(?![\w'])")
_COORDINATED = re.compile(rf"({NAME_WORD.pattern})[ \t]+(?:and|e|&)[ \t]+\Z")
_SPEAKER = re.compile(rf"(?m)^[ \t]*({NAME_WORD.pattern})(?=:[ \t])")
_LOWER_WORD = re.compile(rf"[{_LOW}]{{2,}}(?![\w@])")


def _words(text: str) -> list[str]:
    return text.split()


_STOP_WORDS = _words("""
A An And Are As At Be Been But By Can Could Did Do Does Done For From Had Has Have He Her Here
Hers Him His How I Im If In Into Is It Its Just Me Mine My No Not Now Of Off Ok Okay On Only Or
Our Out Over Please She So Some Still Such That The Their Them Then There These They This Those
To Too Up Us Very Was We Were What When Where Which Who Whom Whose Why Will With Would Yes Yet You
Your Yours All Any Also Again Always Another Anyone Anything Both Each Either Every Everyone
Everything Few Many More Most Much Must Never Neither None Nothing Other Same Should Shall May
Might Sure Thanks Thank Hi Hello Hey Dear Sorry Help Today Tomorrow Yesterday Tonight Morning
Afternoon Evening Night Week Weekend Month Year Monday Tuesday Wednesday Thursday Friday Saturday
Sunday January February March April June July August September October November December
Customer Customers Service Services Support Team Care Desk Manager Agent Agents Store Shop Order
Orders Account Accounts App Apps Email Mail Phone Mobile Online Internet Website Web Site Chat
Delivery Refund Return Returns Product Products Item Items Package Parcel Card Bank Payment Price
Company Brand Business Office Department Police Court Government State City Country World Street
Road Avenue Happy Sad Angry Upset Disappointed Furious Frustrated Tired Sick Fed Waiting Trying
Going Stuck Confused Annoyed Livid Done Back Really Ridiculous Unacceptable Terrible Awful Great
Good Bad Fine Well New Old Big Small First Last Next Best Worst Free Real True False Right Wrong
Official Verified Premium Pro Plus Max Mini Lite Ultra Home Work School Family Friends Kind
Regards Cheers Best Sincerely Yours Love Xoxo Guys Folks Everyone Everybody Someone Somebody
Mr Mrs Ms Miss Mx Dr Prof Sir Madam Lady Lord Dame Mister Missus Doctor Professor Captain
English Italian American British European Spanish French German Chinese Indian Google Apple
Amazon Microsoft Facebook Instagram Twitter Youtube YouTube Tiktok TikTok Whatsapp WhatsApp
Netflix Spotify Xbox Playstation PlayStation Android Iphone Ipad Windows Mac Uber Zoom Hulu
Dropbox Adobe Yahoo Paypal PayPal Ebay Visa Mastercard Amex Covid Coronavirus Christmas Easter
Il Lo La Le Gli Un Una Uno Ed Ma Se Che Non Sono Ho Hai Ha Abbiamo Avete Hanno Mi Ti Ci Vi Si
Io Tu Lui Lei Noi Voi Loro Mio Mia Miei Mie Tuo Tua Suo Sua Nostro Nostra Vostro Vostra Grazie
Ciao Buongiorno Buonasera Buonanotte Salve Gentile Gentili Cordiali Saluti Distinti Per Con Su
Da Di In Al Allo Alla Ai Agli Alle Del Dello Della Dei Degli Delle Nel Nella Sul Sulla Questo
Questa Questi Queste Quello Quella Oggi Ieri Domani Ancora Sempre Mai Molto Davvero Anche Come
Dove Quando Perché Perche Cosa Chi Qui Qua Ecco Tutto Tutti Tutte Niente Nulla Assistenza
Clienti Cliente Servizio Ordine Ordini Pacco Consegna Rimborso Reso Prodotto Negozio Conto Carta
Banca Pagamento Prezzo Azienda Ufficio Arrabbiato Arrabbiata Deluso Delusa Stanco Stanca Stufo
Stufa Contento Contenta Felice Triste Scusate Scusa Salve Lunedì Martedì Mercoledì Giovedì
Venerdì Sabato Domenica Gennaio Febbraio Marzo Aprile Maggio Giugno Luglio Agosto Settembre
Ottobre Novembre Dicembre Italiano Italiana Inglese Sig Signor Signora Signorina Dott Dottore
Dottoressa Avv Ing Via Viale Piazza Corso Largo Vicolo Strada Natale Pasqua Anyway However
Unfortunately Hopefully Honestly Seriously Literally Actually Basically Finally Otherwise
Because Since Until Unless Although Though While After Before During Without Within About
Above Below Under Between Through Across Around Against Among Plus Minus Per Via Re Fwd Fw
""")
STOP: frozenset[str] = frozenset(_STOP_WORDS)
_LOWER_STOP: frozenset[str] = frozenset(w.lower() for w in _STOP_WORDS) | frozenset(
    _words("""
    a an the not on in at of to is was be been being also already still just now here there
    wrong incorrect misspelled spelled spelt missing different correct right listed showing
    shown written printed displayed changed same above below below same on under unknown
    very really so too quite mentioned attached written blank empty hidden private public
    e è il lo la le un una di da in con su per tra fra sbagliato sbagliata diverso diversa
    scritto scritta corretto corretta giusto giusta errato errata
    """)
)

# First names that are also common words, places or brands: a name only with a cue or a
# surname after them ("Grace Kelly", not "grace period").
_AMBIGUOUS_WORDS = """
Ale Amico Amor Angel April Aura Austin Bill Bo Brit Brooklyn Cal Cara Carolina Chase Che Crystal
Dale Dawn Del Destiny Diamond Don Eden Edit Else Eve Faith Fay Floor Flora Florence Frank Gene
Georgia Grace Grant Guy Harley Harmony Hope Hunter Ida India Ira Iris Ivy Jack Jade Jet Job Jordan
Joy June Kick Kingston Lance Lea Leon Lex Lincoln Liv Logan Lot Luce Luna Mar Mare Mark Mason
Max May Meg Melody Mercedes Meta Mike Mina Mira Misty Nada Nova Olive Pam Paris Parker Paz Penny
Pero Phoenix Pia Pier Piper Polly Quinn Ray Rex Rob Rosa Rose Ruby Sal Sante Sol Sole Stan
Stella Sue Summer Autumn Sydney Taylor Te Toby Tom Trinity Troy Una Urban Vera Victoria Viola
Virginia Wolf Catalina Alexa Amber Bianca Chiara Serena Marina Franco Fortunato Vittoria Regina
Carter Cooper Modesto Clemente Octavia Fabia Giulietta Consuelo Trinidad Ava Bella Ella
Lola Gala Cruz Luz Flor Reyes Justice Haven Sky Skye Storm River Rain Sunny Ace Duke Earl King
Prince Royal Major Dusty Rocky Sonny Angie Bobby Billy Sandy Holly Daisy Poppy Heather Hazel
Ginger Candy Honey Cherry Coral Pearl Opal Ruby Sage Jewel Precious Star Bud Buck Cash Chip
Dash Colt Miles Lee Long Young Will Jean Sue Pat Patty Ted Ward
"""
AMBIGUOUS: frozenset[str] = frozenset(_AMBIGUOUS_WORDS.split())

_TITLES = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam|Dame|Lady|Lord|Mister|Messrs|Sig\.ra|Sig\.na|"
    r"Sigg|Sig|Signor|Signora|Signorina|Dott\.ssa|Dott|Dottor|Dottore|Dottoressa|Prof\.ssa|"
    r"Avv|Avvocato|Ing|Geom|Rag|Arch|Gent\.mo|Gent\.ma|Gent\.mi|Egr|Egregio|Spett\.le)\b\.?"
)
_RELATIVES = (
    r"husband|wife|son|daughter|partner|mum|mom|mother|dad|father|friend|neighbour|neighbor|"
    r"brother|sister|kid|child|baby|boss|colleague|grandma|grandpa|grandmother|grandfather|"
    r"nan|nana|uncle|aunt|auntie|cousin|nephew|niece|fianc[ée]e?|boyfriend|girlfriend|"
    r"flatmate|roommate|landlord|landlady|marito|moglie|figlio|figlia|figli|compagno|compagna|"
    r"madre|padre|mamma|papà|papa|amico|amica|fratello|sorella|nonno|nonna|zio|zia|cugino|"
    r"cugina|nipote|vicino|vicina|collega|capo|fidanzato|fidanzata|coinquilino|coinquilina"
)
_ROLES = (
    r"agent|rep|representative|adviser|advisor|associate|operator|manager|supervisor|driver|"
    r"courier|technician|engineer|employee|cashier|clerk|staff member|guy|lady|man|woman|"
    r"operatore|operatrice|addetto|addetta|commesso|commessa|corriere|tecnico|responsabile|"
    r"direttore|direttrice|impiegato|impiegata|fattorino|signore|ragazzo|ragazza"
)
#: Cues after which any capitalised, non-common word is a name.
STRONG_CUES = re.compile(
    r"(?i:\bmy name(?:'s| is)|\bname\s*(?:is|:)|\bnames?\s*(?:are|:)|\bfull name(?: is)?:?|"
    r"\bfirst name(?: is)?[:?]?|\blast name(?: is)?[:?]?|\bsurname(?: is)?[:?]?|"
    r"\bmaiden name(?: is)?:?|\bcall me|\b(?:called|named|nicknamed)|\bsigned,?|"
    r"\byours (?:truly|sincerely|faithfully),?|\bsincerely,?|\baccount holder:?|"
    r"\bthe name on (?:the|my|your) (?:account|card|order|booking|ticket|reservation)"
    r"(?: is)?:?|\bunder the name(?: of)?|\bin the name of|\bbeneficiary:?|\bguardian:?|"
    r"\battn:?|\battention:?|\bc/o|\bcare of|\bcontact(?: person)?:|"
    r"\b(?:spoke|spoken|talked|chatted|speaking|talking|dealt) (?:to|with)|"
    r"\b(?:my|our|his|her|their|your) (?:" + _RELATIVES + r")(?:'s name is|,)?|"
    r"\b(?:mio|mia|il mio|la mia|tuo|tua|suo|sua) (?:" + _RELATIVES + r")(?:,| si chiama)?|"
    r"(?:\b(?:an?|the|your|one|il|la|un|una|vostr[oa]) |\bl')(?:" + _ROLES + r")"
    r"(?: called| named| di nome| chiamat[oa])?|"
    r"\b(?:says|said|asked|told|wrote|replied|starring|featuring|according to|"
    r"directed by|written by|ha detto|dice|secondo)|"
    r"\bmi chiamo|\bil mio nome è|\bnome(?: e cognome)?\s*:|\bcognome\s*:|\bnominativo:?|"
    r"\bfirmato,?|\bintestat[oa] a|\ba nome di|\btitolare:?|\breferente:?|"
    r"\b(?:ho |abbiamo |hanno )?parlato con|\bdi nome|\bchiamat[oa]|\bsi chiama)[ \t]+"
    r"|\b" + _TITLES + r"[ \t]+"
    r"|(?i:\b(?:gentile|gentilissim[oa]|car[oa]|carissim[oa]|dear|egregio))[ \t]+"
)
#: Cues after which a known first name, or two capitalised words, is a name.
WEAK_CUES = re.compile(
    r"(?i:\b(?:i am|i'm|i’m|im|this is|here is|here's|io sono|sono|qui è|hi|hello|hey|hiya|"
    r"ciao|salve|buongiorno|buonasera|morning|thanks|thank you|grazie))[ \t,]+"
)
#: A closing or signature at the end of a line: "Thanks, Anna", "- Marco Rossi".
CLOSINGS = re.compile(
    r"(?i:(?:^|\n|[.!?)]\s+)(?:thanks|thank you|many thanks|thanks again|regards|kind regards|"
    r"best regards|best wishes|best|cheers|sincerely|take care|grazie|grazie mille|saluti|"
    r"cordiali saluti|distinti saluti|un saluto|a presto|buona giornata))[,!.]?[ \t]+"
    r"|(?:^|\n|\s)[-–—~][ \t]?",
)


def _names_at(text: str, pos: int) -> list[tuple[int, int]]:
    """Capitalised, non-common words from ``pos``: [(start, end)] of each word in a row."""
    words: list[tuple[int, int]] = []
    while len(words) < 4:
        if words:
            gap = _GAP.match(text, pos)
            if gap is None:
                break
            after = gap.end()
            particle = _PARTICLE.match(text, pos)
            if particle is not None:
                after = _GAP.match(text, particle.end()).end()  # type: ignore[union-attr]
            initial = _INITIAL.match(text, after)
            if initial is not None:
                words.append(initial.span())
                pos = initial.end()
                continue
        else:
            after = pos
        m = NAME_WORD.match(text, after)
        if m is None or m.group(0) in STOP:
            break
        words.append(m.span())
        pos = m.end()
    return words


def _with_suffix(text: str, end: int) -> int:
    m = _SUFFIX.match(text, end)
    return m.end() if m else end


class NameFinder:
    """Finds names; ``first_names``/``surnames`` replace the shipped lists (tests, benchmarks)."""

    def __init__(
        self,
        *,
        first_names: Iterable[str] | None = None,
        surnames: Iterable[str] | None = None,
    ) -> None:
        firsts = frozenset(first_names) if first_names is not None else namelists.first_names()
        lasts = frozenset(surnames) if surnames is not None else namelists.surnames()
        self.first_names, self.free_first_names, self.lower_first_names, self.surnames = _lists(
            firsts, lasts
        )
        # Surnames that are also common words ("French", "Black") count after a first name.
        self.any_surnames = lasts

    def find(self, text: str) -> Iterator[Found]:
        found = [
            *self._speakers(text),
            *self._cued(text),
            *self._closings(text),
            *self._signature(text),
            *self._known(text),
            *self._sentence_start(text),
            *self._inside_sentence(text),
        ]
        yield from found
        yield from self._around(text, found)

    def _sentence_start(self, text: str) -> Iterator[Found]:
        """A surname opening a sentence before a lower-case word ("Snyder began writing"), or
        a first name before a verb of speech or being ("Rosa is from ...")."""
        for m in _SENTENCE_START.finditer(text):
            word, nxt = m.group(1), m.group(2)
            if word in STOP:
                continue
            surname_only = word in self.surnames and word not in self.first_names
            if surname_only or (word in self.first_names and nxt.lower() in _NAME_VERBS):
                yield Found("NAME", *m.span(1))

    def _inside_sentence(self, text: str) -> Iterator[Found]:
        """A surname (and no first name or common word) inside a sentence, before a lower-case
        word or a mark ("This song by ex-Zombie Gangemi is ..."); before another capitalised
        word it is more often a firm or a product ("Wells Fargo", "Black Ops")."""
        for m in _INSIDE.finditer(text):
            word = m.group(1)
            if word in self.surnames and word not in self.first_names and word not in STOP:
                yield Found("NAME", *m.span(1))

    def _around(self, text: str, found: list[Found]) -> Iterator[Found]:
        """What joins a name found: a surname after a first name even if it is also a word
        ("George French"), and a known name coordinated with it ("Miller and Walters")."""
        for f in found:
            after = _FOLLOWING_WORD.match(text, f.end)
            if (
                after
                and after.group(1) in self.any_surnames
                and text[f.start : f.end] in self.first_names
            ):
                yield Found("NAME", *after.span(1))
            before = _COORDINATED.search(text, max(0, f.start - 40), f.start)
            if (
                before
                and before.group(1) not in STOP
                and (before.group(1) in self.surnames or before.group(1) in self.first_names)
            ):
                yield Found("NAME", *before.span(1))

    def _span(self, text: str, words: list[tuple[int, int]]) -> Found:
        return Found("NAME", words[0][0], _with_suffix(text, words[-1][1]))

    def _cued(self, text: str) -> Iterator[Found]:
        for m in STRONG_CUES.finditer(text):
            words = self._read(text, m.end())
            if words:
                yield self._span(text, words)
            elif _is_name_cue(m.group(0)):
                # "my name is joe": a lower-case name after the surest cues.
                low = _LOWER_WORD.match(text, m.end())
                if low and low.group(0) not in _LOWER_STOP:
                    yield Found("NAME", *low.span())
        for m in WEAK_CUES.finditer(text):
            words = self._read(text, m.end())
            if len(words) >= 2 or (words and self._known_word(text, words[0])):
                yield self._span(text, words)
            elif not words and _is_self_cue(m.group(0)):
                low = _LOWER_WORD.match(text, m.end())
                if low and low.group(0) in self.lower_first_names:
                    yield Found("NAME", *low.span())

    def _speakers(self, text: str) -> Iterator[Found]:
        """A known first name that labels a line of a pasted chat ("Victoria: thanks")."""
        for m in _SPEAKER.finditer(text):
            if m.group(1) in self.first_names:
                yield Found("NAME", *m.span(1))

    def _signature(self, text: str) -> Iterator[Found]:
        """A known name alone at the very end, after a full stop or on its own line
        ("... call me after 6. Joy")."""
        end = len(text.rstrip())
        start = max(0, end - 80)
        m = _LAST_WORDS.search(text[start:end])  # the tail only: no scan of long blank runs
        if m is None:
            return
        words = self._read(text, start + m.start("name"))
        if words and all(
            text[a:b] in self.first_names or text[a:b] in self.surnames for a, b in words[:1]
        ):
            yield self._span(text, words)

    def _closings(self, text: str) -> Iterator[Found]:
        for m in CLOSINGS.finditer(text):
            words = self._read(text, m.end())
            if not words:
                continue
            end = _with_suffix(text, words[-1][1])
            rest = text[end : end + 3]
            if not rest.strip(" \t.!") or rest.lstrip(" \t.!").startswith(("\n", "^", "/")):
                yield Found("NAME", words[0][0], end)

    def _known(self, text: str) -> Iterator[Found]:
        for m in NAME_WORD.finditer(text):
            word = m.group(0)
            prev = _PREVIOUS_WORD.search(text, max(0, m.start() - 40), m.start())
            prev_word = prev.group(1) if prev is not None else ""
            if prev_word in _PLACE_PREFIXES:
                continue  # "San Antonio", "New York"
            prev_ok = bool(prev_word) and prev_word not in STOP
            if word in self.free_first_names:
                words = self._read(text, m.start())
            elif word in self.first_names or word in self.surnames:
                words = self._read(text, m.start())
                if not words:
                    continue
                if len(words) >= 2:
                    # "Grace Kelly" counts; a surname before another capitalised word is
                    # more often a product or a firm ("Black Ops", "Wells Fargo").
                    if word not in self.first_names:
                        continue
                elif _NEXT_CAPITAL.match(text, words[0][1]) or not (
                    (prev_ok and prev is not None and _line_or_mid(text, prev.start(1)))
                    or _mid_sentence(text, m.start())
                ):
                    # Alone, it counts where a capital letter means a proper noun ("said
                    # Victoria", "the Smith novel"), or after a capitalised word that starts a
                    # line or follows a lower-case one ("Dwayne Smith").
                    continue
            else:
                continue
            start = words[0][0]
            if (
                prev is not None
                and prev_ok
                and (
                    prev_word in self.surnames
                    or prev_word in self.first_names
                    or word in self.surnames
                )
                and len(words) == 1
            ):
                start = prev.start(1)  # "Rossi Mario", "Dwayne Smith"
            yield Found("NAME", start, _with_suffix(text, words[-1][1]))

    def _read(self, text: str, pos: int) -> list[tuple[int, int]]:
        return _names_at(text, pos)

    def _known_word(self, text: str, span: tuple[int, int]) -> bool:
        return text[span[0] : span[1]] in self.first_names


@lru_cache(maxsize=8)
def _lists(
    firsts: frozenset[str], lasts: frozenset[str]
) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """First names, those that count without a cue, the same in lower case, and surnames."""
    first = frozenset(n for n in firsts if n not in STOP)
    free = first - AMBIGUOUS
    return (
        first,
        free,
        frozenset(n.lower() for n in free),
        frozenset(n for n in lasts if n not in STOP),
    )


_MID_SENTENCE = re.compile(
    r"(?:(?<![\w@#'’/.=?&-])[a-zà-öø-ÿ][\w'’]*|[,;:(&\"“])[ \t]*\Z"  # not a link's tail
)
_LINE_START = re.compile(r"(?:\A|\n)[ \t>\-–—]*\Z")
_PLACE_PREFIXES = frozenset(
    _words(
        "San Santa Santo Saint St Sankt Los Las Le La El New Fort Port Mount Lake Cape Upper Lower "
    )
    + _words("North South East West Monte Porto Villa Borgo Castel Castello Isola")
)


def _mid_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a lower-case word or a comma, not a full stop."""
    return _MID_SENTENCE.search(text, max(0, start - 30), start) is not None


def _line_or_mid(text: str, start: int) -> bool:
    return (
        _mid_sentence(text, start)
        or _LINE_START.search(text, max(0, start - 10), start) is not None
    )


def _is_name_cue(cue: str) -> bool:
    return bool(
        re.match(
            r"(?i)(?:my name(?:'s| is)|name\s*(?:is|:)|mi chiamo|il mio nome è|first name|"
            r"last name|surname|nome\s*:|cognome\s*:|call me)",
            cue.strip(),
        )
    )


def _is_self_cue(cue: str) -> bool:
    return bool(re.match(r"(?i)(?:i am|i'm|i’m|im|this is|io sono|sono|hi|hello|hey|ciao)", cue))
