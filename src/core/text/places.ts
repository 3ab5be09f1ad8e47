/**
 * Countries and their adjectives, for place claims ("In Denmark, …", "a Danish cabinet crisis").
 * Data, not logic: a place a dataset names as an entity is added to these at index time.
 */
export const COUNTRIES: ReadonlyArray<[string, string[]]> = [
  ['Afghanistan', ['Afghan']], ['Albania', ['Albanian']], ['Algeria', ['Algerian']], ['Australia', ['Australian']],
  ['Austria', ['Austrian']], ['Azerbaijan', ['Azerbaijani']], ['Bahrain', ['Bahraini']], ['Belgium', ['Belgian']],
  ['Bosnia', ['Bosnian']], ['Bulgaria', ['Bulgarian']], ['Canada', ['Canadian']], ['China', ['Chinese']],
  ['Croatia', ['Croatian']], ['Cyprus', ['Cypriot']], ['Czech Republic', ['Czech']], ['Denmark', ['Danish']],
  ['Egypt', ['Egyptian']], ['Estonia', ['Estonian']], ['Finland', ['Finnish']], ['France', ['French']],
  ['Georgia', ['Georgian']], ['Germany', ['German']], ['Greece', ['Greek']], ['Hungary', ['Hungarian']],
  ['Iceland', ['Icelandic']], ['India', ['Indian']], ['Indonesia', ['Indonesian']], ['Iran', ['Iranian']],
  ['Iraq', ['Iraqi']], ['Ireland', ['Irish']], ['Israel', ['Israeli']], ['Italy', ['Italian']], ['Japan', ['Japanese']],
  ['Jordan', ['Jordanian']], ['Kazakhstan', ['Kazakh']], ['Kosovo', ['Kosovar']], ['Kuwait', ['Kuwaiti']],
  ['Kyrgyzstan', ['Kyrgyz']], ['Latvia', ['Latvian']], ['Lebanon', ['Lebanese']], ['Libya', ['Libyan']],
  ['Lithuania', ['Lithuanian']], ['Luxembourg', []], ['Malaysia', ['Malaysian']], ['Maldives', ['Maldivian']],
  ['Morocco', ['Moroccan']], ['Netherlands', ['Dutch']], ['New Zealand', []], ['North Macedonia', ['Macedonian']],
  ['Norway', ['Norwegian']], ['Oman', ['Omani']], ['Pakistan', ['Pakistani']], ['Poland', ['Polish']],
  ['Portugal', ['Portuguese']], ['Qatar', ['Qatari']], ['Romania', ['Romanian']], ['Russia', ['Russian']],
  ['Saudi Arabia', ['Saudi']], ['Serbia', ['Serbian']], ['Slovakia', ['Slovak']], ['Slovenia', ['Slovenian']],
  ['Somalia', ['Somali']], ['Spain', ['Spanish']], ['Sudan', ['Sudanese']], ['Sweden', ['Swedish']],
  ['Switzerland', ['Swiss']], ['Syria', ['Syrian']], ['Tajikistan', ['Tajik']], ['Tunisia', ['Tunisian']],
  ['Turkey', ['Turkish', 'Türkiye']], ['Turkmenistan', ['Turkmen']], ['Ukraine', ['Ukrainian']],
  ['United Arab Emirates', ['Emirati', 'UAE']], ['United Kingdom', ['British', 'Britain', 'UK', 'U.K.']],
  ['United States', ['American', 'U.S.', 'US', 'America']], ['Uzbekistan', ['Uzbek']], ['Yemen', ['Yemeni']],
];

/** Capitals and big cities that stand for their country in news copy ("In Copenhagen, …"). */
export const CITIES: ReadonlyArray<[string, string]> = [
  ['Oslo', 'Norway'], ['Stockholm', 'Sweden'], ['Copenhagen', 'Denmark'], ['Helsinki', 'Finland'], ['Berlin', 'Germany'],
  ['Paris', 'France'], ['London', 'United Kingdom'], ['Brussels', 'Belgium'], ['Amsterdam', 'Netherlands'], ['The Hague', 'Netherlands'],
  ['Madrid', 'Spain'], ['Rome', 'Italy'], ['Vienna', 'Austria'], ['Bern', 'Switzerland'], ['Dublin', 'Ireland'], ['Lisbon', 'Portugal'],
  ['Athens', 'Greece'], ['Warsaw', 'Poland'], ['Prague', 'Czech Republic'], ['Budapest', 'Hungary'], ['Moscow', 'Russia'],
  ['Ankara', 'Turkey'], ['Istanbul', 'Turkey'], ['Tehran', 'Iran'], ['Damascus', 'Syria'], ['Baghdad', 'Iraq'], ['Amman', 'Jordan'],
  ['Beirut', 'Lebanon'], ['Riyadh', 'Saudi Arabia'], ['Cairo', 'Egypt'], ['Washington', 'United States'], ['Ottawa', 'Canada'],
  ['Canberra', 'Australia'], ['Tunis', 'Tunisia'], ['Rabat', 'Morocco'], ['Algiers', 'Algeria'], ['Tripoli', 'Libya'],
];

/** Country name or adjective (lower-case) -> canonical country name. */
export const COUNTRY_BY_WORD: ReadonlyMap<string, string> = new Map(
  COUNTRIES.flatMap(([name, adjectives]) => [name, ...adjectives].map((w) => [w.toLowerCase(), name] as [string, string])),
);

/** City (lower-case) -> its country. */
export const COUNTRY_BY_CITY: ReadonlyMap<string, string> = new Map(CITIES.map(([city, country]) => [city.toLowerCase(), country]));

/** Country -> the words that name it (name and adjectives), for vocabularies of titles. */
export function countryWords(name: string): string[] {
  const row = COUNTRIES.find(([n]) => n === name);
  return row ? [row[0], ...row[1]] : [name];
}
