/**
 * Word pools for the synthetic benchmark corpus. The people are invented (first and last names
 * combined at random); places and kinds of bodies are the ones negotiation reports name, so the
 * analysis meets realistic text. Every generated article is marked synthetic in its outlet and title.
 */

// biome-ignore format: word lists read best packed
export const MALE_FIRST_NAMES = [
  "Adam", "Ahmed", "Ali", "Amir", "Anders", "Antonio", "Ariel", "Avi", "Bassam", "Benjamin", "Carlos",
  "Daniel", "David", "Elias", "Emmanuel", "Farid", "Gideon", "Hamid", "Hassan", "Ibrahim", "Idris",
  "Ismail", "Jacob", "Jonathan", "Karim", "Khalil", "Lars", "Marco", "Mahmoud", "Michael", "Moshe",
  "Nabil", "Nadav", "Omar", "Pavel", "Rami", "Robert", "Said", "Samir", "Stefan", "Tariq", "Thomas",
  "Walid", "William", "Yousef", "Yuval", "Zaid",
] as const;

// biome-ignore format: word lists read best packed
export const FEMALE_FIRST_NAMES = [
  "Amal", "Anna", "Aya", "Dalia", "Dina", "Elena", "Fatima", "Hana", "Ingrid", "Julia", "Karen", "Layla",
  "Leah", "Lina", "Maria", "Maya", "Mira", "Nadia", "Noa", "Rana", "Rania", "Ruth", "Salma", "Sara",
  "Shira", "Sophie", "Tamar", "Yasmin", "Zeina",
] as const;

// biome-ignore format: word lists read best packed
export const SURNAMES = [
  "Abbas", "Abed", "Alon", "Amari", "Ashkenazi", "Aziz", "Barak", "Bergstrom", "Brennan", "Cohen",
  "Dahan", "Darwish", "Eldar", "Farouk", "Fischer", "Friedman", "Ghanem", "Gold", "Haddad", "Halevi",
  "Hamdan", "Harel", "Hartmann", "Hussein", "Jaber", "Kaplan", "Katz", "Khalidi", "Khoury", "Lambert",
  "Levi", "Lindqvist", "Mansour", "Marchetti", "Mizrahi", "Moreau", "Nasser", "Novak", "Odeh", "Peretz",
  "Qasem", "Rahman", "Regev", "Rosen", "Saleh", "Salem", "Sasson", "Segal", "Shalev", "Sharif", "Shaw",
  "Tal", "Toukan", "Vance", "Weiss", "Yassin", "Zaki", "Zamir", "Ziv", "Zoabi",
] as const;

/** Countries with a demonym, so roles read "the Egyptian Foreign Minister". */
// biome-ignore format: word lists read best packed
export const COUNTRIES = [
  { name: "Qatar", adjective: "Qatari" },
  { name: "Egypt", adjective: "Egyptian" },
  { name: "Israel", adjective: "Israeli" },
  { name: "the United States", adjective: "American" },
  { name: "Jordan", adjective: "Jordanian" },
  { name: "Turkey", adjective: "Turkish" },
  { name: "France", adjective: "French" },
  { name: "Norway", adjective: "Norwegian" },
  { name: "Saudi Arabia", adjective: "Saudi" },
  { name: "the United Kingdom", adjective: "British" },
  { name: "Germany", adjective: "German" },
  { name: "the United Arab Emirates", adjective: "Emirati" },
] as const;

/** Offices a person can hold; `{c}` is a country adjective. */
// biome-ignore format: word lists read best packed
export const OFFICES = [
  "Foreign Minister", "Prime Minister", "Defence Minister", "Minister of State", "National Security Adviser",
  "envoy to the Middle East", "Ambassador to the United Nations", "intelligence chief", "chief negotiator",
  "Deputy Foreign Minister", "President", "spokesperson for the Foreign Ministry",
] as const;

/** Bodies a person can head; appositive roles read "the head of the X, Name,". */
// biome-ignore format: word lists read best packed
export const ORGANISATIONS = [
  "Hamas political bureau", "General Intelligence Service", "Foreign Intelligence Service",
  "International Committee of the Red Cross", "United Nations relief agency", "World Food Programme",
  "Hostages and Missing Families Forum", "Palestinian Authority", "Arab League", "European Union mission",
  "National Security Council", "Coordinator of Government Activities in the Territories",
  "Islamic Jihad movement", "Palestinian Red Crescent", "Office of the Special Envoy",
] as const;

// biome-ignore format: word lists read best packed
export const PLACES = [
  "Doha", "Cairo", "Gaza City", "Rafah", "Khan Younis", "Jerusalem", "Tel Aviv", "Amman", "Washington",
  "Paris", "Geneva", "Oslo", "Ankara", "Riyadh", "Deir al-Balah", "the Kerem Shalom crossing",
  "the Philadelphi corridor", "the Netzarim corridor", "Beit Hanoun", "Nuseirat", "Abu Dhabi", "Brussels",
] as const;

/** Outlet names; each is printed as `Synthetic <name>` so no reader mistakes it for a real report. */
// biome-ignore format: word lists read best packed
export const OUTLETS = [
  "Wire", "Daily Ledger", "Gulf Observer", "Levant Times", "Morning Courier", "Evening Standard-Bearer",
  "Press Agency", "World Report", "Mediterranean Herald", "News Service", "Chronicle", "Dispatch",
  "Tribune", "Monitor", "Gazette", "Review", "Bulletin", "Post", "Journal", "Signal", "Correspondent",
  "Sentinel", "Record", "Telegraph", "Examiner", "Intelligencer", "Observer", "Mercury", "Herald", "Times",
] as const;

/** Topics of negotiation, as noun phrases. */
// biome-ignore format: word lists read best packed
export const TOPICS = [
  "a ceasefire", "the release of the hostages", "the exchange of prisoners and detainees",
  "humanitarian aid", "the reopening of the Rafah crossing", "the withdrawal of troops",
  "the return of displaced families", "the reconstruction of Gaza", "a permanent truce",
  "the first phase of the agreement", "fuel deliveries", "medical evacuations",
  "the security arrangements", "the governance of Gaza after the war", "the bodies of the hostages",
] as const;

/** Direct-quote building blocks: subject, verb phrase, object, tail. */
// biome-ignore format: word lists read best packed
export const QUOTE_SUBJECTS = [
  "We", "Our negotiators", "The mediators", "Both sides", "My government", "The delegation",
  "Everyone at the table", "The families",
] as const;
// biome-ignore format: word lists read best packed
export const QUOTE_VERBS = [
  "are working hard to secure", "remain committed to", "will not accept any delay on", "expect progress on",
  "have made clear our position on", "are ready to discuss", "cannot give up on", "need guarantees on",
  "are closer than ever to", "will keep pushing for",
] as const;
// biome-ignore format: word lists read best packed
export const QUOTE_TAILS = [
  "", " in the coming days", " as soon as possible", " without preconditions", " before the end of the month",
  " despite the obstacles", " this week", " at the next round",
] as const;

/** Short quoted fragments for partial quotes. */
// biome-ignore format: word lists read best packed
export const FRAGMENTS = [
  "new frameworks", "a window of opportunity", "unacceptable", "serious and constructive", "a red line",
  "a historic moment", "a step in the right direction", "far from over", "final offer", "real progress",
  "no clarity on the way forward", "a matter of days",
] as const;

/** Cue verbs for speech; the analysis must find each. */
// biome-ignore format: word lists read best packed
export const SPEECH_CUES = [
  "said", "added", "stressed", "warned", "explained", "confirmed", "announced", "insisted", "noted",
  "pointed out", "indicated", "urged", "emphasised", "acknowledged",
] as const;

// biome-ignore format: word lists read best packed
export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
// biome-ignore format: word lists read best packed
export const MONTHS = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December",
] as const;
