import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../electron/core/claims/candidates';

/** The candidate that contains `words`, which must exist. */
function find(text: string, words: string) {
  const found = findCandidates(text).find((c) => c.text.includes(words));
  expect(found, `a candidate with "${words}"`).toBeDefined();
  return found!;
}

describe('speaker attribution rules', () => {
  it('reads a participle as a reporting verb only where it opens a clause', () => {
    // "a profit warning following …" is a noun and a preposition, not "X, warning …".
    expect(findCandidates('Shares in Acme sank after the firm issued a profit warning following weak sales.')).toEqual([]);
    expect(find('John Smith met the unions on Monday, adding that the plan would cost too much.', 'the plan would cost')).toMatchObject({
      speaker: 'John Smith',
      verb: 'adding',
    });
  });

  it('keeps a named speaker apart from the place or firm written after "of"', () => {
    const text = 'Nicolas Sarkozy of France said he and his colleagues were worried. "We are concerned about these developments," he said.';
    expect(find(text, 'he and his colleagues').speaker).toBe('Nicolas Sarkozy');
    expect(find(text, 'We are concerned').speaker).toBe('Nicolas Sarkozy');
    const after = '"The markets were calm today," said Junya Tanase of JPMorgan Chase bank in Tokyo.';
    expect(find(after, 'The markets were calm').speaker).toBe('Junya Tanase');
  });

  it("never gives Mr X's spokesman as Mr X", () => {
    const text = 'Tony Blair said the law would stay. Mr Blair\'s spokesman said: "The church has a well-known position on this issue."';
    expect(find(text, 'The church has').speaker).toBe("Mr Blair's spokesman");
  });

  it('resolves an unknown office to the person named just before, or the one who just spoke', () => {
    const party =
      'Tony Blair said abortion was a matter of conscience. The cardinal backed Michael Howard\'s stance. The Tory leader has said current rules are "tantamount to abortion on demand". Mr Howard spoke later.';
    expect(find(party, 'current rules').speaker).toBe('Michael Howard');
    const office =
      'Mr Straw said of the Tory leader: "He is clever, but he is not wise." The Foreign Secretary told the BBC: "I was making an observation about policy."';
    expect(find(office, 'I was making an observation').speaker).toBe('Straw');
  });

  it('takes "he" for a person, not for a country that was the subject of a verb', () => {
    const text =
      'Charles Kennedy said the troops should leave. The Netherlands, which has troops in Iraq, has announced its withdrawal. He accused the government of "being less than straightforward" about its plans.';
    expect(find(text, 'being less than straightforward').speaker).toBe('Charles Kennedy');
  });

  it('gives quoted words inside a reported sentence to its speaker, or to the one the sentence before reported', () => {
    const saying =
      'Cardinal Cormac Murphy O\'Connor backed the stance. In a statement, he said abortion was a "very key issue", saying: "We back the policy."';
    expect(find(saying, 'very key issue')).toMatchObject({ speaker: "Cormac Murphy O'Connor", quoted: true });
    const next = 'Mr Kennedy said the troops should come home. Any exit strategy must "augment and support" the democratic process.';
    expect(find(next, 'augment and support')).toMatchObject({ speaker: 'Kennedy', quoted: true });
    // With nobody reported before, the same words are no one's.
    expect(findCandidates('The weather was bad. Any exit strategy must "augment and support" the democratic process.')).toEqual([]);
  });

  it('reads naming verbs with a quote, relative clauses and "according to a statement from X"', () => {
    const named = 'On Tuesday another senior adviser called the sale "the swindle of the century". The board called a meeting for Monday.';
    expect(findCandidates(named).map((c) => [c.speaker, c.verb, c.text])).toEqual([
      ['adviser', 'called', 'the sale "the swindle of the century"'],
    ]);
    const which = 'The move was welcomed at the time by Beijing, which described the embargo as a "product of the Cold War".';
    expect(find(which, 'product of the Cold War').speaker).toBe('Beijing');
    const statement =
      'According to a statement from Mr Spitzer\'s office, the executive admitted the charges. Those bids were then "conveyed to clients under false pretences".';
    expect(find(statement, 'the executive admitted').speaker).toBe("Mr Spitzer's office");
    expect(find(statement, 'conveyed to clients')).toMatchObject({ speaker: "Mr Spitzer's office", quoted: true });
  });

  it('reads Russian speakers: a body\'s quoted name, "глава региона", "эксперт", "назвала «…»", a colon, "говорится в сообщении"', () => {
    const quotedBody =
      'Глава Росавиации Александр Нерадько пообещал не затягивать. «Разрешение выдадим за две недели», — отметил он. Эксперт агентства «Авиапорт» Олег Пантелеев отнесся к планам скептически. «Сроки открытия уже переносились дважды», — заявил он.';
    expect(find(quotedBody, 'Сроки открытия').speaker).toBe('Олег Пантелеев');
    const region =
      'Губернатор края Вениамин Кондратьев сообщил об уборке. «Мы намолотили три миллиона тонн», — заявил журналистам глава региона.';
    expect(find(region, 'Мы намолотили').speaker).toBe('Вениамин Кондратьев');
    const expert =
      '«Перепись показала рост городов», — отметил Сергей Галкин. Демограф Алексей Ракша сомневается в данных. «Часть жителей не застали дома», — написал эксперт в своем блоге. «Численность может отличаться», — считает он.';
    expect(find(expert, 'Часть жителей').speaker).toBe('Алексей Ракша');
    expect(find(expert, 'Численность может').speaker).toBe('Алексей Ракша');
    const named = 'Вице-премьер Татьяна Голикова назвала итоги переписи «важнейшей основой для планирования политики».';
    expect(find(named, 'важнейшей основой')).toMatchObject({ speaker: 'Татьяна Голикова', verb: 'назвала' });
    const colon = 'Режиссер постановки Евгений Писарев: «Мы не переносим действие в наши дни».';
    expect(find(colon, 'Мы не переносим')).toMatchObject({ speaker: 'Евгений Писарев', verb: null, quoted: true });
    const statement = 'Терминал откроется в мае. «Все системы прошли испытания», — говорится в сообщении пресс-службы аэропорта.';
    expect(find(statement, 'Все системы')).toMatchObject({ speaker: 'пресс-служба аэропорта', verb: 'говорится' });
  });

  it("reads «…, — сказал X. — …» as two parts of X's quotation, without the clause between them", () => {
    const text =
      'Губернатор Вениамин Кондратьев сообщил об уборке. Министр Федор Дерека провел совещание. «Элеваторы подготовлены заранее, — сказал Дерека. — Мощностей хватит на весь урожай».';
    expect(findCandidates(text).map((c) => [c.text, c.speaker, c.verb, c.quoted])).toEqual([
      ['Элеваторы подготовлены заранее', 'Федор Дерека', 'сказал', true],
      ['Мощностей хватит на весь урожай', 'Федор Дерека', 'сказал', true],
    ]);
  });

  it('reads the speakers of the second English tune batch: party and role before a titled name, age before a name, an apposition, "quoted X as saying"', () => {
    const peer =
      'Liberal Democrat peer Lord Greaves called last week for observers - saying otherwise there could be challenges "on a scale not seen since the 19th Century".';
    expect(find(peer, 'on a scale').speaker).toBe('Greaves');
    const age =
      'All three band members stressed that the break was amicable. "This has been a really difficult decision," 19-year-old Simpson revealed, "I hope the fans will understand."';
    expect(find(age, 'This has been').speaker).toBe('Simpson');
    expect(find(age, 'I hope the fans').speaker).toBe('Simpson');
    const apposition = 'Mike Eccleshall, the venue\'s Promotions Coordinator, said: "Tickets had been selling strongly."';
    expect(find(apposition, 'Tickets had been').speaker).toBe('Mike Eccleshall');
    const paper =
      'According to the Financial Times, chief operating officer Peter Chernin said that News Corp is "kicking the tyres of pretty much all video games companies". Video games are "big business", the paper quoted Mr Chernin as saying. We "would like to get into it".';
    expect(find(paper, 'kicking the tyres').speaker).toBe('Peter Chernin');
    expect(find(paper, 'would like to get into it')).toMatchObject({ speaker: 'Peter Chernin', quoted: true });
  });

  it('takes "he" for the person named since the last speaker spoke (", who" marks a person)', () => {
    const text =
      'Andy Robinson said: "He is a natural leader." Wilkinson, who has scored 817 points, kicked the winning drop-goal. But he then missed the whole campaign. "It\'s the ambition of so many players," he said.';
    expect(find(text, "It's the ambition").speaker).toBe('Wilkinson');
  });

  it('reads the speakers of the third English tune batch: a relative clause or a role-led apposition after the subject, an accusing verb, a verb after a reporting verb', () => {
    const trader =
      'Sales were weak. However, one trader, who asked not to be named, told Reuters the results were "not what people had hoped for". "It has been a tough year for everyone," he said.';
    expect(find(trader, 'not what people').speaker).toBe('trader');
    expect(find(trader, 'a tough year').speaker).toBe('trader');
    const director = 'Jane Smith, legal director of the charity Redress, said: "The inquiry must be held in public."';
    expect(find(director, 'The inquiry must').speaker).toBe('Jane Smith');
    const possessive =
      'The WTO said quotas would end. "Workers will lose out badly," John Brown, Oxfam\'s head of policy, said. "Many will be hard-pressed to cope."';
    expect(find(possessive, 'Workers will lose').speaker).toBe('John Brown');
    expect(find(possessive, 'hard-pressed').speaker).toBe('John Brown');
    const accused =
      'Mr Clarke said deportation would help. The shadow home secretary, Mark Oaten, accused Mr Clarke of ducking the issue. "The real question is being dodged," he said.';
    expect(find(accused, 'real question').speaker).toBe('Mark Oaten');
    const reports =
      'Ms James said reports that she had compared the plan to tyranny were wrong. She told the radio: "I never said anything of the kind."';
    expect(find(reports, 'I never said').speaker).toBe('James');
  });

  it('reads a post-nominal, "the Salford MP", "said its chief executive, Sir X Y" and "Sir X" later, a body with a proper name, "ruled", "called on"', () => {
    const mp = 'Hazel Blears said searches would rise. "The threat is most likely to come from abroad," the Salford MP told the committee.';
    expect(find(mp, 'The threat is').speaker).toBe('Hazel Blears');
    expect(find('Committee chairman Peter Ainsworth MP, said: "This is an alarming example of bad policy."', 'alarming').speaker).toBe(
      'Peter Ainsworth',
    );
    const knight =
      'The share of poorer students "hardly changed at all", said its chief executive, Sir Howard Newby. Sir Howard said more work was needed. He told the BBC: "We know what works for them."';
    expect(find(knight, 'hardly changed').speaker).toBe('Howard Newby');
    expect(find(knight, 'We know what works').speaker).toBe('Howard Newby');
    const union =
      'Universities UK said fees would help. The National Union of Students argued that fees were "likely to make things much worse".';
    expect(find(union, 'much worse').speaker).toBe('National Union of Students');
    const judges =
      'Lord Justice Rix and Mr Justice Forbes ruled that the law did not apply "to the total territory of another state". The earlier inquiry had not been "timely, open or effective", the judges said.';
    expect(find(judges, 'total territory').speaker).toBe('Forbes');
    expect(find(judges, 'timely, open').speaker).toBe('Forbes');
    expect(find('Christian Aid has called on firms not to simply "cut and run" from poor countries.', 'cut and run').speaker).toBe(
      'Christian Aid',
    );
  });

  it('takes "he" for a subject, not for a name after a preposition or an owner; never for a body named after "the"', () => {
    const agent =
      'Lord Falconer said the bill was flawed. The changes proposed by Lord Dubs were a "complex and controversial undertaking", he said.';
    expect(find(agent, 'complex and controversial').speaker).toBe('Falconer');
    const owner =
      'Graham Robb said the campaign was in trouble. And he hit back at Mr Mallon\'s claim that transport would improve. "It can push paper around but it cannot move people," he said.';
    expect(find(owner, 'push paper').speaker).toBe('Graham Robb');
    const country =
      'Charles Kennedy said troops should leave. The Netherlands, Portugal and the Czech Republic, which all have troops in Iraq, have announced their withdrawal. He accused the government of "being less than straightforward" about its plans.';
    expect(find(country, 'less than straightforward').speaker).toBe('Charles Kennedy');
  });

  it('reads a long parenthesis between dashes, "Name, role, said the …", a relative clause with commas, "X and Y Ministry", a verb in a capitalised name', () => {
    const dashes =
      'Mr Mallon spoke first. But Mr Herron - who gained fame as one of Sunderland\'s "metric martyrs" and is running his own No campaign alongside the official North East Says No campaign in the region - said: "The reality is that it is not going to deliver."';
    expect(find(dashes, 'The reality is').speaker).toBe('Herron');
    const apposition =
      'Graham Robb, spokesman for North East Says No, said the Yes campaign\'s decision to get personal dragged the campaign "into the gutter".';
    expect(find(apposition, 'into the gutter').speaker).toBe('Graham Robb');
    const alliance =
      'The Making Decisions Alliance, which includes the Alzheimer\'s Society, Age Concern and Mencap, said the bill was sound. "It will not change the current law on euthanasia," the alliance said in a statement.';
    expect(find(alliance, 'the bill was sound').speaker).toBe('Making Decisions Alliance');
    expect(find(alliance, 'It will not change').speaker).toBe('Making Decisions Alliance');
    const ministry =
      '"Internal and external conditions are likely to remain unfavourable," the Finance and Economy Ministry said in a statement.';
    expect(find(ministry, 'Internal and external').speaker).toBe('Finance and Economy Ministry');
    expect(find('Critics fear it could allow "killing by omission" through withdrawing treatment.', 'killing by omission').speaker).toBe(
      'Critics',
    );
  });

  it('reads the speakers of the fourth English tune batch: "…, said Mr X" after a name, "The MP for A and B", a post-nominal QC, prepositions and nouns that look like verbs', () => {
    const after =
      'Tony Blair spoke to the paper. Mr Livingstone "should have withdrawn the comment immediately" once he realised the journalist was Jewish, said Mr Blair.';
    expect(find(after, 'should have withdrawn').speaker).toBe('Tony Blair');
    const place = 'The MP for Sittingbourne and Sheppey said the prime minister had been "trying very hard" to win trust.';
    expect(find(place, 'trying very hard').speaker).toBe('MP for Sittingbourne and Sheppey');
    const qc =
      'Lord Woolf said the plan was sound. Director of Public Prosecutions, Ken Macdonald QC, who sits on the SGC, said the principle is set down by parliament. "It represents a tougher regime," he said.';
    expect(find(qc, 'tougher regime').speaker).toBe('Ken Macdonald');
    expect(findCandidates('Under EU rules, countries must keep their deficits below 3%.').map((c) => c.speaker)).toEqual([null]);
    expect(findCandidates('Ken Livingstone remains in a row over comments he made to a reporter.')).toEqual([]);
  });

  it('keeps a modifier after "the" in the office ("the prime minister"), so it is never a shadow chancellor named later', () => {
    const text =
      'Tony Blair has pledged to attack Tory leader Michael Howard only on policy. The prime minister told the Jewish Chronicle: "If you look at what I do, I attack Michael Howard politically." One poster showed Mr Howard and his shadow chancellor Oliver Letwin as flying pigs.';
    expect(find(text, 'If you look at what I do').speaker).toBe('prime minister');
  });

  it('names a Russian body found through "сообщили в …" or "говорится в сообщении …" in the nominative', () => {
    const text =
      'Тепло подано в 90% домов, сообщили в координационном центре мэрии. «Жалобы принимаются круглосуточно», — говорится в сообщении пресс-службы городской администрации.';
    expect(find(text, 'Тепло подано').speaker).toBe('координационный центр мэрии');
    expect(find(text, 'Жалобы принимаются').speaker).toBe('пресс-служба городской администрации');
  });
});
