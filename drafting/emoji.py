"""Which characters are emoji: one definition for every module that counts, strips or splits
text on them (a channel's emoji rule, the sentence splitter, the offline rewriter, sentiment)."""

from __future__ import annotations

import re

#: Pictographs and symbols, as a character-class body: the emoji planes (flags' regional
#: indicators, emoticons, transport, supplemental symbols), miscellaneous technical symbols
#: (⌛, ⏰), miscellaneous symbols and dingbats (☀, ✅, ❤) and arrows and stars (⬆, ⭐).
EMOJI_CHARS = "\U0001f000-\U0001faff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff"
#: What may follow an emoji inside one: skin tones, the emoji variation selector and the
#: zero-width joiner ("👍🏽", "❤️", "👩‍💻").
EMOJI_MODIFIERS = "\U0001f3fb-\U0001f3ff\ufe0f\u200d"

EMOJI = re.compile(f"[{EMOJI_CHARS}]")
#: An emoji with its modifiers: what a reader sees as one.
EMOJI_SEQUENCE = re.compile(f"[{EMOJI_CHARS}][{EMOJI_CHARS}{EMOJI_MODIFIERS}]*")
