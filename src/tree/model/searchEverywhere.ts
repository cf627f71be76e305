// Search Everywhere's loop, without `vscode`: loads the remaining pages of the tree's places (a service in a region
// of a profile), a few places at once and a bounded number of pages per place, each page reported as it lands so
// matches show as they arrive. Cancelling stops at once: no new page is asked for, and a page in flight is left to
// land in the tree on its own.

/**
 * Pages loaded per place in one run (at the default page size of 50, 1,000 resources), so one huge account cannot
 * keep a search going for minutes; running it again continues where it stopped.
 */
export const maxPagesPerPlace = 20;

/**
 * Places searched at once. A place's pages are loaded one after the other (each token comes from the page before);
 * the client factory's per-profile-and-region request limit still applies underneath.
 */
export const maxConcurrentPlaces = 4;

/** What loading a place's next page left: more pages, the last one loaded, or a failure (its error node shows). */
export type PageOutcome = 'more' | 'done' | 'failed';

export interface SearchPlace {
  readonly id: string;
  /** Loads the place's next page into the tree. May reject (counted as failed). */
  loadNextPage(): Promise<PageOutcome>;
}

export interface SearchProgress {
  readonly places: number;
  /** Places finished: every page loaded, failed, or stopped at the page bound. */
  readonly placesDone: number;
  readonly pagesLoaded: number;
}

export interface SearchResult extends SearchProgress {
  readonly cancelled: boolean;
  readonly placesFailed: number;
  /** Places that reached the page bound with pages left (a next run continues them). */
  readonly placesStopped: number;
}

export interface SearchOptions {
  readonly maxPagesPerPlace: number;
  readonly maxConcurrentPlaces: number;
  readonly signal: AbortSignal;
  /** Called after each page that landed and after each place finished. */
  readonly onProgress?: (progress: SearchProgress) => void;
}

const aborted = Symbol('aborted');

export async function searchEverywhere(places: readonly SearchPlace[], options: SearchOptions): Promise<SearchResult> {
  const { signal } = options;
  const maxPages = Math.max(1, Math.floor(options.maxPagesPerPlace) || 1);
  const queue = [...places];
  let pagesLoaded = 0;
  let placesDone = 0;
  let placesFailed = 0;
  let placesStopped = 0;
  const progress = (): SearchProgress => ({ places: places.length, placesDone, pagesLoaded });

  let onAbort: () => void = () => undefined;
  const abortion = new Promise<typeof aborted>((resolve) => {
    onAbort = () => resolve(aborted);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });

  const nextPage = async (place: SearchPlace): Promise<PageOutcome | typeof aborted> => {
    const page = place.loadNextPage().catch((): PageOutcome => 'failed');
    return Promise.race([page, abortion]);
  };

  const searchPlace = async (place: SearchPlace): Promise<void> => {
    let outcome: PageOutcome = 'more';
    for (let page = 0; page < maxPages && outcome === 'more'; page++) {
      if (signal.aborted) return;
      const result = await nextPage(place);
      if (result === aborted) return;
      outcome = result;
      if (outcome !== 'failed') {
        pagesLoaded += 1;
        options.onProgress?.(progress());
      }
    }
    if (outcome === 'failed') placesFailed += 1;
    else if (outcome === 'more') placesStopped += 1;
    placesDone += 1;
    options.onProgress?.(progress());
  };

  const worker = async (): Promise<void> => {
    for (let place = queue.shift(); place && !signal.aborted; place = queue.shift()) await searchPlace(place);
  };

  const workers = Math.max(1, Math.min(Math.floor(options.maxConcurrentPlaces) || 1, places.length));
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return { ...progress(), cancelled: signal.aborted, placesFailed, placesStopped };
}
