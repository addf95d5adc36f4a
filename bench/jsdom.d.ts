// The part of jsdom's API bench/ingest-dom.ts uses (jsdom ships no types; @types/jsdom would pull
// the DOM library into the whole project).
declare module "jsdom" {
  export class JSDOM {
    constructor(html: string, options?: { url?: string });
    readonly window: { readonly document: unknown };
  }
}
