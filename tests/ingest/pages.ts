/**
 * News pages and feeds for the ingest tests, all written for these tests (the people and outlets
 * are invented). Each page carries the furniture real news sites have around the article.
 */

/** The article text the tests expect back, paragraph by paragraph. */
export const TALKS_PARAGRAPHS = [
  "Negotiators from Egypt, Qatar and the United States met again in Cairo on Wednesday, hoping to close the remaining gaps in a phased ceasefire plan for Gaza.",
  "“We are closer than we have been in weeks, but closer is not done,” said Farid Haddad, a spokesman for the Qatari foreign ministry, after the first session ended late in the evening.",
  "According to two officials briefed on the talks, the sticking points are the sequence of hostage releases and the pace at which forces would withdraw from populated areas.",
  "Israeli officials declined to comment on the details. A senior Hamas official, speaking on condition of anonymity, said the movement had sent its written response to the mediators on Tuesday.",
  "The first phase under discussion would last six weeks and include the release of women, children and elderly hostages in exchange for Palestinian prisoners.",
  "Mediators have set no deadline for the current round, though Egyptian officials said they expected a further meeting before the end of the month.",
  "Humanitarian groups have urged both sides to agree a pause quickly, saying aid convoys remain stuck at crossings for days at a time.",
];

const FURNITURE_TOP = `
  <header class="site-header">
    <a class="logo" href="/">The Harbour Times</a>
    <nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
    <div class="newsletter-box"><p>Sign up for our Morning Brief newsletter and get the day's top stories in your inbox every weekday.</p><form><input type="email"><button>Subscribe</button></form></div>
  </header>
  <div class="breadcrumbs"><a href="/">Home</a> › <a href="/world">World</a> › <a href="/world/middle-east">Middle East</a></div>`;

const FURNITURE_BOTTOM = `
  <aside class="related-stories"><h2>More on this story</h2><ul>
    <li><a href="/world/1">Aid convoys wait at the border as talks drag on through another week</a></li>
    <li><a href="/world/2">Explainer: what each phase of the proposed truce would mean for families</a></li>
  </ul></aside>
  <footer class="site-footer"><p>© 2025 The Harbour Times. All rights reserved. Registered in a harbour town far from anywhere.</p>
    <p><a href="/terms">Terms of use</a> · <a href="/privacy">Privacy policy</a> · <a href="/contact">Contact us</a></p></footer>`;

function body(paragraphs: readonly string[], extra = ""): string {
  const [first, second, ...rest] = paragraphs;
  return `
      <figure class="lead-image"><img src="/img/cairo.jpg" alt="">
        <figcaption>Delegates arrive for the talks in Cairo. Photograph: Staff photographer/The Harbour Times</figcaption></figure>
      <p>${first}</p>
      <p>${second}</p>
      <div class="share-tools"><a href="https://share.invalid/x">Share on X</a> <a href="https://share.invalid/fb">Share on Facebook</a> <a href="mailto:?">Email</a></div>
      <p class="read-more"><a href="/world/3">Read more: Hostage families gather outside parliament for a third night</a></p>
      ${rest.map((paragraph) => `<p>${paragraph}</p>`).join("\n      ")}
      ${extra}`;
}

/** A page with JSON-LD NewsArticle (the best metadata), OpenGraph too, and furniture. */
export function jsonLdPage(
  options: {
    headline?: string;
    date?: string;
    outlet?: string;
    canonical?: string;
    paragraphs?: readonly string[];
    lang?: string;
  } = {},
): string {
  const headline = options.headline ?? "Mediators report progress on Gaza truce as Cairo round ends";
  const outlet = options.outlet ?? "The Harbour Times";
  const canonical = options.canonical ?? "https://harbour.example/world/2025/jan/15/cairo-truce-talks";
  const jsonLd = {
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", name: outlet, url: "https://harbour.example/" },
      {
        "@type": ["NewsArticle"],
        headline,
        datePublished: options.date ?? "2025-01-15T23:30:00-05:00",
        dateModified: "2025-01-16T09:12:00-05:00",
        inLanguage: options.lang ?? "en-GB",
        publisher: { "@type": "Organization", name: outlet },
        author: [{ "@type": "Person", name: "Staff reporter" }],
      },
    ],
  };
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${headline} | World news | ${outlet}</title>
  <link rel="canonical" href="${canonical}">
  <meta property="og:title" content="OG title that is not preferred">
  <meta property="og:site_name" content="Not the preferred outlet">
  <meta property="article:published_time" content="2025-01-14T10:00:00Z">
  <script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
  <script>window.analytics = function () { document.title = "script ran"; };</script>
  <link rel="stylesheet" href="/css/site.css">
</head>
<body>
  ${FURNITURE_TOP}
  <main>
    <article class="story">
      <h1>${headline}</h1>
      <p class="byline">By Staff reporter in Cairo · <time datetime="2025-01-13">13 January 2025</time></p>
      <div class="story-body">${body(options.paragraphs ?? TALKS_PARAGRAPHS)}</div>
    </article>
  </main>
  ${FURNITURE_BOTTOM}
</body>
</html>`;
}

export const OG_PARAGRAPHS = [
  "Families of hostages held in Gaza marched through the centre of the city on Sunday evening, calling on the government to accept the framework put forward by the mediators.",
  "“Every day of delay is a day our children may not have,” said Miriam Levanon, whose brother has been held since the first week of the war.",
  "Organisers said more than ten thousand people joined the march, which ended with a vigil outside the prime minister's office.",
  "A government spokesman said the cabinet would meet on Monday to discuss the latest proposal, but gave no indication of which way ministers were leaning.",
];

/** OpenGraph and article meta only (no JSON-LD), `<html lang="en-GB">`. */
export function openGraphPage(): string {
  return `<!doctype html>
<html lang="en-GB"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Hostage families march | Northern Ledger</title>
<meta property="og:title" content="Thousands march to urge acceptance of hostage framework">
<meta property="og:site_name" content="Northern Ledger">
<meta property="og:url" content="https://ledger.example/news/hostage-march">
<meta property="article:published_time" content="2025-02-03T08:00:00+02:00">
</head><body>
${FURNITURE_TOP}
<div id="content"><article>
<h1>Thousands march to urge acceptance of hostage framework</h1>
${OG_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}
<blockquote><p>“We will not stop until every one of them is home,” the organisers wrote in a statement read out at the vigil.</p></blockquote>
<p>The march passed without incident, police said.</p>
</article></div>
${FURNITURE_BOTTOM}
</body></html>`;
}

/** No JSON-LD or OpenGraph: the title from `<title>`, the date from `<time datetime>`. */
export function timeOnlyPage(): string {
  return `<html lang="en"><head><meta charset="utf-8"><title>Crossing reopens for aid trucks</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Crossing reopens for aid trucks</h1><p class="dateline"><time datetime="2025-03-10T06:15:00+02:00">10 March 2025</time></p>
<p>The Kerem Shalom crossing reopened on Monday morning after a two-day closure, allowing dozens of aid trucks to enter the strip, according to the United Nations.</p>
<p>A spokesperson for the UN relief agency said the closure had left warehouses on the Egyptian side full and drivers waiting in long queues in the desert heat.</p>
<p>Officials on both sides blamed each other for the closure, which came as negotiators were meeting to discuss the next phase of the ceasefire.</p>
<p>The agency said it hoped the crossing would now stay open every day, including on weekends, for as long as the truce holds.</p>
</article><footer><p>Contact the newsroom</p></footer></body></html>`;
}

/** The windows-1252 page: its `<meta charset>` is the only declaration (the header has none). */
export const WINDOWS_1252_PARAGRAPHS = [
  "Delegations met at the café of the conference hotel on Thursday, where the Egyptian side presented a revised timetable for the exchange.",
  "“We have moved on the sequence, and we expect the other side to move on the numbers,” said Karim Mansour, an Egyptian official close to the talks.",
  "The revised plan, seen by this newspaper, would shorten the first phase by a week and add a clause on the return of displaced residents to the north.",
  "Both delegations were due to report back to their leaderships before the weekend — a step that has stalled previous rounds.",
];

export function windows1252Page(): Buffer {
  const html = `<html lang="en"><head><meta charset="windows-1252"><title>Revised timetable presented</title>
<meta property="article:published_time" content="2025-04-17T16:00:00+02:00">
<meta property="og:site_name" content="Delta Courier"></head><body><article><h1>Revised timetable presented</h1>
${WINDOWS_1252_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}
</article></body></html>`;
  return encode1252(html);
}

/** Encodes text as windows-1252 (only the characters these pages use). */
function encode1252(text: string): Buffer {
  const special: Record<string, number> = {
    "“": 0x93,
    "”": 0x94,
    "‘": 0x91,
    "’": 0x92,
    "—": 0x97,
    "–": 0x96,
  };
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (special[char] !== undefined) bytes.push(special[char]);
    else if (code < 256) bytes.push(code);
    else throw new Error(`not in windows-1252: ${char}`);
  }
  return Buffer.from(bytes);
}

/** An article with no date anywhere. */
export function noDatePage(): string {
  return `<html lang="en"><head><meta charset="utf-8"><title>Talks to continue next week</title>
<meta property="og:site_name" content="Delta Courier"></head><body><article><h1>Talks to continue next week</h1>
<p>Mediators said on the last day of the round that the talks would continue next week, with technical teams staying behind to work on maps of the withdrawal lines.</p>
<p>“There is a text on the table that both sides have seen, and that is progress in itself,” said a diplomat familiar with the negotiations.</p>
<p>The technical teams are expected to focus on the corridor along the southern border, which has been one of the hardest questions in every round.</p>
</article></body></html>`;
}

/** Too little text to be an article. */
export function shortPage(): string {
  return `<html lang="en"><head><meta charset="utf-8"><title>Live: updates</title>
<meta property="article:published_time" content="2025-05-01T10:00:00Z"></head><body><article>
<p>Follow our live coverage.</p><p>Updates below.</p></article></body></html>`;
}

/** A French article: added with `language: fr`. */
export function frenchPage(): string {
  return `<html lang="fr-FR"><head><meta charset="utf-8"><title>Reprise des négociations au Caire</title>
<meta property="article:published_time" content="2025-01-20T12:00:00+01:00">
<meta property="og:site_name" content="Le Courrier du Port"></head><body><article><h1>Reprise des négociations au Caire</h1>
<p>Les négociations sur une trêve à Gaza ont repris lundi au Caire, en présence des médiateurs égyptiens, qataris et américains, selon plusieurs sources diplomatiques.</p>
<p>« Nous sommes plus proches d'un accord qu'il y a une semaine », a déclaré un responsable égyptien à l'issue de la première séance de travail.</p>
<p>Les discussions portent sur le calendrier des libérations et sur le retrait progressif des forces des zones les plus peuplées du territoire.</p>
</article></body></html>`;
}

/** A large page: about 6 MB of HTML. */
export function hugePage(): string {
  const filler = "<p>Filler paragraph for the size limit test, repeated many times over.</p>\n";
  return `<html><head><meta charset="utf-8"><title>Huge</title></head><body>${filler.repeat(Math.ceil((6 * 1024 * 1024) / filler.length))}</body></html>`;
}

export function rssFeed(base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>The Harbour Times: World</title><link>${base}/</link><description>World news</description>
<item><title>Mediators report progress on Gaza truce as Cairo round ends</title><link>${base}/news/talks-resume</link>
<description>Negotiators met again in Cairo.</description><pubDate>Wed, 15 Jan 2025 23:30:00 -0500</pubDate><guid>${base}/news/talks-resume</guid></item>
<item><title>Talks to continue next week</title><link>${base}/news/no-date</link>
<description><![CDATA[Mediators said the <b>talks</b> would continue.]]></description><pubDate>Fri, 24 Jan 2025 18:00:00 +0200</pubDate><guid isPermaLink="false">nd-1</guid></item>
<item><title>Harbour regatta postponed by wind</title><link>${base}/news/regatta</link>
<description>Sailing news.</description><pubDate>Sat, 25 Jan 2025 09:00:00 +0000</pubDate></item>
</channel></rss>`;
}

export function atomFeed(base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Northern Ledger</title><id>urn:ledger:feed</id><updated>2025-02-03T08:00:00+02:00</updated>
<entry><title type="text">Thousands march to urge acceptance of hostage framework</title>
<link rel="alternate" type="text/html" href="${base}/news/og"/><id>urn:ledger:1</id>
<published>2025-02-03T08:00:00+02:00</published><updated>2025-02-03T09:00:00+02:00</updated>
<summary>Families of hostages marched on Sunday.</summary></entry>
<entry><title>Crossing reopens for aid trucks</title><link href="${base}/news/time-only"/><id>urn:ledger:2</id>
<published>2025-03-10T06:15:00+02:00</published><summary>The crossing reopened.</summary></entry>
</feed>`;
}

/**
 * Markup that trips naive furniture removal: the whole page inside a <form> (as ASP.NET sites do),
 * and the article's container named `story has-comments`.
 */
export function wrappedPage(): string {
  return `<html lang="en"><head><meta charset="utf-8"><title>Prisoner lists exchanged | Gulf Monitor</title>
<meta property="og:site_name" content="Gulf Monitor"><meta property="article:published_time" content="2025-02-11T09:00:00+03:00"></head>
<body><form id="aspnetForm" method="post" action="/page.aspx">
<div class="site-header"><a href="/">Gulf Monitor</a></div>
<div class="story has-comments">
<p>The two sides exchanged lists of prisoners on Tuesday, the first step of the second phase, according to a statement from the mediators in Doha.</p>
<p>“The lists are long, and each name will be checked,” said an official familiar with the process, adding that the checks could take several days.</p>
<p>The mediators said the exchange of lists had been delayed by disagreements over a small number of names that both sides had insisted upon.</p>
<div class="share-tools"><a href="https://share.invalid/x">Share</a></div>
</div>
<div class="comments"><p>Reader comment: great reporting.</p></div>
</form></body></html>`;
}
