// Search Everywhere's loop with fake places (pages counted, held or failing at will), and the filter's scan of the
// levels under a branch: both bounded, the loop cancellable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLimiter } from '../../../src/aws/concurrency';
import { scanOwners } from '../../../src/tree/model/filterScan';
import {
  profileNode,
  regionNode,
  serviceNode,
  type BranchOwner,
  type ExplorerNode,
} from '../../../src/tree/model/nodes';
import { searchEverywhere, type PageOutcome, type SearchPlace } from '../../../src/tree/model/searchEverywhere';
import { FakeService } from '../../support/fakeService';

/** Tracks how many pages are in flight at once across places. */
class Pages {
  inFlight = 0;
  maxInFlight = 0;
  readonly loaded: string[] = [];
  async run(id: string, outcome: PageOutcome, delayMs = 1): Promise<PageOutcome> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    this.inFlight -= 1;
    this.loaded.push(id);
    return outcome;
  }
}

/** A place with `pages` pages left after the one loaded: 'more' until the last. */
function place(pages: Pages, id: string, left: number, fail?: (page: number) => boolean | 'reject'): SearchPlace {
  let page = 0;
  return {
    id,
    loadNextPage: () => {
      page += 1;
      const failure = fail?.(page);
      if (failure === 'reject') return Promise.reject(new Error('boom'));
      if (failure) return pages.run(id, 'failed');
      return pages.run(id, page >= left ? 'done' : 'more');
    },
  };
}

const signal = () => new AbortController().signal;

test('loads every remaining page of each place, a bounded number of places at once, reporting each page', async () => {
  const pages = new Pages();
  const places = ['a', 'b', 'c', 'd', 'e'].map((id, i) => place(pages, id, i + 1));
  const reports: number[] = [];
  const result = await searchEverywhere(places, {
    maxPagesPerPlace: 10,
    maxConcurrentPlaces: 2,
    signal: signal(),
    onProgress: (p) => reports.push(p.pagesLoaded),
  });
  assert.deepEqual(result, {
    places: 5,
    placesDone: 5,
    pagesLoaded: 15,
    cancelled: false,
    placesFailed: 0,
    placesStopped: 0,
  });
  assert.equal(pages.maxInFlight, 2, 'two places at once, one page each');
  assert.equal(pages.loaded.filter((id) => id === 'e').length, 5);
  assert.ok(reports.length >= 15 && reports.at(-1) === 15, 'each page is reported as it lands');
});

test('stops each place at the page bound and counts the places left with more pages', async () => {
  const pages = new Pages();
  const result = await searchEverywhere([place(pages, 'big', 100), place(pages, 'small', 2)], {
    maxPagesPerPlace: 3,
    maxConcurrentPlaces: 4,
    signal: signal(),
  });
  assert.equal(pages.loaded.filter((id) => id === 'big').length, 3);
  assert.equal(result.placesStopped, 1);
  assert.equal(result.pagesLoaded, 5);
});

test('a failed or rejected page ends that place only, counted as failed', async () => {
  const pages = new Pages();
  const result = await searchEverywhere(
    [place(pages, 'bad', 5, (n) => n === 2), place(pages, 'worse', 5, () => 'reject'), place(pages, 'good', 3)],
    { maxPagesPerPlace: 10, maxConcurrentPlaces: 1, signal: signal() },
  );
  assert.equal(result.placesFailed, 2);
  assert.equal(result.placesDone, 3);
  assert.equal(pages.loaded.filter((id) => id === 'good').length, 3, 'the next place is still searched');
  assert.equal(result.pagesLoaded, 4);
});

test('cancelling ends the search at once: no new page is asked for and the result says cancelled', async () => {
  const controller = new AbortController();
  let asked = 0;
  let release!: () => void;
  const held = new Promise<PageOutcome>((resolve) => (release = () => resolve('more')));
  const places: SearchPlace[] = ['a', 'b', 'c'].map((id) => ({
    id,
    loadNextPage: () => {
      asked += 1;
      return held;
    },
  }));
  const search = searchEverywhere(places, { maxPagesPerPlace: 5, maxConcurrentPlaces: 2, signal: controller.signal });
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(asked, 2);
  controller.abort();
  const result = await search;
  assert.equal(result.cancelled, true);
  assert.equal(result.pagesLoaded, 0);
  release();
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(asked, 2, 'the held pages landing later start nothing more');
});

test('an already-cancelled search asks for nothing; no places is an empty result', async () => {
  const controller = new AbortController();
  controller.abort();
  const pages = new Pages();
  const result = await searchEverywhere([place(pages, 'a', 3)], {
    maxPagesPerPlace: 5,
    maxConcurrentPlaces: 2,
    signal: controller.signal,
  });
  assert.equal(result.cancelled, true);
  assert.deepEqual(pages.loaded, []);
  const none = await searchEverywhere([], { maxPagesPerPlace: 5, maxConcurrentPlaces: 2, signal: signal() });
  assert.equal(none.placesDone, 0);
});

test('the filter scan loads each level down to the first page of every offered service, a bounded number at once', async () => {
  const graphs = new FakeService('neptune-graph', 'Neptune Analytics');
  graphs.notOffered.add('ap-south-1');
  const profiles = ['a', 'b', 'c'].map((name) => profileNode({ name, kind: 'static' }));
  const loads: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const load = async (owner: BranchOwner): Promise<ExplorerNode[]> => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    inFlight -= 1;
    loads.push(owner.id);
    if (owner.kind === 'profile') return ['us-east-1', 'ap-south-1'].map((r) => regionNode(owner, r));
    if (owner.kind === 'region') return [serviceNode(owner, graphs)];
    return [];
  };
  await scanOwners(
    profiles,
    load,
    createLimiter(() => 2),
  );
  assert.equal(maxInFlight, 2);
  assert.equal(loads.filter((id) => id.split('/').length === 2).length, 3, 'every profile');
  assert.equal(loads.filter((id) => id.split('/').length === 3).length, 6, 'every region');
  assert.deepEqual(
    loads.filter((id) => id.split('/').length === 4).sort(),
    ['profile/a/us-east-1/neptune-graph', 'profile/b/us-east-1/neptune-graph', 'profile/c/us-east-1/neptune-graph'],
    'offered services only, and nothing under them',
  );
});
