/**
 * The world the generated drafts and datasets share: towns, people and local-news beats (councils,
 * schools, sports, hospitals, …), each with what its figures count, the verbs of its events, and
 * sentences a reporter writes about them. Drafts and datasets draw from the same world, so a
 * generated draft binds to generated facts (and, where it tells the bundled story, to bundled ones).
 */
import type { Rng } from './rng';

const TOWN_HEADS = ['Ash', 'Brook', 'Cold', 'Dun', 'East', 'Fair', 'Glen', 'Hart', 'Iron', 'Kings', 'Lang', 'Mill', 'North', 'Oak', 'Pen', 'Queens', 'Rad', 'Salt', 'Thorn', 'Up', 'Wal', 'West', 'York', 'Bel', 'Car', 'Dor', 'Elm', 'Fern', 'Gold', 'Hol', 'Kel', 'Lyn', 'Mar', 'New', 'Old', 'Pol', 'Red', 'Stan', 'Tar', 'Wick'];
const TOWN_TAILS = ['ford', 'bridge', 'field', 'ham', 'ley', 'ton', 'wick', 'worth', 'bury', 'by', 'chester', 'dale', 'gate', 'hurst', 'mere', 'mouth', 'stead', 'stow', 'thorpe', 'well', 'moor', 'brook', 'cliffe', 'combe', 'haven'];
/** 1,000 town names ("Ashford", "Kingsmere", …): the places drafts write about. */
export const TOWNS: readonly string[] = TOWN_HEADS.flatMap((h) => TOWN_TAILS.map((t) => h + t));
/** 10,000 place names: the towns, then "Upper Ashford", "Little Kingsmere", … */
export const PLACES: readonly string[] = ['', 'Upper ', 'Lower ', 'Great ', 'Little ', 'Old ', 'New ', 'Market ', 'Nether ', 'Long '].flatMap((p) => TOWNS.map((t) => p + t));

export const FIRST_NAMES = ['Amara', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hassan', 'Ines', 'James', 'Keira', 'Liam', 'Maya', 'Nikhil', 'Olivia', 'Pavel', 'Quinn', 'Rosa', 'Samuel', 'Tara', 'Umar', 'Vera', 'Wei', 'Yusuf', 'Zoe', 'Aidan', 'Bronwen', 'Carlos', 'Deborah', 'Emeka', 'Fiona', 'Gareth', 'Helen', 'Ivan', 'Joanna', 'Kwame', 'Lucia', 'Martin', 'Nadia', 'Owen'];
export const LAST_NAMES = ['Abbott', 'Bello', 'Carver', 'Dlamini', 'Evans', 'Fischer', 'Gallagher', 'Hughes', 'Iqbal', 'Jensen', 'Kowalski', 'Lindqvist', 'Mensah', 'Novak', 'Okafor', 'Patel', 'Quigley', 'Rahman', 'Sandoval', 'Thornton', 'Umeh', 'Varga', 'Whitfield', 'Xu', 'Yilmaz', 'Zeller', 'Ashworth', 'Brennan', 'Castillo', 'Doyle', 'Eriksen', 'Ferreira', 'Grant', 'Hollis', 'Ishikawa', 'Jovanovic', 'Kearney', 'Lopez', 'Mwangi', 'Nash'];

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** What a figure counts on a beat, the verbs of its event and a reporter's sentences about it. */
export interface Measure {
  key: string;
  noun: string;
  /** Other words for the noun (the first is the noun itself). */
  nouns: string[];
  events: string[];
  excludes: string[];
  label: string;
  min: number;
  max: number;
  /** `{N}` is the figure with its noun, `{ORG}` the organisation, `{TOWN}` the town. */
  sentences: string[];
}

export interface Beat {
  name: string;
  /** Organisation names: `{TOWN}` is replaced by the town. */
  orgs: string[];
  roles: string[];
  measures: Measure[];
  /** A dated event: label, verbs and a sentence with `{DATE}`. */
  dated: { label: string; events: string[]; sentence: string };
  /** A year fact: label, verbs and a sentence with `{YEAR}`. */
  founded: { label: string; events: string[]; sentence: string };
  /** A duration fact: label, verbs, unit and a sentence with `{DUR}`. */
  lasting: { label: string; events: string[]; unit: 'day' | 'week' | 'month' | 'year'; sentence: string };
  quotes: string[];
}

export const BEATS: readonly Beat[] = [
  {
    name: 'council',
    orgs: ['{TOWN} Borough Council', '{TOWN} council', '{TOWN} Town Council'],
    roles: ['council leader', 'deputy council leader', 'cabinet member for housing', 'chief executive of the council', 'finance chief'],
    measures: [
      { key: 'homes', noun: 'homes', nouns: ['homes', 'houses', 'new homes', 'dwellings', 'flats', 'affordable homes'], events: ['approved', 'approve', 'granted', 'backed', 'given the go-ahead', 'planning permission', 'signed off'], excludes: ['rejected', 'refused', 'proposed', 'could', 'might'], label: 'homes approved in the {TOWN} plan', min: 40, max: 2400, sentences: ['{ORG} approved plans for {N} on the edge of {TOWN}.', 'Councillors in {TOWN} granted planning permission for {N} last month.', 'The scheme, backed by {ORG}, includes {N} near the railway station.'] },
      { key: 'councillors', noun: 'councillors', nouns: ['councillors', 'members', 'council members', 'elected members'], events: ['voted', 'vote', 'voted in favour', 'backed the budget', 'supported'], excludes: ['abstained', 'against', 'absent'], label: 'councillors who voted for the {TOWN} budget', min: 12, max: 60, sentences: ['{N} voted in favour of the {TOWN} budget.', 'The budget passed after {N} voted for it at {ORG}.', 'At the meeting, {N} backed the budget, a spokesperson for {ORG} said.'] },
      { key: 'potholes', noun: 'potholes', nouns: ['potholes', 'road defects', 'holes in the road'], events: ['repaired', 'fixed', 'filled', 'patched'], excludes: ['reported', 'complaints'], label: 'potholes repaired in {TOWN} this year', min: 300, max: 9000, sentences: ['Road crews in {TOWN} have repaired {N} since April.', '{ORG} said it had filled {N} this year.'] },
    ],
    dated: { label: 'the {TOWN} budget vote', events: ['budget vote', 'voted', 'vote', 'meeting', 'passed the budget'], sentence: 'The {TOWN} budget vote took place on {DATE}.' },
    founded: { label: '{ORG} formed', events: ['formed', 'created', 'established', 'founded'], sentence: '{ORG} was formed in {YEAR} after a local government reorganisation.' },
    lasting: { label: 'the {TOWN} housing waiting list', events: ['waiting list', 'waited', 'waiting'], unit: 'year', sentence: 'Families in {TOWN} have spent {DUR} on the housing waiting list.' },
    quotes: ['We cannot keep asking residents to pay more for less', 'This budget protects the services people rely on every day', 'Every penny of this money will be spent in {TOWN}'],
  },
  {
    name: 'schools',
    orgs: ['{TOWN} Academy', '{TOWN} High School', '{TOWN} Primary School', '{TOWN} College'],
    roles: ['head teacher', 'principal', 'chair of governors', 'deputy head', 'director of education'],
    measures: [
      { key: 'pupils', noun: 'pupils', nouns: ['pupils', 'students', 'children', 'learners', 'schoolchildren'], events: ['enrolled', 'enrol', 'enrolment', 'on the roll', 'attend', 'attending'], excludes: ['excluded', 'left', 'expelled', 'expected'], label: 'pupils enrolled at {ORG}', min: 180, max: 2200, sentences: ['{ORG} now has {N} enrolled, the school said.', 'Enrolment at {ORG} reached {N} this term.', 'Some {N} attend the school, which opened its sixth form last year.'] },
      { key: 'teachers', noun: 'teachers', nouns: ['teachers', 'staff', 'teaching staff', 'classroom teachers'], events: ['hired', 'recruited', 'appointed', 'employed', 'took on'], excludes: ['left', 'resigned', 'strike', 'striking'], label: 'teachers hired at {ORG}', min: 6, max: 140, sentences: ['{ORG} has recruited {N} since September.', 'The trust hired {N} for the new term, {ORG} said.'] },
      { key: 'laptops', noun: 'laptops', nouns: ['laptops', 'tablets', 'devices', 'computers'], events: ['handed out', 'distributed', 'given', 'delivered', 'supplied'], excludes: ['stolen', 'lost', 'broken'], label: 'devices handed out by {ORG}', min: 50, max: 5000, sentences: ['{ORG} handed out {N} to families during the closures.', 'The district distributed {N} to {TOWN} pupils.'] },
    ],
    dated: { label: '{ORG} inspection', events: ['inspected', 'inspection', 'inspectors visited', 'visited'], sentence: 'Inspectors visited {ORG} on {DATE}.' },
    founded: { label: '{ORG} opened', events: ['opened', 'opened its doors', 'founded', 'built'], sentence: '{ORG} opened in {YEAR} on the site of a former mill.' },
    lasting: { label: '{ORG} in special measures', events: ['special measures', 'requires improvement'], unit: 'year', sentence: '{ORG} spent {DUR} in special measures.' },
    quotes: ['Our pupils deserve the very best start in life', 'The results show what this community can achieve', 'We were stretched to breaking point last winter'],
  },
  {
    name: 'sports',
    orgs: ['{TOWN} Rovers', '{TOWN} United', '{TOWN} Athletic', '{TOWN} Rugby Club'],
    roles: ['manager', 'head coach', 'club captain', 'chairman', 'director of football'],
    measures: [
      { key: 'fans', noun: 'fans', nouns: ['fans', 'supporters', 'spectators', 'crowd'], events: ['watched', 'attended', 'turned out', 'packed', 'in attendance'], excludes: ['banned', 'arrested', 'ejected'], label: 'fans at {ORG} home match', min: 800, max: 52000, sentences: ['{N} watched {ORG} win at home on Saturday.', 'A crowd of {N} packed the stadium for {ORG}’s cup tie.', 'Some {N} turned out despite the rain, the club said.'] },
      { key: 'goals', noun: 'goals', nouns: ['goals', 'league goals', 'tries'], events: ['scored', 'netted', 'scoring', 'struck'], excludes: ['conceded', 'disallowed', 'missed'], label: 'goals scored by {ORG} this season', min: 4, max: 96, sentences: ['{ORG} have scored {N} this season, more than any side in the division.', 'The striker has netted {N} for {ORG} since joining.'] },
      { key: 'points', noun: 'points', nouns: ['points', 'league points'], events: ['collected', 'earned', 'picked up', 'won', 'taken'], excludes: ['deducted', 'dropped', 'docked'], label: 'points won by {ORG}', min: 8, max: 101, sentences: ['{ORG} have picked up {N} from their last ten matches.', 'With {N} won so far, {ORG} sit third.'] },
    ],
    dated: { label: '{ORG} cup final', events: ['final', 'cup final', 'play-off', 'kick-off'], sentence: '{ORG} play the cup final on {DATE}.' },
    founded: { label: '{ORG} founded', events: ['founded', 'formed', 'established'], sentence: '{ORG} were founded in {YEAR} by workers at the local foundry.' },
    lasting: { label: '{ORG} unbeaten run', events: ['unbeaten', 'without a defeat', 'unbeaten run'], unit: 'week', sentence: '{ORG} have now gone {DUR} unbeaten.' },
    quotes: ['The lads gave absolutely everything out there', 'We have to be better than that in front of our own fans', 'This club has always punched above its weight'],
  },
  {
    name: 'health',
    orgs: ['{TOWN} General Hospital', '{TOWN} Health Trust', '{TOWN} Royal Infirmary'],
    roles: ['chief executive', 'medical director', 'chief nurse', 'trust chair', 'director of operations'],
    measures: [
      { key: 'patients', noun: 'patients', nouns: ['patients', 'people', 'outpatients', 'cases'], events: ['waiting', 'on the waiting list', 'waited', 'awaiting treatment'], excludes: ['treated', 'discharged', 'died'], label: 'patients waiting at {ORG}', min: 900, max: 48000, sentences: ['{N} are on the waiting list at {ORG}.', 'More than a year on, {N} are still awaiting treatment at {ORG}.'] },
      { key: 'nurses', noun: 'nurses', nouns: ['nurses', 'nursing staff', 'midwives', 'healthcare assistants'], events: ['recruited', 'hired', 'joined', 'took on'], excludes: ['vacancies', 'shortage', 'left', 'striking'], label: 'nurses recruited by {ORG}', min: 20, max: 900, sentences: ['{ORG} has recruited {N} from overseas this year.', 'Some {N} joined {ORG} in the past twelve months.'] },
      { key: 'beds', noun: 'beds', nouns: ['beds', 'hospital beds', 'wards'], events: ['opened', 'added', 'closed', 'cut'], excludes: ['planned', 'proposed'], label: 'beds opened at {ORG}', min: 10, max: 400, sentences: ['{ORG} opened {N} to cope with winter pressures.', 'The trust added {N} at {ORG} last year.'] },
    ],
    dated: { label: '{ORG} critical incident', events: ['critical incident', 'declared', 'major incident'], sentence: '{ORG} declared a critical incident on {DATE}.' },
    founded: { label: '{ORG} opened', events: ['opened', 'built', 'founded'], sentence: '{ORG} opened in {YEAR} and was extended twice.' },
    lasting: { label: 'waits at {ORG}', events: ['waited', 'wait', 'waiting'], unit: 'week', sentence: 'Patients at {ORG} waited {DUR} for routine operations.' },
    quotes: ['Our staff have worked tirelessly under enormous pressure', 'No patient should wait this long for care', 'We are seeing demand we have never seen before'],
  },
  {
    name: 'transport',
    orgs: ['{TOWN} Buses', '{TOWN} Metro', '{TOWN} Transport Authority'],
    roles: ['managing director', 'transport commissioner', 'operations director', 'spokesman', 'head of network'],
    measures: [
      { key: 'routes', noun: 'bus routes', nouns: ['bus routes', 'routes', 'services', 'bus services'], events: ['cut', 'axed', 'withdrawn', 'scrapped', 'reduced'], excludes: ['restored', 'added', 'proposed', 'consulted'], label: 'bus routes cut by {ORG}', min: 3, max: 60, sentences: ['{ORG} has cut {N} since the spring.', 'Passengers lost {N} when {ORG} withdrew evening buses.'] },
      { key: 'passengers', noun: 'passengers', nouns: ['passengers', 'journeys', 'riders', 'commuters'], events: ['carried', 'travelled', 'used', 'boarded'], excludes: ['stranded', 'complained'], label: 'passengers carried each day by {ORG}', min: 2000, max: 400000, sentences: ['{ORG} carried {N} a day last year.', 'About {N} used the network each weekday, {ORG} said.'] },
      { key: 'stations', noun: 'stations', nouns: ['stations', 'stops', 'new stations'], events: ['opened', 'built', 'completed'], excludes: ['closed', 'planned', 'delayed'], label: 'stations opened by {ORG}', min: 2, max: 30, sentences: ['{ORG} opened {N} on the extended line.', 'The extension built {N} between {TOWN} and the airport.'] },
    ],
    dated: { label: 'the {TOWN} line opening', events: ['opens', 'opened', 'opening', 'launch'], sentence: 'The new {TOWN} line opened on {DATE}.' },
    founded: { label: '{ORG} created', events: ['created', 'set up', 'established'], sentence: '{ORG} was set up in {YEAR} to run the tram network.' },
    lasting: { label: 'closure of the {TOWN} line', events: ['closed', 'closure', 'shut'], unit: 'month', sentence: 'The {TOWN} line was closed for {DUR} for repairs.' },
    quotes: ['We simply cannot run buses nobody uses', 'Passengers will see a more reliable service from next month', 'These cuts will leave whole estates cut off'],
  },
  {
    name: 'policing',
    orgs: ['{TOWN} Police', '{TOWN} Constabulary', '{TOWN} Crown Court'],
    roles: ['chief constable', 'police and crime commissioner', 'detective inspector', 'superintendent', 'judge'],
    measures: [
      { key: 'burglaries', noun: 'burglaries', nouns: ['burglaries', 'break-ins', 'thefts', 'crimes'], events: ['reported', 'recorded', 'logged'], excludes: ['solved', 'charged', 'fell'], label: 'burglaries recorded by {ORG}', min: 100, max: 12000, sentences: ['{ORG} recorded {N} in the year to March.', 'Residents reported {N} last year, according to {ORG}.'] },
      { key: 'officers', noun: 'officers', nouns: ['officers', 'police officers', 'constables', 'PCSOs'], events: ['recruited', 'hired', 'deployed', 'on patrol'], excludes: ['suspended', 'retired', 'left'], label: 'officers recruited by {ORG}', min: 20, max: 1500, sentences: ['{ORG} has recruited {N} under the national uplift.', 'Some {N} were deployed in {TOWN} town centre on Friday.'] },
      { key: 'arrests', noun: 'arrests', nouns: ['arrests', 'people arrested', 'suspects'], events: ['made', 'arrested', 'detained', 'held'], excludes: ['released', 'charged', 'cleared'], label: 'arrests made by {ORG} in the operation', min: 3, max: 400, sentences: ['{ORG} made {N} during the week-long operation.', 'Officers arrested {N} in dawn raids across {TOWN}.'] },
    ],
    dated: { label: 'the {TOWN} raids', events: ['raids', 'raided', 'operation', 'swoop'], sentence: 'The {TOWN} raids took place on {DATE}.' },
    founded: { label: '{ORG} formed', events: ['formed', 'merged', 'created'], sentence: '{ORG} was formed in {YEAR} from two smaller forces.' },
    lasting: { label: 'the {TOWN} investigation', events: ['investigation', 'inquiry', 'investigated'], unit: 'month', sentence: 'The {TOWN} investigation lasted {DUR}.' },
    quotes: ['There is no place for this kind of behaviour in our town', 'We will keep knocking on doors until we find those responsible', 'The public helped us enormously'],
  },
  {
    name: 'business',
    orgs: ['{TOWN} Steel', '{TOWN} Foods', '{TOWN} Logistics', '{TOWN} Engineering'],
    roles: ['chief executive', 'finance director', 'founder', 'plant manager', 'union convenor'],
    measures: [
      { key: 'jobs', noun: 'jobs', nouns: ['jobs', 'roles', 'positions', 'workers', 'staff'], events: ['cut', 'axed', 'lost', 'shed', 'redundant'], excludes: ['created', 'hired', 'saved', 'could'], label: 'jobs cut at {ORG}', min: 20, max: 3000, sentences: ['{ORG} said it would axe {N} at its {TOWN} plant.', 'Some {N} were lost when {ORG} closed its second shift.'] },
      { key: 'stores', noun: 'stores', nouns: ['stores', 'shops', 'branches', 'outlets'], events: ['closed', 'shut', 'closing', 'shutting'], excludes: ['opened', 'refurbished', 'reopened'], label: 'stores closed by {ORG}', min: 2, max: 240, sentences: ['{ORG} closed {N} across the region this year.', 'The chain is shutting {N}, including two in {TOWN}.'] },
      { key: 'apprentices', noun: 'apprentices', nouns: ['apprentices', 'trainees', 'graduates'], events: ['took on', 'hired', 'recruited', 'trained'], excludes: ['left', 'dismissed'], label: 'apprentices hired by {ORG}', min: 5, max: 300, sentences: ['{ORG} took on {N} this autumn.', 'The firm trained {N} at its {TOWN} academy.'] },
    ],
    dated: { label: '{ORG} administration', events: ['administration', 'collapsed', 'went bust', 'administrators'], sentence: '{ORG} fell into administration on {DATE}.' },
    founded: { label: '{ORG} founded', events: ['founded', 'started', 'set up', 'established'], sentence: '{ORG} was founded in {YEAR} as a family business.' },
    lasting: { label: 'the {ORG} strike', events: ['strike', 'walkout', 'industrial action', 'striking'], unit: 'week', sentence: 'Workers at {ORG} were on strike for {DUR}.' },
    quotes: ['This is a dark day for everyone who works here', 'We have a plan to return the business to growth', 'The order book has never been stronger'],
  },
  {
    name: 'weather',
    orgs: ['{TOWN} Flood Action Group', '{TOWN} Fire and Rescue', 'the {TOWN} district'],
    roles: ['fire chief', 'station manager', 'flood warden', 'emergency planning officer', 'group chair'],
    measures: [
      { key: 'flooded', noun: 'homes', nouns: ['homes', 'properties', 'houses', 'businesses'], events: ['flooded', 'inundated', 'under water', 'damaged'], excludes: ['protected', 'saved', 'insured'], label: 'homes flooded in {TOWN}', min: 10, max: 4000, sentences: ['Storm water flooded {N} in {TOWN} overnight.', 'Some {N} were under water by Tuesday morning, {ORG} said.'] },
      { key: 'evacuated', noun: 'residents', nouns: ['residents', 'people', 'families', 'households'], events: ['evacuated', 'moved out', 'rescued', 'fled'], excludes: ['returned', 'refused'], label: 'residents evacuated in {TOWN}', min: 20, max: 8000, sentences: ['Crews evacuated {N} from streets near the river.', '{ORG} rescued {N} by boat.'] },
      { key: 'callouts', noun: 'callouts', nouns: ['callouts', 'calls', 'emergency calls', 'incidents'], events: ['attended', 'received', 'answered', 'responded to'], excludes: ['hoax', 'false alarms'], label: 'callouts handled by {ORG}', min: 30, max: 3000, sentences: ['{ORG} attended {N} during the storm.', 'Control rooms received {N} in six hours.'] },
    ],
    dated: { label: 'the {TOWN} floods', events: ['floods', 'flooding', 'storm', 'burst its banks'], sentence: 'The river burst its banks in {TOWN} on {DATE}.' },
    founded: { label: '{ORG} set up', events: ['set up', 'formed', 'founded'], sentence: '{ORG} was set up in {YEAR} after the last great flood.' },
    lasting: { label: 'the {TOWN} clean-up', events: ['clean-up', 'cleaning up', 'repairs'], unit: 'month', sentence: 'The clean-up in {TOWN} is expected to take {DUR}.' },
    quotes: ['I have never seen the river this high in forty years', 'Please do not drive through flood water', 'We lost everything on the ground floor'],
  },
];

/** A person's name from the pools. */
export function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

/** Fills `{TOWN}` and `{ORG}`. */
export function fill(template: string, town: string, org: string): string {
  return template.replace(/\{TOWN\}/g, town).replace(/\{ORG\}/g, org);
}

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A figure as a reporter writes it: "1,240", "about 500", "more than 2,000", "nine", "7,000". */
export function writeNumber(rng: Rng, n: number): string {
  if (n <= 12 && rng.chance(0.7)) return SMALL[n];
  const round = n >= 1000 && rng.chance(0.4) ? Math.round(n / 100) * 100 : n;
  const digits = round.toLocaleString('en-US');
  const hedge = rng.pick(['', '', '', 'about ', 'more than ', 'nearly ', 'around ', 'fewer than ', 'at least ', 'roughly ']);
  return hedge + digits;
}

export function capitalizeFirst(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
