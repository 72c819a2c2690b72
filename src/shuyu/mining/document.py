"""The terms of one document, as a translator meets it.

Corpus mining (``miner``) needs repetition across the corpus; a single
resolution names most of its bodies and documents once.  So a document's
terms come from four sources, each stated in the result:

- ``title``: a title cited in 《…》 (also with the year written before it:
  1971年《精神药物公约》), or in quotation marks after 题为 or before a head
  (“关于…的共同点”文件); a name quoted before the nouns it qualifies, with its
  quotation marks ("红蝴蝶"行动部队);
- ``abbreviation``: a name defined with its short form in brackets
  (联合国开发计划署（开发署））;
- ``name``: a word jieba's lexicon tags as an institution (国际货币基金组织), or
  a noun phrase ending on an institutional head (…委员会, …框架, …议程).  The
  heads are the generic type nouns with which UN names of bodies, meetings,
  funds, programmes, offices and processes end (``INSTITUTIONAL_HEADS``) and the
  last words of the titles and defined names of the corpus and of this document
  (计划, 战略, 措施 …: learned); a name on a learned head, or one joining two
  phrases with 和, carries a proper name (海地制止霍乱全国计划; not 全国计划,
  国际和区域组织).  Its left edge stops at function words, at the predicate of a
  body or of a preposition's object (经社理事会|提供…, 在南苏丹共和国|建立…) and
  at a verb an adverb governs; it reaches back to the place a name is named
  after (海地|发展外部援助协调框架) and to the first character of a short form
  jieba cut (禁|化武组织), to the start of a known term or of a CC-CEDICT name
  it cuts (不|扩散|核武器条约…: the dictionary's 不扩散核武器条约), and over a
  phrase 关于…的 a title opens with (关于…的鹿特丹公约), and over the topic of a body or mandate named for an
  issue, "<topic>问题<head>", which may coordinate verbs (促进和保护意见和表达自由权问题特别报告员).  Nor does a name
  hold a modal or relational verb or a quantifier (必须|审查…, 包括|探讨…), nor start before the end of a department's
  name (安全理事会事务司|安全理事会惯例和宪章研究处); a name only ever counted or quantified (多个|国际论坛) is a
  class.  Nor does a name hold a
  clause: a verb after a body, a modal between (裁军谈判会议|无法|设立…), an idiom
  built like a predicate (集团|着重指出|国际法院) or a one-character adverb (就) end
  it; a verb right before the head is the name's where the document or corpus
  writes the two after a year or a quotation mark (2015年|审议大会, “执行委员会”),
  not a verb and its object (设立|委员会).  A dated meeting keeps the body written before its year
  (不扩散核武器条约缔约国2015年审议大会), and the dated short name stays.  Also names:
  international years, days and decades (2013国际水合作年), regional groups of
  States (拉丁美洲和加勒比国家), an organ or office written after its body
  (禁化武组织|执行理事会, 粮农组织|总干事, 环境署|执行主任: ``OFFICES``), and a
  body named by its bare head where it stands alone (委员会, 理事会, 大会) or holds sessions (论坛第十届会议), and
  a thing named for a person whose transliterated name has middle dots (联合国纳尔逊·罗利拉拉·曼德拉奖);
- ``known``: the corpus's mined terms that occur in the document and stand alone
  in it: not cutting a word of the clause (共和|国境内), not a place, not bound to
  a function word, not an anaphor (该公约), not a predicate, idiom or description
  (至关重要, 绳之以法, 不利影响), and whose parts hold together in the corpus
  (not 国家|发展: ``_cohesive``); the names the corpus defines with a short form
  (儿基会).  Less attested ones (below ``_ESTABLISHED_SCORE``) only when they name
  a body (安理会, 圆桌会议), and last.  A word of the general lexicon used once
  and known only from the corpus is listed when the corpus attests it strongly
  (``_SALIENT_SCORE``: not 合作伙伴, 解决办法);
- ``key``: what is new in it compared with the rest of the corpus (log-likelihood
  keyness of its recurring well-formed word n-grams), when the recurrence is the
  gram's own: not a piece of a name written before a year or next to the
  interpunct of a foreign name, not a verb the text never uses as a noun, not a
  head repeated inside one coordination (会议口译和公共服务口译) nor the second
  half of a recurring pair (男子和男童); a gram jieba cut from a word grows to it
  (多|国方案文件).  A known term used once and counted there (一个优先事项) is a
  common noun, and one followed by an aspect particle (审查了) a predicate.

A string that is a piece of a unit grows to the unit (``_bound_whole``): where
the word next to it is the same at each of its occurrences and the corpus writes
it there too (持续森林管理 → 可持续森林管理, 核武器条约 → 不扩散核武器条约), or
where the document does so three times or more (备忘录 → 谅解备忘录).

A name keeps a year or a range of years written just before it
(2015-2030年仙台减少灾害风险框架, 2030年可持续发展议程), and is listed without
them too; a year coordinated with another is not the name's (2005年和2010年
高级别会议).  Counts are taken in the document twice: ``total`` (every
occurrence) and ``count`` (occurrences not inside a longer term of the list:
发达国家 outside 最不发达国家); examples come from the latter.  A name written
only inside a longer one stays when it names a part of it (德班审查会议 in
德班审查会议成果文件), not when it is the same thing with a word less
(敌对行动协定 in 停止敌对行动协定).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from shuyu.mining.miner import (
    _NUMBERED,
    DETERMINERS,
    FUNCTION_CHARS,
    NOMINAL_TAGS,
    _predicate_word,
    _specificity,
    iter_passages,
    pos_pattern,
    well_formed,
)
from shuyu.text import cedict
from shuyu.text.numbers import ZH_NUMERAL
from shuyu.text.places import is_place
from shuyu.text.zh import CJK, dictionary_count

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_ABBREVIATION = re.compile(rf"[（(]([{CJK}]{{2,8}}|[A-Z][A-Za-z-]{{1,9}})[）)]")
_YEARS_BEFORE = re.compile(r"(?:\d{4}\s*[-–—]\s*)?\d{4}年$")
_YEARS = r"(?:\d{4}\s*[-–—]\s*)?\d{4}年?"
_INTERPUNCT = "·•‧・"  # between the given and family names of a foreign person: 纳尔逊·曼德拉
_DOTTED = re.compile(rf"[{CJK}]+([{_INTERPUNCT}])[{CJK}]+(?:[{_INTERPUNCT}][{CJK}]+)*")  # 纳尔逊·罗利拉拉·曼德拉
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{2,60})[\"”]")
# International years, days and decades: 2013国际水合作年, 2005-2015"生命之水"国际行动十年, 国际白化病宣传日
_OBSERVANCE = re.compile(
    rf"({_YEARS})?\s*((?:[\"“][^\"“”\n]{{1,20}}[\"”])?(?:国际|世界|联合国)[{CJK}]{{1,12}}?(?:十年|年|日|周))"
)
_PERSONAL_PRONOUNS = frozenset({"它们", "他们", "她们", "它", "其"})
_DEMONSTRATIVES = ("该", "这些", "此", "这", "那些", "上述")  # not 其: 其任务授权 is its mandate
# A demonstrative, with the number and classifier it may take (这两个|出版物, 这三项|决定): the text refers back
_ANAPHOR_BEFORE = re.compile(rf"(?:{'|'.join(_DEMONSTRATIVES)})(?:[\d{ZH_NUMERAL}]+[个项名种类份次])?$")
_UNIT_HEADS = ("司", "厅", "处", "部", "办", "股")  # departments, offices, units: 事务司, 项目厅, 安保部, 罪行股
_ORDINAL = re.compile(rf"第[\d{ZH_NUMERAL}]+[届次]")  # 第六十六届, 第51次: a session's or meeting's number
_BODY_HEADS = ("委员会", "理事会", "大会")  # bodies a resolution names by the bare head: the Committee, the Assembly
_CLAUSE_BREAK = re.compile(r"[，。；：、！？“”《》（）()\[\]\s,;:]")
_NAME_TAGS = NOMINAL_TAGS + ("f", "b")  # 东欧国家; 麻醉品单一公约 (b: a noun modifier)
_PLACE_TAGS = ("ns", "s", "nrt")  # nrt: jieba's transliterated names (加勒比)
_PROPER_TAGS = ("ns", "s", "nr", "nt", "nz", "j", "eng")  # eng: the digits of 1591委员会, the Latin of a name
# Prepositions whose object a verb follows as the predicate (在X建立…, 向X提供…), unlike 根据/按照 + a document
_PREDICATE_PREPOSITIONS = frozenset("在于从向对同与跟为给由")
_NOUN_PHRASE_BEFORE = frozenset('年"“向由同与该本各其')  # what only a noun phrase follows (a year: 2015年审议大会)
_ORDINAL_BEFORE = re.compile(_ORDINAL.pattern + "$")
_ASPECT_TAGS = ("ul", "uz", "ug")  # jieba's aspect particles after a verb: 了, 着, 过
_AND_WORDS = frozenset({"和", "及", "与"})  # "and": joins two names, or two words of one
_CLAUSE_WORDS = frozenset({"是", "将", "把", "被", "让", "使"})
# Closed classes that belong to a clause, never to a name: modal verbs (必须|审查…), relational and copular verbs, whose
# complement says what the subject is or holds (措施|包括|探讨…, 个人|担任|项目厅…), and determiners and quantifiers
# (审查|所有|现有议程, 在|多个|国际论坛): what a name is made of is nouns and the verbs of a topic phrase.
_MODAL_VERBS = frozenset({"必须", "必需", "务必", "应", "应当", "应该", "可以", "能够", "须"})
_RELATIONAL_VERBS = frozenset({"包括", "包含", "担任", "成为", "作为", "属于"})
_QUANTIFIERS = DETERMINERS | {"各", "各个", "每", "多个", "若干", "某些", "诸多", "众多", "一切"}
_NUMBER_OF = re.compile(rf"(?:\d+|[{ZH_NUMERAL}]+|几|数)个$")  # 25个, 两个, 几个: a number of things of a kind
# Conditional conjunctions open a clause, whatever jieba tags them (这表明|假设|政府表现出…: "if the government …").
_CONDITIONALS = frozenset({"如果", "假如", "假设", "倘若", "要是", "如若"})
_NOT_IN_NAMES = _CLAUSE_WORDS | _MODAL_VERBS | _RELATIONAL_VERBS | _QUANTIFIERS | _CONDITIONALS
_LEADING_NOISE = ("v", "d", "p", "c", "u", "r", "m", "q", "a", "y", "x", "b")
INSTITUTIONAL_HEADS = frozenset(
    [
        "委员会",
        "理事会",
        "大会",
        "会议",
        "首脑会议",
        "论坛",
        "组织",
        "基金",
        "基金会",
        "方案",
        "计划署",
        "署",
        "议程",
        "框架",
        "公约",
        "宣言",
        "纲领",
        "行动计划",
        "议定书",
        "协定",
        "机制",
        "进程",
        "联盟",
        "集团",
        "机构",
        "小组",
        "组",
        "工作组",
        "办公室",
        "专员",
        "报告员",
        "调查团",
        "秘书处",
        "银行",
        "中心",
        "伙伴关系",
        "十年",
        "倡议",
        "特派团",
        "政府",
        "法庭",
        "法院",
        *_UNIT_HEADS,  # 司, 厅, 处, 部, 办, 股: the units of a secretariat (``_is_unit``)
    ]
)
# Offices a body's name is written before (粮农组织总干事, 环境署执行主任, 大会主席): the office is a name too
OFFICES = frozenset(["秘书长", "总干事", "主任", "主席", "秘书", "顾问", "特使", "协调员", "高级专员"])
_KNOWN_SCORE = 1.0  # known terms: the corpus's mined terms above the score the miner leaves collocations and
# everyday words at (×0.1, × specificity); …
_ESTABLISHED_SCORE = 20.0  # … those above this are well attested (about the best 500 of the bundled corpus)
_SALIENT_SCORE = 100.0  # … and those above this (about the best 150) need no second occurrence in the document
_COHESION = 2.5  # e^2.5 ≈ 12 times as often together as their frequencies predict
_DOC_BOUND = 3  # a string the document writes this often, always next to the same word, is a piece of a unit
_MAX_GROWTH = 6  # words a piece grows by at most towards its unit: a bound on the loop, set by hand
# How far before a name's left edge (characters) a CC-CEDICT entry it cuts may start: 98.6% of the dictionary's
# entries of four characters or more have nine or fewer.
_DICTIONARY_REACH = 8
_ABOUT_MAX_CHARS = 60  # the longest 关于…的 clause read as a title's, the bound of a quoted title (_QUOTED)
# A term the corpus writes after (or before) one function word this often is bound to it; one it writes next to
# the same content word this often is a piece of a unit (``_bound_whole``).
_BOUND_SHARE = 0.9
# Characters read before or after an occurrence to tag the words next to it: more than a word or a 第N届 ordinal
# takes; set by hand.
_CONTEXT_CHARS = 12
# How far before a name (characters) 在 may open the frame its 中 closes (在|反|…过程中): a word or two, set by hand.
_FRAME_CHARS = 3
_KEY_LL = 10.83  # log-likelihood of p < 0.001
_SOURCE_ORDER = {"title": 0, "abbreviation": 0, "name": 1, "known": 2, "key": 3}
_WEAK_ORDER = 4


@dataclass
class DocumentTerm:
    term: str
    count: int  # in the document, outside longer terms of this list
    total: int  # in the document, all occurrences
    sources: list[str]
    keyness: float  # log-likelihood against the rest of the corpus (positive: more frequent here)
    corpus_freq: int  # occurrences in the rest of the corpus
    examples: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def document_terms(store, document: str | Path, limit: int | None = None) -> list[DocumentTerm]:
    """The terms of a stored document (by id) or of a file, against the stored corpus."""
    path = Path(str(document))
    if store.document_row(str(document)) is not None:
        doc_id = str(document)
        paragraphs = [row["text"] for row in store.paragraphs(doc_id)]
    elif path.is_file():
        from shuyu.corpus import parse_document, read_file

        doc_id = None
        paragraphs = [p.text for p in parse_document(read_file(path)).paragraphs]
    else:
        from shuyu.errors import InputError

        raise InputError(f"{document}: neither a document of the corpus nor a file")
    passages = list(iter_passages(store))
    same = {doc_id} if doc_id else _stored_copies(paragraphs, passages)
    rest = [p.text for p in passages if p.doc_id not in same]
    mined = [row for row in store.terms() if row["score"] >= _KNOWN_SCORE and _nominal_term(row["term"])]
    mined = [row for row in mined if _cohesive(row)]
    known = [row["term"] for row in mined if row["score"] >= _ESTABLISHED_SCORE]
    weak = [row["term"] for row in mined if row["score"] < _ESTABLISHED_SCORE]
    salient = {row["term"] for row in mined if row["score"] >= _SALIENT_SCORE}
    terms = terms_of_text(paragraphs, rest, known, weak, salient)
    return terms[:limit] if limit else terms


def _stored_copies(paragraphs: list[str], passages: list) -> set[str]:
    """The stored documents that hold at least half of a file's paragraphs: the same document, already in the corpus.
    Its own words are no evidence of the rest of the corpus, so a file is read as its stored copy would be (a new
    document is in no corpus: keyness and a piece's unit are learned from the others)."""
    own = set(paragraphs)
    shared = Counter(p.doc_id for p in passages if p.text in own)
    return {doc for doc, n in shared.items() if 2 * n >= len(own)}


def _cohesive(row) -> bool:
    """Whether a mined term's parts hold together: its weakest split's pointwise mutual information in the corpus (the
    miner's ``cohesion``) at ``_COHESION`` or more.  Below, the term is two frequent words side by side (国家|发展,
    发展|框架, 安全|问题), a free combination however often the corpus writes it."""
    stats = row["stats"] if isinstance(row["stats"], dict) else {}
    return stats.get("cohesion", _COHESION) >= _COHESION


def terms_of_text(
    paragraphs: list[str], rest: list[str], known: list[str], weak: list[str] = (), salient: set[str] | None = None
) -> list[DocumentTerm]:
    """The terms of a document's paragraphs; ``rest`` is the rest of the corpus, ``known`` its well-attested mined
    terms and ``weak`` the others (only those naming a body are listed, last).  A known word the document uses once,
    on no evidence of its own, is listed when it is ``salient`` (all are when None), names a body or an office."""
    text = "\n".join(paragraphs)
    sources: dict[str, set[str]] = defaultdict(set)
    for name, short in _definitions(paragraphs):
        sources[name].add("abbreviation")
        sources[short].add("abbreviation")  # the short form is the name as the text goes on to use it
    rest_text = "\n".join(rest)
    defined = _definitions(rest)
    heads = INSTITUTIONAL_HEADS | _marked_heads(
        _titles(text) + list(sources), _titles(rest_text) + [n for n, _ in defined]
    )
    for title in _cited_titles(text, heads):
        sources[title].add("title")
    pairs, inner_names = _add_names(sources, paragraphs, heads, known, weak, rest_text)
    defined_forms = {form for name, short in defined for form in (name, short)}
    for term in known + sorted(defined_forms):  # and the names the corpus defines
        if term in text and not _descriptive(term, strict=False):
            sources[term].add("known")
    weak = {term for term in weak if term in text and term not in sources and _names_a_body(term)}
    for term in weak:
        sources[term].add("known")
    rest_chars, doc_chars = max(len(rest_text), 1), max(len(text), 1)
    for gram, freq in _recurring_grams(paragraphs).items():
        ll = _log_likelihood(freq, doc_chars, rest_text.count(gram), rest_chars)
        if (
            ll >= _KEY_LL
            and (len(gram) >= 3 or _specificity(gram, freq / doc_chars) >= 0.5)
            and not _sub_words(gram)[-1][1].startswith(("p", "u", "c"))  # 致力|于: a verb and its preposition
            and not any(tag == "i" for _, tag in pos_pattern(gram))  # 参差不齐, 彻底消除|核武器: an idiom is wording
            and _key_unit(gram, text)
        ):
            sources[_cut_word_whole(gram, text)].add("key")
    for term in [t for t, kinds in sources.items() if not _cited(kinds)]:
        whole = _bound_whole(term, text, rest_text)
        if whole != term:
            sources[whole] |= sources.pop(term)  # 持续森林管理 → 可持续森林管理: a piece of a unit is not a term
    # the organs found and the bodies they belong to, as long as both are still names of the list (not 公约缔约方大会
    # of 联合国气候变化框架, a body since grown to 联合国气候变化框架公约)
    organs = {part for name, organ in pairs if name in sources and name + organ in sources for part in (name, organ)}
    bounds = _word_bounds(text)
    for term in list(sources):
        longer = [t for t in sources if term in t and t != term]
        if sources[term] <= {"known", "key"} and not _stands_alone(term, text, bounds, rest_text, longer):
            del sources[term]
    spans = _occurrences(text, list(sources), weak & set(sources))
    undated = {
        t
        for t in sources
        if len(pos_pattern(t)) >= 2
        and not pos_pattern(t)[0][1].startswith("f")  # 2015年后|发展议程: 后 closes the time phrase (post-2015)
        and any(re.fullmatch(_YEARS, d[: -len(t)]) for d in sources if d.endswith(t) and d != t)
    }
    results = []
    for term, kinds in sources.items():
        occurrences = spans.get(term, [])
        own = [s for s, inside in occurrences if inside != "term"]  # inside weakly attested terms: its own
        corpus_freq = rest_text.count(term)
        results.append(
            DocumentTerm(
                term=term,
                count=len(own),
                total=len(occurrences),
                sources=sorted(kinds, key=_SOURCE_ORDER.get),
                keyness=round(_log_likelihood(len(occurrences), doc_chars, corpus_freq, rest_chars), 2),
                corpus_freq=corpus_freq,
                examples=[_example(text, s, len(term)) for s in own[:2]],
            )
        )
    # A term never used outside a longer one in this document (经济及社会 in 经济及社会理事会, 发达国家 only in
    # 最不发达国家) is not one of its terms; the longer one is.  Names stay (德班审查会议 in 德班审查会议成果文件,
    # 1972年议定书 in a title), and so does a name without the years it is written with (国际水合作年).
    # Occurrences inside a weakly attested term count as the term's own.
    nested_names = {
        t
        for t, kinds in sources.items()
        if t in organs | inner_names
        or ("name" in kinds and len(pos_pattern(t)) >= 2 and _names_a_part(t, text, list(sources)))
    }
    results = [r for r in results if r.count or r.term in undated | nested_names or _cited(r.sources)]
    # A place alone is no term, whatever found it (联合王国, which jieba reads as a body); a title or defined short form
    # the text cites stays.
    results = [r for r in results if _cited(r.sources) or not _place_alone(r.term)]
    # A word of the general lexicon (one word to jieba) used once and known only from the corpus needs the corpus's
    # strong evidence: its middling mined words are everyday words about as often as terms (共同努力, 解决办法,
    # 合作伙伴, 讲习班); the names of bodies and offices and the phrases the miner found units (早期预警) stay.
    results = [
        r
        for r in results
        if r.sources != ["known"]
        or r.count > 1
        or salient is None
        or r.term in salient | defined_forms
        or _names_body_or_office(r.term)
        or len(pos_pattern(r.term)) > 1
    ]
    # A known term used once, counted there (一个|主要目标, 其三项|主要目标, 一个|优先事项: "a main objective"), is a
    # common noun of the text, one instance of a kind, not a name or a concept it is about.
    results = [
        r
        for r in results
        if r.sources != ["known"]
        or r.count != 1
        or not any(_counted(text, s) for s, inside in spans[r.term] if inside != "term")
    ]
    results.sort(
        key=lambda r: (
            not (r.count or r.term in undated | nested_names),
            _WEAK_ORDER if r.term in weak else min(_SOURCE_ORDER[s] for s in r.sources),
            -r.count,
            -len(r.term),
            r.term,
        )
    )
    return results


def _add_names(
    sources: dict[str, set[str]], paragraphs: list[str], heads: set[str], known: list[str], weak: list[str], rest: str
) -> tuple[list[tuple[str, str]], set[str]]:
    """Add the document's names to ``sources``; return the (body, organ) pairs found (the parts stay names
    even when written only together), and the names that stay so too, written only inside a longer name: a dated
    meeting inside the name of its body's (2015年审议大会 in 不扩散核武器条约缔约国2015年审议大会: the short name the
    text goes on to use) and the instrument whose parties hold it (不扩散核武器条约), a mandate and the office that
    appointed it (秘书长|防止灭绝种族罪行问题特别顾问)."""
    text = "\n".join(paragraphs)
    for name in _observances(text) + _groups_of_states(paragraphs) + _named_for_people(paragraphs):
        sources[name].add("name")
    for head in _BODY_HEADS:
        if head in text:
            sources[head].add("name")  # kept where it stands alone: 向委员会报告
    for m in _ORDINAL.finditer(text):
        words = _words_before(text, m.start())
        if words[-1][0] in INSTITUTIONAL_HEADS and (len(words) == 1 or not words[-2][1].startswith(NOMINAL_TAGS)):
            sources[words[-1][0]].add("name")  # 论坛|第十届会议: a bare head that holds sessions names a body
    short_forms = {t for t, kinds in sources.items() if "abbreviation" in kinds}  # not titles: names nest in them
    inner_names = set()
    for name in _head_names(paragraphs, heads, set(known) | short_forms, rest):
        if _quantified(name, text):
            continue  # 在|多个|国际论坛: a class of bodies, not one named
        sources[name].add("name")
        if m := re.fullmatch(rf"([{CJK}]+)({_YEARS}[{CJK}]+)", name):
            inner_names.add(m.group(2))
            owner = pos_pattern(m.group(1))  # and the instrument whose parties hold it: 不扩散核武器条约|缔约国|2015年…
            inner_names |= {
                "".join(w for w, _ in owner[:j]) for j in range(2, len(owner)) if _is_head(*owner[j - 1], heads)
            }
        first = pos_pattern(name)[0]
        if _is_head(*first, OFFICES) and "问题" in name[len(first[0]) :]:
            # 秘书长|防止灭绝种族罪行问题特别顾问: the office that appointed a mandate, and the mandate
            sources[name[len(first[0]) :]].add("name")
            inner_names |= {first[0], name[len(first[0]) :]}
    for para in paragraphs:  # names jieba's lexicon knows as institutions: 国际货币基金组织, 非洲联盟
        words = pos_pattern(para)
        for k, (word, tag) in enumerate(words):
            if tag == "nt" and len(word) >= 4 and not _descriptive(word):  # not 最新进展
                place = ""  # with the place names jieba split off before it: 南|苏丹政府
                while k > 0 and words[k - 1][1] == "ns":
                    k -= 1
                    place = words[k][0] + place
                sources[place + word].add("name")
    for name in [t for t, kinds in sources.items() if kinds == {"name"}]:
        whole = _whole_short_form(name, text, rest)
        if whole != name:
            sources[whole] |= sources.pop(name)
    bodies = [t for t, kinds in sources.items() if _cited(kinds) or "name" in kinds]
    offices = [
        (b, o) for b, o in _organs(text, [t for t in known if t in text], set()) if _is_office(o)
    ]  # 环境署|执行主任
    pairs = []
    for name, organ in _organs(text, bodies, set(known) | set(weak)) + offices:
        sources[name + organ].add("name")
        if (name, organ) not in offices:  # a known body and its office stand on their own
            pairs.append((name, organ))
        parts = pos_pattern(organ)
        if (
            _is_head(*parts[-1], INSTITUTIONAL_HEADS) and len(parts) >= 2 and not parts[0][1].startswith(_PROPER_TAGS)
        ) or (_is_office(organ) and (len(parts) == 1 or (len(parts) == 2 and parts[0][1] in ("v", "b", "d")))):
            # 执行理事会, 执行主任 (an office with its attribute: executive, deputy); not 几内亚比绍特派团, a mission
            # named by its place, nor 人权事务|高级专员, an office named by its field
            sources[organ].add("name")
    return pairs, inner_names


def _quantified(name: str, text: str) -> bool:
    """Whether every occurrence of a name follows a determiner or quantifier (多个|国际论坛, 各|区域委员会) or a number
    of them (25个|国家政府): the text speaks of several bodies of a kind, and names none."""
    starts = [m.start() for m in re.finditer(re.escape(name), text)]
    return bool(starts) and all(
        text[max(0, s - 2) : s].endswith(tuple(_QUANTIFIERS)) or _NUMBER_OF.search(text[max(0, s - 8) : s])
        for s in starts
    )


def _bound_whole(term: str, text: str, rest: str) -> str:
    """The unit a string is a piece of: extended by the word written next to it at each of its occurrences in the
    document, as long as the rest of the corpus writes that word there too (in ``_BOUND_SHARE`` of its
    occurrences or more): 持续森林管理 → 可持续森林管理, 核武器条约 → 不扩散核武器条约, 备忘录 → 谅解备忘录,
    联合国气候变化框架 → 联合国气候变化框架公约.  Not over a number, a function word or a punctuation mark:
    a string with free edges in the corpus, or one the corpus does not have, stays as it is, and so does one whose
    whole would start on a verb, unless the document itself writes the whole ``_DOC_BOUND`` times (谅解|备忘录)."""
    whole = term
    for _ in range(_MAX_GROWTH):
        grown = _bound_neighbour(whole, text, rest, -1) or _bound_neighbour(whole, text, rest, 1)
        if not grown:
            break
        whole = grown
    if _verb_first(pos_pattern(whole)) and (text.count(whole) < _DOC_BOUND or _names_body_or_office(term)):
        return term  # not a verb and its object: 转让|核装备; 请|秘书长, however often: a body or office is no verb's
    return whole


def _bound_neighbour(term: str, text: str, rest: str, side: int) -> str:
    """``term`` with the word next to it on ``side`` (-1 left, 1 right) when that word is always there: at
    ``_DOC_BOUND`` occurrences or more in the document, or in the corpus too."""
    in_corpus = rest.count(term)
    occurrences = list(re.finditer(re.escape(term), text))
    if not in_corpus and len(occurrences) < _DOC_BOUND:
        return ""
    neighbours = set()
    for m in occurrences:
        if side < 0:
            words = _words_before(text, m.start())
            word, tag = words[-1]
            if tag.startswith("f") and len(words) > 1 and words[-2][1].startswith(("m", "t")):
                return ""  # 2015年后|发展议程: a postposition closing a time phrase
        else:
            word, tag = _words_after(text, m.end())[0]
        if (
            not re.fullmatch(rf"[{CJK}]+", word)
            or tag.startswith(("p", "c", "u", "r", "m", "q", "x", "y", "eng"))
            or word in DETERMINERS
        ):
            return ""
        neighbours.add(word)
    if len(neighbours) != 1:
        return ""
    word = neighbours.pop()
    whole = word + term if side < 0 else term + word
    if len(occurrences) >= _DOC_BOUND:
        return whole  # 谅解备忘录 seven times, 备忘录 never alone: the document's own usage is evidence enough
    if rest.count(whole) < _BOUND_SHARE * in_corpus:
        return ""
    # the corpus uses the whole in its own right, not only where it copies this document's sentence
    outside = {
        rest[m.start() - 2 : m.start()] if side < 0 else rest[m.end() : m.end() + 2]
        for m in re.finditer(re.escape(whole), rest)
    }
    return whole if len(outside) >= 2 else ""


def _words_before(text: str, start: int) -> tuple[tuple[str, str], ...]:
    """The tagged words of the clause just before ``start`` (a full stop when there is none)."""
    return pos_pattern(_CLAUSE_BREAK.split(text[max(0, start - _CONTEXT_CHARS) : start])[-1] or "。")


def _words_after(text: str, end: int) -> tuple[tuple[str, str], ...]:
    """The tagged words of the clause just after ``end`` (a full stop when there is none)."""
    return pos_pattern(_CLAUSE_BREAK.split(text[end : end + _CONTEXT_CHARS])[0] or "。")


def _names_a_part(name: str, text: str, terms: list[str]) -> bool:
    """Whether a name inside longer terms names a part of them (人权理事会 in 人权理事会特别程序, 1961年麻醉品单一公约
    after 的 or a colon in a title) rather than the same thing with a word less (敌对行动协定 in 停止敌对行动协定)."""
    longer = [t for t in terms if name in t and t != name]
    for m in re.finditer(re.escape(name), text):
        s, e = m.start(), m.end()
        around = [(i, i + len(t)) for t in longer for i in [text.rfind(t, max(0, e - len(t)), s + len(t))] if i != -1]
        if all(e < b or text[s - 1 : s] in ("的", "：", ":") for a, b in around if a <= s and e <= b):
            return True
    return False


def _cited(sources: list[str]) -> bool:
    return bool({"title", "abbreviation"} & set(sources))


def _nominal_term(term: str) -> bool:
    """A mined term that names something: not a verb and its object (请秘书长, 使用化学武器), not a phrase ending on a
    verb (秘书长继续; but 民间社会组织, where jieba reads the head as a verb), not a place alone (刚果民主共和国).
    A first "verb" that makes one dictionary word with the next is no predicate: 可|持续 is 可持续 (sustainable),
    so 可持续发展目标 names something."""
    words = pos_pattern(term)
    return (
        not _verb_first(words)
        and (words[-1][1] != "v" or words[-1][0] in INSTITUTIONAL_HEADS)
        and well_formed(term)
        and not _place_phrase(term)
    )


def _names_body_or_office(term: str) -> bool:
    """A body (安理会, 圆桌会议; not a bare head: 框架) or an office (秘书长, 副秘书长, 大会主席)."""
    return _is_office(term) or (_names_a_body(term) and term not in INSTITUTIONAL_HEADS)


def _verb_first(words: tuple[tuple[str, str], ...]) -> bool:
    """Words that start on a verb, not on one that makes a dictionary word with the next that is no verb (可|持续:
    sustainable; but 召开|会议: to convene a meeting)."""
    if words[0][1] != "v":
        return False
    joined = cedict.senses(words[0][0] + words[1][0]) if len(words) > 1 else ()
    return not joined or any(_verb_sense(sense) for sense in joined)


def _names_a_body(term: str) -> bool:
    """A less attested mined term is listed when it names a body (安理会, 圆桌会议): the rest of them (关键作用,
    国际伙伴, 电子政务) are terms about as often as not."""
    word, tag = pos_pattern(term)[-1]
    return not _descriptive(term) and (tag in ("nt", "j") or _is_head(word, tag, INSTITUTIONAL_HEADS))


def _descriptive(term: str, strict: bool = True) -> bool:
    """A predicate (至关重要, 作出努力, 致力|于), an idiom (绳之以法), an adjective and what it describes (不利影响) or,
    ``strict``, an adverb and what it qualifies (必要措施, 最新进展): wording, not a term.  Not strict for the
    corpus's well-attested terms, where the adverb is jieba's reading of an adjective (特别程序, 最不发达国家)."""
    words = _sub_words(term)
    first, last = words[0][1], words[-1][1]
    return (
        first in ("a", "ad")  # not an: 安全|理事会
        or (strict and first.startswith("d"))
        or (first.startswith("v") and last.startswith(("a", "d", "v")))
        or last.startswith(("p", "u", "c"))
        or any(t == "i" for _, t in words)
    )


def _sub_words(term: str) -> tuple[tuple[str, str], ...]:
    """jieba's words of ``term``; a single dictionary word of three characters or more split into two that are
    words too (必要措施 → 必要|措施), as ``well_formed`` reads predicates."""
    words = pos_pattern(term)
    if len(words) == 1 and len(term) >= 3:
        for k in range(1, len(term)):
            if dictionary_count(term[:k]) and dictionary_count(term[k:]):
                return pos_pattern(term[:k]) + pos_pattern(term[k:])
    return words


def _word_bounds(text: str) -> set[int]:
    """Positions of the text where jieba's segmentation of its clauses puts a word boundary, or where a word it
    keeps whole is two words of two characters or more (改革|工作, 审查|会议)."""
    bounds = set(range(len(text) + 1))
    for run in re.finditer(rf"[{CJK}]+", text):
        bounds -= set(range(run.start() + 1, run.end()))
        start = run.start()
        for word, _ in pos_pattern(run.group()):
            bounds.add(start + len(word))
            bounds.update(
                start + k for k in range(2, len(word) - 1) if dictionary_count(word[:k]) and dictionary_count(word[k:])
            )
            start += len(word)
    return bounds


def _stands_alone(term: str, text: str, bounds: set[int], rest: str, longer: list[str] = ()) -> bool:
    """Whether ``term`` is a unit of this text, not a piece of its words or of a longer expression.

    Not a unit: a term whose every occurrence cuts a word of the clause (共和|国境内: 国境内), one the corpus
    never uses without the same function word before or after it (与|水有关), a place alone or with a
    locative (刚果民主共和国, 叙利亚境内), or a phrase ending on a verb used only as a modifier (国际商定的).
    """
    starts = [m.start() for m in re.finditer(re.escape(term), text)]
    if not any(s in bounds and s + len(term) in bounds for s in starts) or _place_phrase(term):
        return False
    spans = [(m.start(), m.end()) for t in longer for m in re.finditer(re.escape(t), text)]
    own = [s for s in starts if not any(a <= s and s + len(term) <= b for a, b in spans)]
    starts = own or starts  # what the document says with the term itself, not with a longer one
    for side in (-1, 1):
        neighbours = {text[s - 1] if side < 0 else text[s + len(term) : s + len(term) + 1] for s in starts}
        if len(neighbours) == 1 and (ch := neighbours.pop()) in FUNCTION_CHARS:
            bound = ch + term if side < 0 else term + ch
            if rest.count(term) >= 2 and rest.count(bound) >= _BOUND_SHARE * rest.count(term):
                return False
    after = [pos_pattern(text[s + len(term) : s + len(term) + 4] or "。")[0] for s in starts]
    if pos_pattern(term)[-1][1] == "v" and all(w == "的" or t.startswith(NOMINAL_TAGS) for w, t in after):
        return False
    if all(w in _PERSONAL_PRONOUNS for w, _ in after):
        return False  # 向委员会报告|它们…: the last word is the verb of a pronoun object
    if all(t in _ASPECT_TAGS for _, t in after):
        return False  # 开发署全面审查|了|它的…: an aspect particle follows a verb, the term is the clause's predicate
    if all(_ANAPHOR_BEFORE.search(text[max(0, s - _CONTEXT_CHARS) : s]) for s in starts):
        return False  # 这些公约, 该小组成员, 这两个出版物: what the text refers back to, named before in full
    if term.startswith("会议") and all(_ORDINAL_BEFORE.search(text[max(0, s - _CONTEXT_CHARS) : s]) for s in starts):
        # 第六十六届|会议主席: the numbered session's chair, not 会议主席 (but 第51次|全体会议 is a plenary)
        return False
    words = pos_pattern(term)
    if any(w in _AND_WORDS and _proper_start(words[i + 1 :]) for i, (w, _) in enumerate(words[:-1])):
        return False  # 环境署与粮农组织: two bodies
    return not (len(words) == 3 and words[1][0] in _AND_WORDS)  # 妇女和儿童: two words, freely joined


def _marked_heads(own: list[str], corpus: list[str]) -> set[str]:
    """Last words of this document's titles and defined names, and of two or more of the corpus's."""

    def head(name: str) -> str:
        return pos_pattern(name)[-1][0]

    counts = Counter(head(name) for name in set(corpus))
    return {w for w in [head(name) for name in own] + [w for w, n in counts.items() if n >= 2] if len(w) >= 2}


def _titles(text: str) -> list[str]:
    return [m.group(1).strip() for m in _TITLE.finditer(text)]


def _cited_titles(text: str, heads: set[str]) -> list[str]:
    """Titles in 《》, each also with the year written before it (1971年《精神药物公约》), and titles in quotation
    marks after 题为 ("entitled") or before a head (“关于…的共同点”文件)."""
    titles = []
    for m in _TITLE.finditer(text):
        titles.append(m.group(1).strip())
        dated = _with_years(text, m.start(), titles[-1])
        if dated != titles[-1]:
            titles.append(dated)
    for m in _QUOTED.finditer(text):
        if text[max(0, m.start() - 3) : m.start()].strip().endswith("题为"):
            titles.append(m.group(1).strip())  # the quotation marks of a title stand for 《》
            continue
        following = _words_after(text, m.end())
        if following[0][0] in heads:
            titles.append(m.group(1).strip())  # “关于…的共同点”文件
            continue
        nouns = 0
        while nouns < min(2, len(following)) and following[nouns][1].startswith(("n", "vn")):
            nouns += 1
        if nouns and following[nouns - 1][1] == "n" and re.fullmatch(rf"[{CJK}]{{2,12}}", m.group(1)):
            # a name quoted before the nouns it qualifies keeps its quotation marks: "红蝴蝶"行动部队
            titles.append(m.group() + "".join(w for w, _ in following[:nouns]))
    return titles


def _definitions(paragraphs: list[str]) -> list[tuple[str, str]]:
    """联合国开发计划署（开发署）→ (联合国开发计划署, 开发署): the name whose characters contain the short form in order.

    A name may start with a short form defined before it (西非经共体几内亚比绍特派团（西非经共体特派团）), which
    jieba, not knowing it, may cut (西非|经|共|体).
    """
    names: list[tuple[str, str]] = []
    for para in paragraphs:
        for m in _ABBREVIATION.finditer(para):
            before = _CLAUSE_BREAK.split(para[: m.start()])[-1]
            short = m.group(1)
            if not before or short.isascii():
                continue
            start = _subsequence_start(before, short)
            if start is None:
                continue
            name = _nominal_phrase(before, start, {s for _, s in names})
            if name and len(name) > len(short):
                names.append((_with_years(para, m.start() - len(name), name), short))
    return names


def _subsequence_start(text: str, short: str) -> int | None:
    """Where the shortest suffix of ``text`` containing ``short``'s characters in order starts."""
    i = len(text)
    for ch in reversed(short):
        i = text.rfind(ch, 0, i)
        if i < 0:
            return None
    return i


def _nominal_phrase(text: str, must_start_by: int, known: set[str] = frozenset()) -> str:
    """The longest run of name words ending ``text``, reaching back at least to ``must_start_by``.

    A left edge that cuts a ``known`` term moves back to its start."""
    words = pos_pattern(text)
    bounds = [0]
    for word, _ in words:
        bounds.append(bounds[-1] + len(word))
    k = len(words)
    while k > 0 and (k == len(words) or _inside_name(words, k - 1)):  # the last word is the head
        k -= 1
    while k < len(words) and _leading_noise(words, k):
        k += 1
    start = len(text) - len(_known_left_edge(text, text[bounds[k] :], known))
    if start > must_start_by:
        return ""
    return text[start:]


def _leading_noise(words: list[tuple[str, str]], k: int) -> bool:
    """A word that cannot start a name: a verb, adverb, function word …, a predicate (积极争取|实现…), the word an
    adverb before it makes a predicate (坚决|主张|苏丹政府), a postposition closing a time phrase."""
    word, tag = words[k]
    if k == len(words) - 1:
        return False  # the head
    if tag.startswith("vn") or _attributive_adverb(words, k):
        return False
    if tag == "v" and len(word) >= 2 and _in_topic(words, k) and words[k + 1][1] != "v":
        return False  # a topic opens on its verb (促进和保护…问题, 防止灭绝种族罪行问题); not 欢迎|促进…, 注意|到|…
    return (
        tag.startswith(_LEADING_NOISE)
        or word in FUNCTION_CHARS
        or (len(word) >= 3 and _predicate_word(word))
        or (tag == "n" and _dictionary_verb(word))  # 利用|前南斯拉夫问题国际法庭: jieba's noun, the dictionary's verb
        or (k > 0 and words[k - 1][1] in ("d", "ad") and not _attributive_adverb(words, k - 1))
        # a two-character postposition closes a time phrase (12月以来|南苏丹); 2015年后发展议程 binds 后
        or (tag == "f" and len(word) >= 2 and k > 0 and words[k - 1][1] in ("m", "t", "eng"))
    )


def _dictionary_verb(word: str) -> bool:
    """A word CC-CEDICT glosses only as a verb (利用: to use)."""
    glosses = cedict.senses(word)
    return bool(glosses) and all(_verb_sense(sense) for sense in glosses)


def _verb_sense(sense: str) -> bool:
    """A CC-CEDICT sense of a verb, which the dictionary glosses "to ..." (利用: to use; 指派: to assign)."""
    return sense.startswith("to ")


def _inside_name(words: list[tuple[str, str]], i: int) -> bool:
    word, tag = words[i]
    if word in _NOT_IN_NAMES or (len(word) >= 3 and _predicate_word(word)):
        return False  # 具体方法|是|将|国际刑事法庭, 集团|着重指出|国际法院: a clause's copula, markers and predicates
    if tag.startswith(_NAME_TAGS) or tag == "vn":
        return True
    if _attributive_adverb(words, i):
        return True
    # A body or mandate named for an issue, "<topic>问题<head>": the topic is a noun phrase that may coordinate verbs
    # and hold adjectives (促进和保护意见和表达自由权|问题|特别报告员, …人权与基本自由|问题…), and what comes between
    # 问题 and the head describes the body, a negated verb too (老龄问题|不限成员名额|工作组).
    topic = _in_topic(words, i)
    if word in _AND_WORDS and 0 < i < len(words) - 1:
        # 亚洲和太平洋国家, 科学和技术促进发展委员会; not two predicates (改革和加强|国家机构, 资金筹措和|方案)
        return topic or (words[i - 1][1] != "v" and words[i + 1][1] != "v")
    if topic and tag.startswith("a"):
        return True
    if _describes_issue_body(words, i) and (tag == "v" or (word == "不" and words[i + 1][1] == "v")):
        return True  # 问题|不限成员名额|工作组, 问题|机构间支助|组
    # 减少灾害风险 inside 仙台减少灾害风险框架; not 参与 in 会员国参与委员会 (a verb right before the head)
    return tag.startswith("v") and 0 < i < len(words) - 2


def _describes_issue_body(words: list[tuple[str, str]], i: int) -> bool:
    """Whether the i-th word comes after the 问题 of a name "<topic>问题<head>" and no head ends a name between
    (问题|机构间|支助|组; not …问题高级别政治论坛|审议…: the forum's name ended)."""
    issue = _last_issue(words[:i])
    return issue >= 0 and not any(
        _is_head(*words[j], INSTITUTIONAL_HEADS) and words[j + 1][0] != "间"  # 机构|间: "inter-agency"
        for j in range(issue + 1, i)
    )


def _last_issue(words: tuple[tuple[str, str], ...]) -> int:
    """The index of the last 问题 of ``words``, which ends the topic of a name "<topic>问题<head>"; -1 when none."""
    return max((j for j, (w, _) in enumerate(words) if w == "问题"), default=-1)


def _in_topic(words: list[tuple[str, str]], i: int) -> bool:
    """Whether the i-th word is in the topic of a name "<topic>问题<head>" (促进和保护…问题特别报告员)."""
    return any(w == "问题" for w, _ in words[i + 1 : -1])


def _attributive_adverb(words: list[tuple[str, str]], i: int) -> bool:
    """An adverb does not modify a noun: where jieba tags one before a noun (特别|会议, 特别|报告员), it is an
    adjective — but not a function word (就|世界大会: a preposition; 还, 也, 都: a clause's adverbs)."""
    return (
        words[i][1] == "d"
        and words[i][0] not in FUNCTION_CHARS
        and i < len(words) - 1
        and words[i + 1][1].startswith(NOMINAL_TAGS)
    )


def _head_names(paragraphs: list[str], heads: set[str], known: set[str], rest: str) -> list[str]:
    """Noun phrases ending on a head; two names joined by 和 are two names (听证会和首脑会议).

    A name on a head learned from titles (计划, 战略, 措施) or one joining two phrases with 和 carries a proper
    name (海地制止霍乱全国计划, 伊加特监测和核查机制): without one it is a description (全国计划,
    国际和区域组织) — but for a council or committee named by its fields (经济及社会理事会).  ``rest``, the rest of the
    corpus, tells a verb before a head that belongs to the name (``_attributive_verbs``)."""
    names = []
    attributive = _attributive_verbs(paragraphs, rest)
    for para in paragraphs:
        for clause_match in re.finditer(r"[^，。；：、！？“”《》（）()\[\]\n]+", para):
            clause = clause_match.group()
            words = pos_pattern(clause)
            end = 0
            for k, (word, tag) in enumerate(words):
                end += len(word)
                if (
                    not (_is_head(word, tag, heads) or _mandate(words, k))
                    or (k > 0 and words[k - 1][0] in INSTITUTIONAL_HEADS and word not in _UNIT_HEADS)
                    or (k + 1 < len(words) and words[k + 1][0] == "间")
                    or (k + 1 < len(words) and words[k + 1][1] in _ASPECT_TAGS)
                    or (k + 1 < len(words) and word not in INSTITUTIONAL_HEADS and _is_head(*words[k + 1], heads))
                    or (k + 1 < len(words) and cedict.senses(word + words[k + 1][0]))
                ):
                    # 高级别政治论坛|会议: the forum is the name, taken at 论坛 (not 人权条约|机构; but 公约|司, a division
                    # named for its field); 政府|间: "inter-";
                    # 都灵组织|了: a verb; 战略|计划: the name goes on to the next head; 政府|官员: a dictionary word
                    continue
                name = _nominal_phrase(clause[:end], end - len(word) - 1) or word
                if name == word and k > 0 and words[k - 1][0] + word in attributive:
                    name = words[k - 1][0] + word  # 2015年|审议|大会, "执行|委员会"
                if name == word:
                    name = _shattered_short_form(words[:k]) + word
                name = _place_first(clause[:end], name)
                name = _second_of_two(_known_left_edge(clause[:end], name, known), heads, known)
                name = _after_predicate(clause[: end - len(name)], name)
                name = _known_after_verb(name, known)
                name = _after_unit(name)
                name = _whole_transliteration(clause[: end - len(name)], name)
                if name[0] in _AND_WORDS and pos_pattern(name)[0][1].startswith("nr"):
                    # 和世卫|组织: jieba read the conjunction into a person's name; no name starts on one
                    name = name[1:]
                dated = _with_years(para, clause_match.start() + end - len(name), name)
                if dated != name and (
                    owner := _dated_owner(para[: clause_match.start() + end - len(dated)], heads, known)
                ):
                    names.append(owner + dated)  # 不扩散核武器条约缔约国|2015年审议大会
                modifier = name[: len(name) - len(word)]
                if name == word and dated != name:
                    names.append(dated)  # 1972年议定书
                    continue
                if (
                    len(pos_pattern(name)) < 2
                    or len(name) < (3 if len(word) == 1 else 4)  # 项目|厅: a short form on a one-character head
                    or not (
                        well_formed(name)
                        or well_formed(modifier)
                        or (name[0] in FUNCTION_CHARS and _dictionary_prefix(name))
                        or ("问题" in modifier and well_formed(modifier[: modifier.index("问题") + 2]))
                    )  # a body named for an issue, described after it: 土著人民问题|机构间支助组
                ):
                    continue
                parts = pos_pattern(name)
                proper = (
                    any(t.startswith(_PROPER_TAGS) for _, t in parts)
                    or dated != name  # 2014-2017年战略计划
                    or any(name.startswith(t) and t.endswith(tuple(INSTITUTIONAL_HEADS)) for t in known if t != name)
                )  # a known body opens it: 安全理事会|惯例和宪章研究处, 环境署|环境法和公约司
                joined = any(w in _AND_WORDS for w, _ in parts[_last_issue(parts) + 1 :])  # not those of a topic
                learned_head = not _is_head(word, tag, INSTITUTIONAL_HEADS)
                if proper or not (learned_head or (joined and not word.endswith(_BODY_HEADS))):
                    names.append(_about_title(clause[:end], _locative_frame(clause[: end - len(dated)], dated)))
    return names


def _dated_owner(before: str, heads: set[str], known: set[str]) -> str:
    """The body a dated meeting is held by, written right before its year with nothing between: 不扩散核武器条约缔约国
    (2015年审议大会), 信息社会世界首脑会议 (2010年论坛), 经社理事会 (2016年实质性会议): a name (a noun phrase holding
    an institutional head or a proper name) that ends on a noun the dictionary does not gloss as a verb (not 向大会|报告
    |2016年特别会议).  The year is then inside the meeting's full name."""
    piece = _CLAUSE_BREAK.split(before)[-1]
    if not piece or not re.fullmatch(rf"[{CJK}]", piece[-1]):
        return ""
    owner = _nominal_phrase(piece, len(piece) - 1, known)
    words = pos_pattern(owner) if owner else ()
    verbs = [j for j, (_, t) in enumerate(words) if t == "v"]
    if verbs:  # 日内瓦|举办|信息社会世界首脑会议: a body holds no verb, but one a known term or dictionary name has
        owner = _known_left_edge(piece, "".join(w for w, _ in words[verbs[-1] + 1 :]), known)
        words = pos_pattern(owner) if owner else ()
    if (
        len(words) < 2
        or not words[-1][1].startswith("n")
        or any(_verb_sense(sense) for sense in cedict.senses(words[-1][0]))  # 向大会|报告|2016年…: a verb
        or not any(_is_head(w, t, heads) or t.startswith(_PROPER_TAGS) for w, t in words)
    ):
        return ""
    return owner


def _whole_transliteration(before: str, name: str) -> str:
    """A transliterated proper name jieba cut before its last character, which it then reads as a word of its own
    (阿瓦|兹|发展服务中心): the name starts on the transliteration."""
    words = pos_pattern(before) if before else ()
    if (
        len(words) >= 2
        and len(words[-1][0]) == 1
        and words[-1][0] not in FUNCTION_CHARS
        and not words[-1][1].startswith(("v", "p", "c", "u", "d", "m", "q", "x"))
        and words[-2][1] in ("nrt", "nr")
        and len(words[-2][0]) >= 2
    ):
        return words[-2][0] + words[-1][0] + name
    return name


def _after_unit(name: str) -> str:
    """A name starts after the name of a department or office written before it (安全理事会事务司|安全理事会惯例和宪章
    研究处): a unit (…司, …厅, …处) closes its name; what a body's unit is followed by is another name or its own
    office (…司|司长, an organ: ``_organs``)."""
    words = pos_pattern(name)
    start = len(name) - len(words[-1][0])
    for word, tag in reversed(words[:-1]):
        start -= len(word)
        if _is_unit(word, tag):
            return name[start + len(word) :]
    return name


def _is_unit(word: str, tag: str) -> bool:
    """A department or office of a secretariat named in one word, its field and its type (事务|司, 项目|厅, 研究|处):
    not a bare 司, nor a word of another sense (职司 "functional", 好处 "benefit": the dictionary's own words)."""
    return (
        word.endswith(_UNIT_HEADS)
        and tag.startswith(NOMINAL_TAGS)
        and len(word) >= 3
        and dictionary_count(word[:-1]) > 0
        and not cedict.senses(word)
    )


def _mandate(words: tuple[tuple[str, str], ...], k: int) -> bool:
    """An office named for an issue is a mandate, a name like a body's: 防止灭绝种族罪行问题|特别|顾问."""
    return _is_head(*words[k], OFFICES) and any(w == "问题" for w, _ in words[max(0, k - 2) : k])


def _locative_frame(before: str, name: str) -> str:
    """A topic framed by 在…中 ("in the course of") holds the preposition and its object: the name's 中 closes a frame
    the word 在 opens just before it (在|反|恐怖主义过程中促进和保护人权与基本自由问题特别报告员)."""
    words = pos_pattern(name)
    issue = next((j for j, (w, _) in enumerate(words) if w == "问题"), 0)
    if not any(w == "中" and t == "f" for w, t in words[:issue]):
        return name
    opening = before.rfind("在", max(0, len(before) - _FRAME_CHARS))
    if opening == -1 or not re.fullmatch(rf"[{CJK}]*", before[opening:]):
        return name
    return before[opening:] + name


def _shattered_short_form(words: tuple[tuple[str, str], ...]) -> str:
    """The characters of a short form jieba does not know, which it reads one by one, before a head (审|调|小组):
    two or more one-character words, none of them a function word, numeral or measure word."""
    j = len(words)
    while (
        j > 0
        and len(words[j - 1][0]) == 1
        and words[j - 1][0] not in FUNCTION_CHARS
        and not words[j - 1][1].startswith(("p", "c", "u", "m", "q", "x", "r", "eng"))
    ):
        j -= 1
    return "".join(w for w, _ in words[j:]) if len(words) - j >= 2 else ""


def _attributive_verbs(paragraphs: list[str], rest: str) -> set[str]:
    """Verb + institutional head written as one name (审议|大会, 筹备|委员会, 执行|委员会), not a verb and its object
    (设立|委员会, 提供|秘书处): where the document or the corpus writes it after a year, a quotation mark or a word
    that only a noun phrase follows (向, 由, 同, 与, 该, 本, 各, 其): the verb is then no predicate (not 的, after which a
    verb is often nominalised: 的协调|机制)."""
    text = "\n".join(paragraphs)
    units = set()
    for para in paragraphs:
        words = pos_pattern(para)
        for (verb, tag), (head, _) in zip(words, words[1:]):
            if tag == "v" and len(verb) >= 2 and head in INSTITUTIONAL_HEADS:
                unit = verb + head
                if any(
                    source[m.start() - 1 : m.start()] in _NOUN_PHRASE_BEFORE
                    for source in (text, rest)
                    for m in re.finditer(unit, source)
                    if m.start()
                ):
                    units.add(unit)
    return units


def _observances(text: str) -> list[str]:
    """International years, days and decades, with their years (2013国际水合作年) and without (国际水合作年)."""
    names = []
    for m in _OBSERVANCE.finditer(text):
        name = m.group(2)
        core = name.split("”")[-1].split('"')[-1]
        words = pos_pattern(core)
        last = words[-1][0]
        if (
            len(words) < 3
            or not (last in ("年", "日", "十年", "周") or (last.endswith("日") and len(last) == 3))
            or not all(t.startswith(("n", "vn", "l", "j")) and t != "nr" or w == last for w, t in words[1:])
            or text[m.end() : m.end() + 1] in ("年", "期")
        ):
            continue  # 世界各国每年, 战胜纳粹主义七十周|年: the year is a word's, not a name's
        names.append(name)
        if m.group(1):
            names.append(re.sub(r"\s+", "", m.group(1)) + name)
    return names


def _named_for_people(paragraphs: list[str]) -> list[str]:
    """Names of things named for a person whose transliterated name has middle dots, which jieba cuts into pieces
    (联合国|纳尔逊|·|罗利|拉拉|·|曼德拉|奖|章程): the proper nouns before the person's name, the name, and each run of
    the common nouns after it (联合国纳尔逊·罗利拉拉·曼德拉奖, …奖章程).  A person's name alone is no such name, nor
    one whose first and last parts jieba does not read as proper names (the edges would be guesses)."""
    names = []
    proper = _PROPER_TAGS + ("nrt",)  # and jieba's transliterated names
    for para in paragraphs:
        for m in _DOTTED.finditer(para):
            pieces = m.group().split(m.group(1))
            before = pos_pattern(pieces[0])
            k = len(before) - 1
            while k > 0 and before[k - 1][1].startswith(proper):
                k -= 1  # 联合国|纳尔逊: the body awarding the prize
            after = pos_pattern(pieces[-1])
            if not all(len(w) >= 2 and t.startswith(proper) for w, t in (before[-1], after[0])):
                continue  # the person's name is no word jieba knows as one (西蒙|娜·…·米|库|列斯|库): no edge to trust
            person = m.group(1).join(["".join(w for w, _ in before[k:])] + pieces[1:-1] + [after[0][0]])
            j = 1
            while j < len(after) and after[j][1] in ("n", "vn"):  # common nouns: 奖, 章程
                j += 1
                names.append(person + "".join(w for w, _ in after[1:j]))
    return names


def _groups_of_states(paragraphs: list[str]) -> list[str]:
    """Regional groups of States: 非洲国家, 亚洲和太平洋国家, 西欧和其他国家."""
    names = []
    for para in paragraphs:
        words = pos_pattern(para)
        for k, (word, _) in enumerate(words):
            if (
                word.endswith("国家")
                and len(word) > 2
                and all(t.startswith(_PLACE_TAGS) for _, t in pos_pattern(word[:-2]))
            ):
                names.append(word)  # jieba's 东欧国家
            if word != "国家":
                continue
            j = k
            while j > 0 and (words[j - 1][1].startswith(_PLACE_TAGS) or words[j - 1][0] in _AND_WORDS | {"其他"}):
                j -= 1
            while j < k and not words[j][1].startswith(_PLACE_TAGS):
                j += 1
            if j < k:
                names.append("".join(w for w, _ in words[j : k + 1]))
    return names


def _whole_short_form(name: str, text: str, rest: str) -> str:
    """禁|化武组织 → 禁化武组织: a name jieba cut from its first character (an abbreviation it does not know), when
    every occurrence in the document, in different surroundings, and in the corpus has that character before it."""
    starts = [m.start() for m in re.finditer(re.escape(name), text)]
    if len(starts) < 2 or min(starts) < 2:
        return name
    lefts = {text[s - 1] for s in starts}
    if len(lefts) != 1:
        return name
    ch = lefts.pop()
    if not re.fullmatch(rf"[{CJK}]", ch) or ch in FUNCTION_CHARS or len({text[s - 2] for s in starts}) < 2:
        return name
    return ch + name if 0 < rest.count(ch + name) == rest.count(name) else name


def _organs(text: str, names: list[str], known: set[str]) -> list[tuple[str, str]]:
    """An organ or office written right after the name of its body: 人权理事会|特别程序, 禁化武组织|执行理事会
    (a known term, words ending on an institutional head or an office, or a unit: 安全理事会|事务司), not its
    members or staff (项目厅|工作人员)."""
    found = []
    for name in names:
        if name.endswith("政府") or name in INSTITUTIONAL_HEADS:
            continue  # a government's organs are the State's (苏丹政府|武装团体 is two things); 理事会 is no name
        for m in re.finditer(re.escape(name), text):
            if _known_left_edge(text[: m.end()], name, known) != name:
                continue  # the tail of a longer unit (不扩散核武器|条约|缔约国), not the body named before
            words = pos_pattern(re.split(rf"[^{CJK}]", text[m.end() : m.end() + _CONTEXT_CHARS])[0] or "。")
            organ = ""
            for j in range(1, min(3, len(words)) + 1):  # the longest organ to its head: 审议大会|筹备委员会(|会议)
                candidate = "".join(w for w, _ in words[:j])
                if (
                    (
                        (candidate in known and not _descriptive(candidate, strict=False))  # not 项目厅|致力于
                        or (
                            j >= 2
                            and _is_head(*words[j - 1], INSTITUTIONAL_HEADS)
                            and words[0][1].startswith(NOMINAL_TAGS + ("v",))
                        )  # not 高级别政治论坛|会议: a meeting of the forum
                        or (
                            _is_head(*words[j - 1], OFFICES)
                            and all(t.startswith(NOMINAL_TAGS + ("v", "b")) for _, t in words[:j])
                        )  # 粮农组织|总干事, 环境署|执行主任
                        or (j == 1 and _is_unit(*words[0]))  # 安全理事会|事务司
                    )
                    and (
                        len(candidate) >= 2
                        and words[0][0] not in DETERMINERS
                        and candidate[0] not in FUNCTION_CHARS  # 支助组|和世卫组织: jieba's 和世卫, a second body
                        and not _NUMBERED.search(candidate)
                        and not any(t.startswith("u") for _, t in pos_pattern(candidate))  # 国际法庭|建立的伙伴关系
                        and not _predicate_in(pos_pattern(candidate))
                        and not _members(candidate)
                    )
                ):
                    organ = candidate
                if organ == candidate and _is_head(*words[j - 1], INSTITUTIONAL_HEADS | OFFICES):  # a unit too
                    break  # an organ ends on its head: 事务司|安全理事会…, 筹备委员会|会议 are something else
            if organ:
                found.append((name, organ))
    return found


def _members(organ: str) -> bool:
    """Whether the words after a body name its members or staff, persons and States (之友小组|成员国, 项目厅|工作人员,
    安理会|成员): a noun on 员 (member, staff) or 国 (State) that is no office or head (not 报告员, 协调员)."""
    word, tag = pos_pattern(organ)[-1]
    return word.endswith(("员", "国")) and not _is_head(word, tag, OFFICES | INSTITUTIONAL_HEADS)


def _predicate_in(words: tuple[tuple[str, str], ...]) -> bool:
    """Whether the words after a body are its predicate and their object, not an organ: a verb other than the
    attribute of a two-word organ (执行|主任, 执行|理事会), or an idiom built like a predicate (行预咨委会|注意|到|秘书长,
    世卫组织|举办|专家组会议, 集团|着重指出|国际法院)."""
    return any(
        (tag == "v" and not (len(words) == 2 and i == 0)) or (len(word) >= 3 and _predicate_word(word))
        for i, (word, tag) in enumerate(words[:-1])
    )


def _is_office(organ: str) -> bool:
    """Whether a name ends on an office (秘书长, 执行主任): the name of a post, not of a body."""
    return _is_head(*pos_pattern(organ)[-1], OFFICES)


def _place_first(text: str, name: str) -> str:
    """Move the left edge back to a place the name is named after, over the words jieba reads as verbs or
    adverbs (海地|制止|霍乱|全国计划, 海地|发展|外部|援助|协调|框架) — not over a function word, and not from a place
    that is the object of a preposition (在|南苏丹共和国|建立…: the verb is the predicate).  Not from a place that
    is a subject either: of a verb whose object is the name (阿富汗|通过|国家发展框架), or with a noun and a verb
    after it (利比亚|当局|加强|边境管理机制).  jieba tags some countries as people (阿富汗/nr)."""
    words = pos_pattern(text[: len(text) - len(name)])
    if words and words[-1][1] == "v" and len(pos_pattern(name)) >= 2:
        return name  # the verb's object
    verb = False
    for j in range(len(words) - 1, max(len(words) - 7, -1), -1):
        word, tag = words[j]
        verb = verb or tag == "v"
        if verb and tag.startswith("n") and not tag.startswith(_PLACE_TAGS + ("nr", "nz")):
            return name  # a subject and its verb
        if tag.startswith(_PLACE_TAGS + ("nr", "nz")) and len(word) >= 2:
            while j > 0 and words[j - 1][1].startswith(_PLACE_TAGS):
                j -= 1
            if j > 0 and words[j - 1][0] in _PREDICATE_PREPOSITIONS:
                return name
            return "".join(w for w, _ in words[j:]) + name
        if tag.startswith(("p", "c", "u", "r", "x", "m", "q", "y")) or word in FUNCTION_CHARS or word in DETERMINERS:
            return name
        if _is_head(word, tag, INSTITUTIONAL_HEADS):
            return name  # another name ends here
    return name


def _after_predicate(before: str, name: str) -> str:
    """Cut a name at a verb that is the predicate of a body or of a preposition's object before it:
    经社理事会|提供|政策咨询和方案, 在|南苏丹共和国|建立|过渡民族团结政府; else start it on a body jieba's lexicon
    knows by name that a verb takes as its object (审议|指导|联合国与区域组织)."""
    words = pos_pattern(name)
    after_preposition = bool(before) and pos_pattern(before)[-1][0] in _PREDICATE_PREPOSITIONS
    start = 0
    for i, (word, tag) in enumerate(words[:-1]):
        start += len(word)
        if (
            tag == "v"
            and i > 0
            and not _describes_issue_body(words, i)  # 问题|机构间|支助|组: describing the body named for an issue
            and (after_preposition or any(_is_head(*w, INSTITUTIONAL_HEADS) for w in words[max(0, i - 2) : i]))
        ):
            return name[start:]  # also over the modal between: 裁军谈判会议|无法|设立|特设委员会
    start = 0
    for i, (word, tag) in enumerate(words[:-1]):
        start += len(word)
        if tag == "v" and any(t == "nt" for _, t in words[i + 1 : min(i + 3, len(words) - 1)]):
            # a verb whose object is a body jieba's lexicon knows by name is the clause's: 审议|指导|联合国与区域组织
            following = words[i + 1 :]
            skip = next(j for j, (_, t) in enumerate(following) if t == "nt")
            return name[start + sum(len(w) for w, _ in following[:skip]) :]
    return name


def _is_head(word: str, tag: str, heads: set[str]) -> bool:
    """A head, or a noun jieba keeps whole that ends on one (审查会议, 苏丹政府) or names a unit (福利|部)."""
    return (
        word in heads
        or (tag.startswith(NOMINAL_TAGS) and any(word.endswith(h) for h in heads if 2 <= len(h) < len(word)))
        or (_is_unit(word, tag) and word[-1] in heads)
    )


def _about_title(text: str, name: str) -> str:
    """A name written after a clause that opens on 关于 ("on", "concerning") and closes on 的 is a title of that form:
    关于在国际贸易中对某些危险化学品和农药采取事先知情同意程序的|鹿特丹公约."""
    before = text[: len(text) - len(name)]
    if not before.endswith("的"):
        return name
    start = before.rfind("关于")
    if (
        start == -1
        or len(before) - start > _ABOUT_MAX_CHARS
        or (start > 0 and before[start - 1] not in '《“"的在和及与')
    ):
        return name
    inside = before[start + 2 : -1]
    if "的" in inside or not inside:
        return name
    return text[start:]


def _known_after_verb(name: str, known: set[str]) -> str:
    """秘书|遵守|缔约方大会 → 缔约方大会, 后|继续发扬|伙伴关系 → 伙伴关系: a name that is no known term, whose words after
    a verb or an idiom are one, is that term after a predicate."""
    if name in known:
        return name
    words = pos_pattern(name)
    start = len(name)
    for word, tag in reversed(words[1:]):
        start -= len(word)
        if tag in ("v", "i", "l") or word == "的":
            after = name[start + len(word) :]
            return after if after in known else name
    return name


def _known_left_edge(text: str, name: str, known: set[str]) -> str:
    """Move the left edge back to the start of a known term it cuts (可|持续发展议程 → 可持续发展议程), or of a name the
    dictionary lists (不扩散|核武器条约… → 不扩散核武器条约…: CC-CEDICT's entries of four characters or more are
    lexicalised names and phrases, not words jieba may have cut differently)."""
    start = len(text) - len(name)
    cut = [
        i
        for term in known
        for i in [text.rfind(term, 0, start + len(term) - 1)]
        if i != -1 and i < start < i + len(term)
    ]
    if cut:
        return text[min(cut) :]  # the earliest such start, whatever the set's order: 预防犯罪和|刑事|司法委员会
    for i in range(max(0, start - _DICTIONARY_REACH), start):
        if not re.search(rf"[^{CJK}]", text[i:start]) and _dictionary_prefix(text[i:], start - i + 1):
            return text[i:]
    return name


def _dictionary_prefix(text: str, at_least: int = 4) -> bool:
    """Whether ``text`` starts on an entry of CC-CEDICT of four characters or more (and ``at_least``), not a verb and its
    object (召开会议): a name or phrase the dictionary lists as one (不扩散核武器条约)."""
    return any(
        (senses := cedict.senses(text[:end]))
        and not any(_verb_sense(sense) for sense in senses)
        and not _verb_first(pos_pattern(text[:end]))
        for end in range(max(at_least, 4), len(text) + 1)
    )


def _second_of_two(name: str, heads: set[str], known: set[str]) -> str:
    """非政府组织和民间社会 → 民间社会: at a conjunction whose two sides are each a name, keep the right one.  A right
    side that starts on a body jieba's lexicon knows by name is one whatever the left is (环境署执行主任和|粮农组织,
    …缔约方大会和|联合国大会): a conjunction does not join a word to the inside of a proper name."""
    words = pos_pattern(name)
    for i, (word, _) in enumerate(words):
        if word in _AND_WORDS and 0 < i < len(words) - 1:
            left, right = "".join(w for w, _ in words[:i]), "".join(w for w, _ in words[i + 1 :])
            left_whole = left in known or _is_head(*words[i - 1], heads) or (i == 1 and len(left) >= 3)
            right_whole = right in known or (_is_head(*words[i - 1], heads) and _is_head(*words[-1], heads))
            if (left_whole and right_whole) or _proper_start(words[i + 1 :]) or right in heads:
                # a bare head after a conjunction is no coordinated modifier's (审查与|大会): the name is the head's
                return _second_of_two(right, heads, known)
    return name


def _proper_start(words: tuple[tuple[str, str], ...]) -> bool:
    """Words that start on a body jieba's lexicon knows by name (粮农组织, 联合国|大会, 欧洲联盟)."""
    return bool(words) and words[0][1] == "nt"


def _with_years(text: str, start: int, name: str) -> str:
    """The name with the year(s) written just before it: 2030年可持续发展议程; not a year coordinated with
    another (2005年和2010年高级别会议: the meetings of two years)."""
    before = text[max(0, start - 16) : start]
    m = _YEARS_BEFORE.search(before)
    if not m or re.search(r"\d{4}年?\s*[和与及、]\s*$", before[: m.start()]):
        return name
    return re.sub(r"\s+", "", m.group()) + name


def _recurring_grams(paragraphs: list[str]) -> Counter:
    """Well-formed word n-grams (one to four words, two characters or more) occurring twice or more."""
    counts: Counter = Counter()
    for para in paragraphs:
        for clause in re.findall(rf"[{CJK}]+", para):
            words = [w for w, _ in pos_pattern(clause)]
            seen = set()
            for i in range(len(words)):
                for j in range(i + 1, min(i + 4, len(words)) + 1):
                    gram = "".join(words[i:j])
                    if len(gram) >= 2 and gram not in seen:
                        seen.add(gram)
                        counts[gram] += clause.count(gram)
    return Counter(
        {
            g: f
            for g, f in counts.items()
            if f >= 2
            and well_formed(g)
            and not _NUMBERED.search(g)
            and pos_pattern(g)[0][1] not in ("v", "m", "q")  # not cut after a number: 第12|段规定
            and not _place_phrase(g)
            and pos_pattern(g)[-1][1].startswith(NOMINAL_TAGS)
        }
    )


def _key_unit(gram: str, text: str) -> bool:
    """Whether a recurring gram of the document is a unit of it, not a piece of a longer name or a verb.

    Not one: a gram the document only ever writes before a year, the rest of a name with its year inside
    (不扩散核武器条约缔约国|2005年审议大会); a word the dictionary gives first as a verb (汇总 "to gather",
    指派 "to assign") that the document never uses as a noun — after 的, a preposition or a determiner
    (对|监控|做法, 规定的|核查: surveillance, verification name an activity); a gram always written next to the
    interpunct that joins the parts of a foreign name (联合国纳尔逊|·罗利拉拉·|曼德拉奖章程): a piece of that name; a gram
    that recurs only as the head repeated on both sides of a coordination (旁遮普福利部和社会福利部), or only after the
    same word and conjunction (男子和|男童: men and boys)."""
    ends = [m.end() for m in re.finditer(re.escape(gram), text)]
    if all(re.match(r"\s*\d{4}\s*年", text[e : e + 8]) for e in ends):
        return False
    if all(set(_INTERPUNCT).intersection(text[e - len(gram) - 1 : e - len(gram)] + text[e : e + 1]) for e in ends):
        return False
    coordinated = re.findall(rf"{re.escape(gram)}[和与及、或][{CJK}]{{0,{_CONTEXT_CHARS}}}?{re.escape(gram)}", text)
    if len(ends) - len(coordinated) < 2:
        return False  # 会议口译和公共服务口译: a coordination that repeats its head names it once
    two_before = {_words_before(text, e - len(gram))[-2:] for e in ends}
    if len(two_before) == 1 and len(pair := two_before.pop()) == 2 and pair[1][0] in _AND_WORDS:
        return False  # 男子和|男童, 条例和|细则: always the second half of the same pair, which recurs as a pair
    return not (_verb_first_sense(gram) and not any(_noun_use(text, e - len(gram)) for e in ends))


def _cut_word_whole(gram: str, text: str) -> str:
    """A gram that starts or ends on a one-character word with the same Chinese character next to it at each of
    its occurrences grows by that character: jieba read a word of two apart (多|国方案文件: 多国, multi-country).
    Not over a character that ends a number (2015年|后发展议程)."""
    words = pos_pattern(gram)
    starts = [m.start() for m in re.finditer(re.escape(gram), text)]
    if len(words[0][0]) == 1 and min(starts) > 1 and not any(text[s - 2].isdigit() for s in starts):
        before = {text[s - 1] for s in starts}
        if len(before) == 1 and re.fullmatch(rf"[{CJK}]", ch := before.pop()) and ch not in FUNCTION_CHARS:
            gram = ch + gram
            starts = [s - 1 for s in starts]
    if len(words[-1][0]) == 1:
        after = {text[s + len(gram) : s + len(gram) + 1] for s in starts}
        if len(after) == 1 and re.fullmatch(rf"[{CJK}]", ch := after.pop()) and ch not in FUNCTION_CHARS:
            gram += ch
    return gram


def _verb_first_sense(word: str) -> bool:
    """A single word the dictionary gives first as a verb ("to ...": 指派 "to assign; assignment")."""
    senses = cedict.senses(word)
    return len(pos_pattern(word)) == 1 and bool(senses) and _verb_sense(senses[0])


def _noun_use(text: str, start: int) -> bool:
    """Whether the word at ``start`` is used as a noun: after 的, a preposition or a determiner."""
    before = _words_before(text, start)[-1]
    return before[0] == "的" or before[1].startswith("p") or before[0] in DETERMINERS


def _counted(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a number and its classifier (一个, 三项, 20名): not an ordinal (第51次), nor a
    determiner (一些|核武器国家: some of a kind the text names)."""
    word, tag = _words_before(text, start)[-1]
    before = text[max(0, start - _CONTEXT_CHARS) : start]
    return (
        tag in ("m", "q")
        and word not in DETERMINERS
        and not word.startswith("第")
        and not re.search(rf"第[\d{ZH_NUMERAL}]+\S?$", before)
    )


def _place_phrase(gram: str) -> bool:
    """A place alone (几内亚比绍, 南苏丹, 格陵兰: jieba's tag or the dictionary, ``is_place``) or with one common noun
    (海地当局, 南苏丹危机): it names no body, and a free combination is no term; the names that start on a place end on
    an institutional head (``_head_names``).
    A single place character is not taken for a place (伊|加特: jieba's reading of an abbreviation)."""
    rest = _after_places(gram)
    return len(gram) - len("".join(w for w, _ in rest)) >= 2 and (
        not rest or (len(rest) == 1 and rest[0][1] == "n" and rest[0][0] not in INSTITUTIONAL_HEADS)
    )


def _place_alone(term: str) -> bool:
    """Only places: 联合王国, 格陵兰, 南苏丹 (not 非洲国家, 德班审查会议: a group or a body named after one)."""
    return not _after_places(term)


def _after_places(gram: str) -> tuple[tuple[str, str], ...]:
    """The words of ``gram`` after the places it starts with (jieba's tag or the dictionary's: 阿富汗/nr, 联合王国/nt);
    none when it is a place (蒙特塞拉特, which jieba cuts into a person's names)."""
    if is_place(gram):
        return ()
    words = pos_pattern(gram)
    k = 0
    while k < len(words) and (words[k][1] in ("ns", "s") or is_place(words[k][0])):
        k += 1
    return words[k:]


def _log_likelihood(a: int, n1: int, b: int, n2: int) -> float:
    """Dunning's log-likelihood of ``a`` in ``n1`` against ``b`` in ``n2``; negative when rarer here."""
    expected1 = n1 * (a + b) / (n1 + n2)
    expected2 = n2 * (a + b) / (n1 + n2)
    ll = 2 * ((a * math.log(a / expected1) if a else 0) + (b * math.log(b / expected2) if b else 0))
    return ll if a / n1 >= b / n2 else -ll


def _occurrences(text: str, terms: list[str], weak: set[str] = frozenset()) -> dict[str, list[tuple[int, str]]]:
    """Each term's occurrences (start, whether inside an occurrence of a longer term of the list: "" if not,
    "weak" if only inside ``weak`` terms, "term" otherwise)."""
    spans: dict[str, list[int]] = {}
    for term in terms:
        starts, i = [], text.find(term)
        while i != -1:
            starts.append(i)
            i = text.find(term, i + 1)
        spans[term] = starts
    covers = sorted((s, s + len(t), t in weak) for t, starts in spans.items() for s in starts)
    out = {}
    for term, starts in spans.items():
        out[term] = []
        for s in starts:
            around = [title for a, b, title in covers if a <= s and s + len(term) <= b and b - a > len(term)]
            out[term].append((s, "" if not around else "weak" if all(around) else "term"))
    return out


def _example(text: str, start: int, length: int, width: int = 15) -> str:
    left = text[max(0, start - width) : start].split("\n")[-1]
    right = text[start + length : start + length + width].split("\n")[0]
    return f"{left}[{text[start : start + length]}]{right}"
