// Checks the versioned value lists (server/data/taxonomy/*.json) against the public
// contract ("The value lists, version 2024") and against each other.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Label {
  nl: string;
  en: string;
}
interface Link {
  label: Label;
  url: string;
}
interface Item {
  code: string;
  label: Label;
  short?: Label;
  url?: string;
  parent?: string | null;
  agencies?: string[];
  links?: Link[];
  keywords?: string[];
}
interface Taxonomy {
  version: string;
  validFrom: string;
  replaces: string | null;
  mappings: Record<string, string>;
  lists: Record<string, Item[]>;
}

const load = (version: string): Taxonomy =>
  JSON.parse(readFileSync(new URL(`../../server/data/taxonomy/${version}.json`, import.meta.url), 'utf8')) as Taxonomy;

const v2024 = load('2024');
const v2021 = load('2021');

// The contract's codes, in the contract's order.
const CONTRACT_2024: Record<string, string[]> = {
  questionTypes: ['digitale-overheid', 'bibliotheekdienst', 'overig'],
  channels: ['balie', 'spreekuur', 'telefoon', 'email-chat'],
  durations: ['0-5', '5-15', '15-30', '30-60', '60+'],
  help: ['digitaal-contact', 'cursus', 'digitale-samenleving', 'dienstverleners', 'doorverwijzing'],
  digid: ['ja', 'nee', 'weet-niet'],
  agencies: [
    'belastingdienst',
    'dienst-toeslagen',
    'cak',
    'cbr',
    'ciz',
    'cjib',
    'duo',
    'svb',
    'uwv',
    'huurcommissie',
    'lbio',
    'rdw',
    'rechtsbijstand',
    'logius',
    'rvig',
    'gemeente',
    'zorgverzekeraar',
    'overig',
  ],
  topics: [
    'digid',
    'digid-aanvragen',
    'digid-activeren',
    'digid-app',
    'digid-machtigen',
    'toeslagen',
    'huurtoeslag',
    'zorgtoeslag',
    'kinderopvangtoeslag',
    'kindgebonden-budget',
    'belastingen',
    'belastingaangifte',
    'belasting-overig',
    'aow-pensioen',
    'werk-uitkering',
    'zorg-wmo',
    'rijbewijs-voertuig',
    'studiefinanciering',
    'boetes-betalingsregelingen',
    'huur',
    'kinderalimentatie',
    'rechtsbijstand',
    'paspoort-id',
    'gemeente',
    'berichtenbox',
    'overig',
  ],
  partnerKinds: [
    'sociaal-raadslieden',
    'welzijn',
    'humanitas',
    'formulierenbrigade',
    'vakbond',
    'ouderenbond',
    'mee',
    'clientondersteuning',
    'zorgkantoor',
    'schuldhulp',
    'juridisch-loket',
    'overig',
  ],
  courseTypes: ['digisterker', 'klik-en-tik', 'digid-cursus', 'veilig-online', 'smartphone-tablet', 'overig'],
  holidays: [
    'nieuwjaarsdag',
    'goede-vrijdag',
    'eerste-paasdag',
    'tweede-paasdag',
    'koningsdag',
    'bevrijdingsdag',
    'hemelvaartsdag',
    'eerste-pinksterdag',
    'tweede-pinksterdag',
    'eerste-kerstdag',
    'tweede-kerstdag',
  ],
};

const CONTRACT_PARENTS: Record<string, string | null> = {
  'digid-aanvragen': 'digid',
  'digid-activeren': 'digid',
  'digid-app': 'digid',
  'digid-machtigen': 'digid',
  huurtoeslag: 'toeslagen',
  zorgtoeslag: 'toeslagen',
  kinderopvangtoeslag: 'toeslagen',
  'kindgebonden-budget': 'toeslagen',
  belastingaangifte: 'belastingen',
  'belasting-overig': 'belastingen',
};

const LIST_NAMES = Object.keys(CONTRACT_2024);
const codes = (t: Taxonomy, list: string): string[] => (t.lists[list] ?? []).map((i) => i.code);
const CODE_RE = /^[a-z0-9]+(-[a-z0-9]+)*\+?$/;

function assertLabel(l: unknown, where: string): void {
  assert.ok(l && typeof l === 'object', `${where}: label missing`);
  const { nl, en } = l as Label;
  assert.ok(typeof nl === 'string' && nl.trim().length > 0, `${where}: empty nl`);
  assert.ok(typeof en === 'string' && en.trim().length > 0, `${where}: empty en`);
}

function assertHttps(url: unknown, where: string): void {
  assert.equal(typeof url, 'string', `${where}: url missing`);
  const u = new URL(url as string);
  assert.equal(u.protocol, 'https:', `${where}: ${String(url)} is not https`);
}

for (const t of [v2024, v2021]) {
  describe(`taxonomy ${t.version}: shape and internal consistency`, () => {
    it('has the expected top-level fields', () => {
      assert.deepEqual(Object.keys(t).sort(), ['lists', 'mappings', 'replaces', 'validFrom', 'version']);
      assert.match(t.validFrom, /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual(Object.keys(t.lists).sort(), [...LIST_NAMES].sort());
    });

    it('codes are unique, lower-case kebab-case', () => {
      for (const list of LIST_NAMES) {
        const cs = codes(t, list);
        assert.equal(new Set(cs).size, cs.length, `${list}: duplicate codes`);
        for (const c of cs) assert.match(c, CODE_RE, `${list}.${c}`);
      }
    });

    it('every label (and short label, link label) has non-empty nl and en', () => {
      for (const list of LIST_NAMES) {
        for (const item of t.lists[list]) {
          assertLabel(item.label, `${list}.${item.code}`);
          if (item.short !== undefined) assertLabel(item.short, `${list}.${item.code}.short`);
          for (const [i, l] of (item.links ?? []).entries()) {
            assertLabel(l.label, `${list}.${item.code}.links.${i}`);
          }
        }
      }
    });

    it('channels, durations and help have short labels', () => {
      for (const list of ['channels', 'durations', 'help']) {
        for (const item of t.lists[list]) assertLabel(item.short, `${list}.${item.code}.short`);
      }
    });

    it('agencies have an https url', () => {
      for (const a of t.lists.agencies) assertHttps(a.url, `agencies.${a.code}`);
    });

    it('topic parents exist and are top-level', () => {
      const byCode = new Map(t.lists.topics.map((x) => [x.code, x]));
      for (const topic of t.lists.topics) {
        assert.ok('parent' in topic, `topics.${topic.code}: parent missing`);
        if (topic.parent === null) continue;
        const parent = byCode.get(topic.parent as string);
        assert.ok(parent, `topics.${topic.code}: parent ${topic.parent} does not exist`);
        assert.equal(parent.parent, null, `topics.${topic.code}: parent ${topic.parent} is itself a child`);
      }
    });

    it('topic agencies exist among the agencies', () => {
      const agencyCodes = new Set(codes(t, 'agencies'));
      for (const topic of t.lists.topics) {
        assert.ok(Array.isArray(topic.agencies), `topics.${topic.code}: agencies missing`);
        for (const a of topic.agencies) {
          assert.ok(agencyCodes.has(a), `topics.${topic.code}: unknown agency ${a}`);
        }
      }
    });

    it('topic links are 1-3 https URLs', () => {
      for (const topic of t.lists.topics) {
        const links = topic.links ?? [];
        assert.ok(links.length >= 1 && links.length <= 3, `topics.${topic.code}: ${links.length} links`);
        for (const [i, l] of links.entries()) assertHttps(l.url, `topics.${topic.code}.links.${i}`);
      }
    });

    it('topic keywords are non-empty lower-case strings', () => {
      for (const topic of t.lists.topics) {
        assert.ok(Array.isArray(topic.keywords) && topic.keywords.length > 0, `topics.${topic.code}: no keywords`);
        for (const k of topic.keywords) {
          assert.ok(k.trim().length > 0, `topics.${topic.code}: empty keyword`);
          assert.equal(k, k.toLowerCase(), `topics.${topic.code}: keyword ${k} not lower-case`);
        }
      }
    });
  });
}

describe('taxonomy 2024 matches the contract', () => {
  it('is version 2024, valid from 2024-01-01, replacing 2021', () => {
    assert.equal(v2024.version, '2024');
    assert.equal(v2024.validFrom, '2024-01-01');
    assert.equal(v2024.replaces, '2021');
  });

  for (const list of LIST_NAMES) {
    it(`${list}: exactly the contract's codes, in order`, () => {
      assert.deepEqual(codes(v2024, list), CONTRACT_2024[list]);
    });
  }

  it('topics have the contract parents', () => {
    for (const topic of v2024.lists.topics) {
      assert.equal(topic.parent, CONTRACT_PARENTS[topic.code] ?? null, `topics.${topic.code}`);
    }
  });

  it('has the 11 holidays', () => {
    assert.equal(v2024.lists.holidays.length, 11);
  });
});

describe('taxonomy 2021 and the mapping onto 2024', () => {
  it('is version 2021, valid from 2021-01-01, replacing nothing, with no mappings', () => {
    assert.equal(v2021.version, '2021');
    assert.equal(v2021.validFrom, '2021-01-01');
    assert.equal(v2021.replaces, null);
    assert.deepEqual(v2021.mappings, {});
  });

  it("mappings' keys exist in 2021 but not in 2024, and map onto a 2024 code of the same list", () => {
    const entries = Object.entries(v2024.mappings);
    assert.ok(entries.length > 0, 'no mappings');
    for (const [from, to] of entries) {
      const lists = LIST_NAMES.filter((l) => codes(v2021, l).includes(from));
      assert.ok(lists.length > 0, `mapping ${from}: not a 2021 code`);
      for (const list of lists) {
        assert.ok(!codes(v2024, list).includes(from), `mapping ${from}: still a 2024 ${list} code`);
        assert.ok(codes(v2024, list).includes(to), `mapping ${from} -> ${to}: not a 2024 ${list} code`);
      }
    }
  });

  it('no code changed meaning: every 2021 code exists in 2024 or is mapped', () => {
    for (const list of LIST_NAMES) {
      const now = new Set(codes(v2024, list));
      for (const code of codes(v2021, list)) {
        assert.ok(now.has(code) || code in v2024.mappings, `${list}.${code}: dropped without mapping`);
      }
    }
  });

  it('a code kept in 2024 is not also mapped away', () => {
    for (const from of Object.keys(v2024.mappings)) {
      for (const list of LIST_NAMES) {
        if (codes(v2021, list).includes(from)) assert.ok(!codes(v2024, list).includes(from), from);
      }
    }
  });

  it('topic hierarchy is preserved under the mapping', () => {
    const map = (c: string | null | undefined): string | null => (c == null ? null : (v2024.mappings[c] ?? c));
    const parent2024 = new Map(v2024.lists.topics.map((x) => [x.code, x.parent ?? null]));
    for (const topic of v2021.lists.topics) {
      const code = map(topic.code) as string;
      assert.ok(parent2024.has(code), `topics.${topic.code}`);
      assert.equal(parent2024.get(code), map(topic.parent), `topics.${topic.code}: parent changed`);
    }
  });

  it('differs from 2024 in only a few codes', () => {
    let differing = 0;
    for (const list of LIST_NAMES) {
      const a = new Set(codes(v2021, list));
      const b = new Set(codes(v2024, list));
      for (const c of a) if (!b.has(c)) differing++;
      for (const c of b) if (!a.has(c)) differing++;
    }
    assert.ok(differing > 0 && differing <= 12, `${differing} differing codes`);
  });
});
